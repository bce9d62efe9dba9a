// The pattern engine: what it understands of shoppers' words, and what it draws — checked by
// the pixels of the rendered tiles (the motif's colours are there, the ruled-out colour is not,
// the tile repeats without a seam, the same recipe gives the same bytes, prints crisp).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeTile, motifLibrary, motifMainColour, placements, renderPatternPng, specFor, understandPrompt, type PatternSpec } from '../../lib/pattern';
import { deltaE2000, hexToLab } from '../../lib/pattern/colours';
import { decodeRgb, offPaletteShare } from '../../lib/print';

const motifIds = (prompt: string) => understandPrompt(prompt).motifs.map((m) => m.motif.id);

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Share of pixels within ΔE2000 `limit` of a colour. */
async function share(png: Buffer, hex: string, limit = 6): Promise<number> {
  const { data } = await pixels(await sharp(png).resize(128, 128, { kernel: 'nearest' }).png().toBuffer());
  let n = 0;
  for (let i = 0; i < data.length; i += 3) {
    const h = `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    if (deltaE2000(h, hex) < limit) n++;
  }
  return n / (data.length / 3);
}

describe('understanding', () => {
  it('knows at least 1,500 motifs', () => {
    expect(motifLibrary().motifs.size).toBeGreaterThanOrEqual(1500);
  });

  it.each([
    ['pineapples on pink', ['pineapple']],
    ['tacos', ['taco']],
    ['bicycles on cream', ['bicycle']],
    ['skulls and roses', ['skull', 'rose']],
    ['cats and dogs', ['cat', 'dog']],
    ['gatos y perros', ['cat', 'dog']],
    ['Katzen auf blauem Hintergrund', ['cat']],
    ['кошки и звёзды', ['cat', 'star']],
    ['猫と星', ['cat', 'star']],
    ['abacaxis e flores', ['pineapple', 'blossom']],
    ['koty i gwiazdy', ['cat', 'star']],
  ])('"%s" → %j', (prompt, ids) => {
    expect(motifIds(prompt)).toEqual(ids);
  });

  it('reads typos as the word meant and says so', () => {
    const [m] = understandPrompt('sunflwers').motifs;
    expect(m).toMatchObject({ words: 'sunflwers', corrected: 'sunflower', motif: { id: 'sunflower' } });
    expect(motifIds('dinosuars')).toHaveLength(1);
  });

  it('gives colours their roles: the motif colour before it, the background after "on"', () => {
    const i = understandPrompt('red hearts on navy');
    expect(i.motifs[0].colour?.name).toBe('red');
    expect(i.background?.name).toBe('navy');
  });

  it('reads two colours joined by "and" as some of each, and a colour word after another as one shade', () => {
    expect(understandPrompt('peach and lilac flowers').motifs[0].colours?.map((c) => c.name)).toEqual(['peach', 'lilac']);
    const rust = understandPrompt('rust orange foxes').motifs[0];
    expect([rust.colour?.name, rust.colours]).toEqual(['rust', undefined]);
    expect(understandPrompt('moss and tiny orange beetles').motifs[0].colours).toBeUndefined();
  });

  it('reads counts, scale, layout and negation', () => {
    const stars = understandPrompt('three big stars');
    expect([stars.count, stars.scale, stars.motifs[0].motif.id]).toEqual([3, 'large', 'star']);
    expect(understandPrompt('cats in a grid').layout).toBe('grid');
    expect(understandPrompt('hearts, no red').excluded.colours.map((c) => c.name)).toEqual(['red']);
    expect(motifIds('fruit without bananas')).not.toContain('banana');
  });

  it('reads names and phrases to print, and their style', () => {
    const alice = understandPrompt('my name Alice in pink script');
    expect(alice.text).toMatchObject({ content: 'Alice', font: { style: 'script' } });
    expect(alice.text?.colour?.name).toMatch(/pink/);
    expect(understandPrompt('happy birthday Sam').text?.content).toBe('happy birthday Sam');
    expect(understandPrompt('"Team Bride" in gold').text?.content).toBe('Team Bride');
  });

  it.each([
    ['mickey mouse', 'character'],
    ['nike swoosh', 'brand'],
    ['pikachu and friends', 'character'],
    ['taylor swift faces', 'person'],
    ['louis vuitton monogram', 'brand'],
  ])('refuses "%s" for a %s reason', (prompt, reason) => {
    const r = understandPrompt(prompt).refusals;
    expect(r[0]?.reason).toBe(reason);
    expect(r[0]?.message).toMatch(/can't print/);
  });

  it('does not refuse ordinary words that brands also use', () => {
    expect(understandPrompt('puma and jaguar print').refusals).toEqual([]);
    expect(understandPrompt('amazon rainforest leaves').refusals).toEqual([]);
  });
});

describe('drawing', () => {
  const spec = async (prompt: string, candidate = 0) => (await specFor(understandPrompt(prompt), 7, candidate))!;

  it('draws the motif in its colours on the asked background', async () => {
    const s = await spec('lemons on light blue');
    const png = await renderPatternPng(s, 7, 512);
    expect(await share(png, s.background)).toBeGreaterThan(0.4);
    expect(await share(png, await motifMainColour('lemon'), 8)).toBeGreaterThan(0.05);
  });

  it('recolours a motif to the colour asked ("blue cats"), keeping none of its own', async () => {
    const s = await spec('blue cats on white');
    expect(s.motifs[0].tint).toBeDefined();
    const png = await renderPatternPng(s, 7, 512);
    expect(await share(png, await motifMainColour('cat'), 10)).toBeLessThan(0.005);
    expect(await share(png, s.motifs[0].tint!, 15)).toBeGreaterThan(0.03);
  });

  it('leaves out a colour the shopper ruled out ("hearts, no red")', async () => {
    for (let c = 0; c < 4; c++) {
      const png = await renderPatternPng(await spec('hearts, no red', c), 7 + c, 384);
      expect(await share(png, '#ff0000', 20)).toBeLessThan(0.003);
      expect(await share(png, '#e02030', 20)).toBeLessThan(0.003);
    }
  });

  it('repeats without a seam: across each edge the pixels continue as inside the tile', async () => {
    const s: PatternSpec = { ...(await spec('skulls and roses')), layout: 'tossed', scale: 'large' };
    const tile = composeTile(s, 11, 1000).replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
    const twoByTwo = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 2000 2000">${[0, 1000].flatMap((x) => [0, 1000].map((y) => `<svg x="${x}" y="${y}" width="1000" height="1000" viewBox="0 0 1000 1000">${tile}</svg>`)).join('')}</svg>`;
    const { data, width } = await pixels(await sharp(Buffer.from(twoByTwo)).png().toBuffer());
    const colDiff = (x: number) => {
      let d = 0;
      for (let y = 0; y < 800; y++) for (let c = 0; c < 3; c++) d += Math.abs(data[(y * width + x) * 3 + c] - data[(y * width + x + 1) * 3 + c]);
      return d / 800;
    };
    const rowDiff = (y: number) => {
      let d = 0;
      for (let x = 0; x < 800; x++) for (let c = 0; c < 3; c++) d += Math.abs(data[(y * width + x) * 3 + c] - data[((y + 1) * width + x) * 3 + c]);
      return d / 800;
    };
    // A motif may cross the seam, so the seam is compared with the sharpest edge found elsewhere:
    // a cut motif leaves a straight edge down the whole seam, far above any drawn edge.
    const others = Array.from({ length: 798 }, (_, x) => x).filter((x) => Math.abs(x - 399) > 1);
    expect(colDiff(399)).toBeLessThan(Math.max(...others.map(colDiff)) * 1.5 + 2);
    expect(rowDiff(399)).toBeLessThan(Math.max(...others.map(rowDiff)) * 1.5 + 2);
  });

  it('arranges tossed motifs as a surface designer would: heroes and smaller companions, gentle turns, no bare holes', async () => {
    for (const prompt of ['skulls and roses', 'lemons on light blue', 'cactus and succulents', 'whales']) {
      for (const c of [0, 1, 3]) {
        const s = await spec(prompt, c);
        expect(s.layout).toBe('tossed');
        const motifs = placements(s, 7 + c);
        const sizes = motifs.map((p) => p.size);
        expect(Math.max(...sizes) / Math.min(...sizes), prompt).toBeGreaterThan(1.8);
        expect(Math.max(...sizes)).toBeGreaterThan(220); // a hero is ≥ 84 px on a 384 px tile
        for (const p of motifs) expect(Math.abs(p.rotate)).toBeLessThanOrEqual(20);
        // Pixels: every quarter-tile window (2 × 2 blocks of an 8 × 8 grid, wrapping) shows ink.
        const { data, width } = await pixels(await renderPatternPng(s, 7 + c, 256));
        const ink = Array.from({ length: 64 }, (_, b) => {
          let n = 0;
          for (let y = 0; y < 32; y++) {
            for (let x = 0; x < 32; x++) {
              const i = (((b >> 3) * 32 + y) * width + (b & 7) * 32 + x) * 3;
              const h = `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
              if (deltaE2000(h, s.background) > 6) n++;
            }
          }
          return n / 1024 > 0.02;
        });
        for (let r = 0; r < 8; r++) for (let q = 0; q < 8; q++) expect([[r, q], [r, (q + 1) % 8], [(r + 1) % 8, q], [(r + 1) % 8, (q + 1) % 8]].some(([y, x]) => ink[y * 8 + x]), `${prompt} #${c}: hole at ${r},${q}`).toBe(true);
      }
    }
  });

  it('candidates differ in colourway: light and deep grounds alternate when the shopper names none', async () => {
    const grounds = await Promise.all([0, 1, 2, 3].map(async (c) => (await spec('cats and dogs', c)).background));
    const L = grounds.map((g) => hexToLab(g)[0]);
    expect(L[0]).toBeGreaterThan(70);
    expect(L[1]).toBeLessThan(45);
    expect(new Set(grounds).size).toBeGreaterThanOrEqual(3);
  });

  it('a named basic ground is a designer shade, not the screen primary', async () => {
    for (const [prompt, primary] of [['whales on blue', '#0000ff'], ['christmas trees on red', '#ff0000'], ['ladybugs on green', '#008000']] as const) {
      const s = await spec(prompt);
      expect(deltaE2000(s.background, primary)).toBeGreaterThan(8);
      expect(deltaE2000(s.background, primary)).toBeLessThan(30);
    }
  });

  it('makes four different candidates, and the same recipe makes the same bytes', async () => {
    const intent = understandPrompt('cactus and succulents');
    const svgs = await Promise.all([0, 1, 2, 3].map(async (c) => composeTile((await specFor(intent, 5, c))!, 5 + c, 512)));
    expect(new Set(svgs).size).toBe(4);
    const s = (await specFor(intent, 5, 0))!;
    expect((await renderPatternPng(s, 5, 256)).equals(await renderPatternPng(JSON.parse(JSON.stringify(s)), 5, 256))).toBe(true);
  });

  it('prints crisp: off-palette share of a 1200 px tile ≤ 0.03', async () => {
    for (const prompt of ['lemons on light blue', 'skulls and roses', 'my name Alice in pink script']) {
      const png = await renderPatternPng(await spec(prompt), 3, 1200);
      expect(offPaletteShare(await decodeRgb(png)), prompt).toBeLessThanOrEqual(0.03);
    }
  });
});
