// Words that say how a pattern looks (vertical, single, on top, light, for a kids room, college
// letters) are never drawn as motifs; a colour named for a motif, a texture or words to print
// holds in the pixels. The requests are written for this test, not taken from any evaluation set.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPatternPng, specFor, understandPrompt, type PatternSpec } from '../../lib/pattern';
import { deltaE2000, hexToLab } from '../../lib/pattern/colours';
import { motifById } from '../../lib/pattern/motif-library';
import { TEXTURES } from '../../lib/pattern/textures';
import type { Hex } from '../../lib/pattern/types';

const PX = 240;
const ids = (prompt: string) => understandPrompt(prompt).motifs.map((m) => m.motif.id);

/** Candidate `candidate` of a request that must make a design. */
const spec = async (prompt: string, candidate = 0): Promise<PatternSpec> => (await specFor(understandPrompt(prompt), 1, candidate)) ?? expect.unreachable(`no design for "${prompt}"`);

/** The rendered tile as CIELAB pixels. */
async function labPixels(s: PatternSpec): Promise<[number, number, number][]> {
  const { data } = await sharp(await renderPatternPng(s, 1, PX)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const cache = new Map<number, [number, number, number]>();
  const out: [number, number, number][] = [];
  for (let k = 0; k < PX * PX; k++) {
    const key = (data[k * 3] << 16) | (data[k * 3 + 1] << 8) | data[k * 3 + 2];
    let lab = cache.get(key);
    if (!lab) cache.set(key, (lab = hexToLab(`#${key.toString(16).padStart(6, '0')}` as Hex) as [number, number, number]));
    out.push(lab);
  }
  return out;
}

const hueDeg = (lab: readonly number[]) => ((Math.atan2(lab[2], lab[1]) * 180) / Math.PI + 360) % 360;
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
const chroma = (lab: readonly number[]) => Math.hypot(lab[1], lab[2]);

describe('look words are never drawn', () => {
  it.each([
    ['tall vertical stripes, navy and cream', []],
    ['one single giant pumpkin, nothing else', ['jack-o-lantern']],
    ['waffles with strawberries on top', ['waffle', 'strawberry']],
    ['dinosaurs for a boys bedroom', ['sauropod']],
    ['kiwi halves on white', ['kiwi-fruit']],
    ['pale wood grain with little mushrooms', ['mushroom']],
  ])('"%s" draws only %j', (prompt, expected) => {
    expect(ids(prompt).sort()).toEqual([...expected].sort());
  });

  it('"single" is a count of one', () => {
    expect(understandPrompt('a single big sun on peach').count).toBe(1);
  });

  it('words to print in a colour and a college style: the ink and a block face, no motif from the words', async () => {
    const i = understandPrompt('GO BEARS in green college letters');
    expect(i.motifs).toEqual([]);
    expect(i.text?.content).toBe('GO BEARS');
    expect(i.text?.font.id).toBe('bungee');
    const s = await spec('GO BEARS in green college letters');
    expect(deltaE2000(s.text!.colour, '#2e8b57')).toBeLessThan(10);
  });

  it('vertical stripes in two colours: columns of one colour each, rows alike', async () => {
    const s = await spec('vertical stripes in navy and cream');
    expect(s.motifs).toEqual([]);
    expect(s.vertical).toBe(true);
    const px = await labPixels(s);
    const L = (x: number, y: number) => px[y * PX + x][0];
    // Down a column the colour never changes; across a row it alternates between light and dark.
    let columnSpread = 0;
    for (let x = 0; x < PX; x += 7) {
      const col = Array.from({ length: PX }, (_, y) => L(x, y));
      columnSpread = Math.max(columnSpread, Math.max(...col) - Math.min(...col));
    }
    const row = Array.from({ length: PX }, (_, x) => L(x, PX / 2));
    const mean = row.reduce((a, b) => a + b, 0) / PX;
    const rowSd = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / PX);
    expect(columnSpread).toBeLessThan(2);
    expect(rowSd).toBeGreaterThan(20);
  });
});

describe('colours ruled out or listed as the only ones', () => {
  it('"any" after a negation still rules the colour out: no candidate is laid on a near-black ground', async () => {
    const i = understandPrompt('owls without any black, please');
    expect(i.excluded.colours.map((c) => c.name)).toContain('black');
    for (let c = 0; c < 4; c++) {
      const s = await spec('owls without any black, please', c);
      expect(hexToLab(s.background)[0]).toBeGreaterThan(20);
      // In the pixels: the ground's own pixels are nowhere near black.
      const px = await labPixels(s);
      const ground = hexToLab(s.background);
      const groundPx = px.filter((p) => Math.hypot(p[0] - ground[0], p[1] - ground[1], p[2] - ground[2]) < 3);
      expect(groundPx.length).toBeGreaterThan(PX * PX * 0.3);
      expect(groundPx.every((p) => p[0] >= 20)).toBe(true);
    }
  });

  it('"only green and cream": cream is the ground, the motifs green, none in their own colour', async () => {
    const s = await spec('roses, no red, only green and cream');
    expect(deltaE2000(s.background, '#fffdd0')).toBeLessThan(10);
    expect(s.motifs.every((m) => m.tint && hueGap(hueDeg(hexToLab(m.tint)), hueDeg(hexToLab('#2e8b57'))) < 25)).toBe(true);
    // In the pixels: most coloured pixels are green, almost none red.
    const ground = hexToLab(s.background);
    const coloured = (await labPixels(s)).filter((p) => chroma(p) > 15 && Math.hypot(p[0] - ground[0], p[1] - ground[1], p[2] - ground[2]) > 6);
    const green = coloured.filter((p) => hueGap(hueDeg(p), hueDeg(hexToLab('#2e8b57'))) < 40).length;
    const red = coloured.filter((p) => hueGap(hueDeg(p), 40) < 25 && p[0] < 60).length;
    expect(green / coloured.length).toBeGreaterThan(0.6);
    expect(red / coloured.length).toBeLessThan(0.05);
  });
});

describe('a colour named for a motif colours the whole motif', () => {
  it.each([
    ['purple butterflies on white', '#7b3fa0'],
    ['farfalle verdi', '#2e8b57'],
  ])('"%s": most of the motif pixels take the named hue', async (prompt, named) => {
    const s = await spec(prompt);
    expect(s.motifs[0].tint).toBeDefined();
    const ground = hexToLab(s.background);
    const target = hueDeg(hexToLab(named as Hex));
    const motifPx = (await labPixels(s)).filter((p) => Math.hypot(p[0] - ground[0], p[1] - ground[1], p[2] - ground[2]) > 8 && chroma(p) > 12);
    expect(motifPx.length).toBeGreaterThan(PX * PX * 0.05);
    const inHue = motifPx.filter((p) => hueGap(hueDeg(p), target) < 30).length;
    expect(inHue / motifPx.length).toBeGreaterThanOrEqual(0.6);
  });
});

describe('a texture in the colours named', () => {
  it.each([
    ['green camouflage', ['#2e8b57']],
    ['purple tartan', ['#7b3fa0']],
    ['mint gingham', ['#98ff98']],
    ['galaxy in pink and teal', ['#e0559f', '#008080']],
  ])('"%s": the named hues cover most of the coloured pixels', async (prompt, named) => {
    const s = await spec(prompt);
    expect(s.texture).toBeDefined();
    const hues = named.map((h) => hueDeg(hexToLab(h as Hex)));
    // A galaxy's near-black sky is its ground, not a colour.
    const coloured = (await labPixels(s)).filter((p) => chroma(p) > 10 && p[0] > 15);
    expect(coloured.length).toBeGreaterThan(PX * PX * 0.2);
    const inHue = coloured.filter((p) => hues.some((h) => hueGap(hueDeg(p), h) < 30)).length;
    expect(inHue / coloured.length).toBeGreaterThanOrEqual(0.8);
  });

  it('"cheetah spots" are the leopard texture in the colour named; "confetti" is a scatter of small pieces, not a party emoji', async () => {
    const cheetah = understandPrompt('lilac cheetah spots');
    expect(cheetah.texture?.def.id).toBe('leopard');
    expect(cheetah.motifs).toEqual([]);
    const confetti = understandPrompt('confetti on white, dense');
    expect(confetti.texture?.def.id).toBe('terrazzo');
    expect(confetti.motifs).toEqual([]);
  });
});

describe('many-coloured words give each motif another hue', () => {
  it.each(['rainbow butterflies on white', 'colourful umbrellas', 'pastel rainbow stars'])('"%s": the motifs show at least three clearly different hues', async (prompt) => {
    const s = await spec(prompt);
    expect(new Set(s.motifs.map((m) => m.tint)).size).toBeGreaterThanOrEqual(3);
    const ground = hexToLab(s.background);
    const motifPx = (await labPixels(s)).filter((p) => Math.hypot(p[0] - ground[0], p[1] - ground[1], p[2] - ground[2]) > 8 && chroma(p) > 12);
    // Hues in 30° bins: at least three bins each hold 8 % of the coloured motif pixels.
    const bins = new Array(12).fill(0);
    for (const p of motifPx) bins[Math.floor(hueDeg(p) / 30) % 12]++;
    expect(bins.filter((n) => n / motifPx.length >= 0.08).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a rainbow is drawn whole', () => {
  it('"rainbows on navy": the arch motif, as wide as two of its heights and mirror-symmetric in its pixels', async () => {
    const s = await spec('little rainbows on navy');
    expect(s.motifs.map((m) => m.id)).toEqual(['rainbow-arch']);
    const m = motifById('rainbow-arch')!;
    expect(m.width).toBe(2 * m.height);
    const W = 200;
    const H = 100;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${m.width} ${m.height}">${m.body}</svg>`;
    const { data } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let drawn = 0;
    let unmatched = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const here = data[(y * W + x) * 4 + 3] > 128;
        const mirror = data[(y * W + (W - 1 - x)) * 4 + 3] > 128;
        if (here) drawn++;
        if (here !== mirror) unmatched++;
      }
    // An arch fills both halves alike; Fluent's quarter arc would fill one corner only.
    expect(drawn).toBeGreaterThan(W * H * 0.3);
    expect(unmatched / drawn).toBeLessThan(0.03);
    // The library's own rainbow stays for designs already stored.
    expect(motifById('rainbow')).toBeDefined();
  });
});

describe('tie-dye is soft and spiralled', () => {
  it('new tie-dye: neighbouring colours step softly, the tile repeats without a seam; stored versions draw as before', async () => {
    const t = TEXTURES.find((x) => x.id === 'tie-dye')!;
    const colours = ['#ffffff', '#e63950', '#3f5bd8', '#f7d633'] as Hex[];
    const W = 200;
    const steps = async (v: number) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${W}" viewBox="0 0 1000 1000">${t.render({ seed: 4, colours, v })}</svg>`;
      const { data } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => hexToLab(`#${[0, 1, 2].map((c) => data[(y * W + x) * 3 + c].toString(16).padStart(2, '0')).join('')}` as Hex);
      const jumps: number[] = [];
      for (let y = 0; y < W; y += 2) for (let x = 1; x < W; x++) {
        const [a, b] = [at(x - 1, y), at(x, y)];
        const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        if (d > 2) jumps.push(d);
      }
      jumps.sort((p, q) => p - q);
      // Across the tile's edge: as alike as neighbours inside it.
      let edge = 0;
      let inside = 0;
      for (let y = 0; y < W; y++) {
        const [a, b, c2] = [at(W - 1, y), at(0, y), at(W / 2, y)];
        edge += Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        const d = at(W / 2 - 1, y);
        inside += Math.hypot(c2[0] - d[0], c2[1] - d[1], c2[2] - d[2]);
      }
      return { median: jumps[Math.floor(jumps.length / 2)], edge: edge / W, inside: inside / W };
    };
    const v3 = await steps(3);
    const v2 = await steps(2);
    expect(v3.median).toBeLessThan(v2.median * 0.6);
    expect(v3.edge).toBeLessThan(Math.max(3, v3.inside * 2.5));
    expect(t.render({ seed: 4, colours, v: 2 })).not.toBe(t.render({ seed: 4, colours, v: 3 }));
  });
});

describe('no wrong stand-ins', () => {
  it('"acorns" is said plainly to have no motif, with close ones offered, rather than drawn as chestnuts', () => {
    const i = understandPrompt('acorns and maple leaves');
    expect(i.motifs.map((m) => m.motif.id)).toEqual(['maple-leaf']);
    expect(i.unknown.map((u) => u.words)).toEqual(['acorns']);
    expect(i.unknown[0].suggestions.map((m) => m.id)).toContain('chestnut');
  });

  it('"gold" motifs are a metallic gold, not lemon yellow', async () => {
    const s = await spec('gold stars on black');
    const tint = hexToLab(s.motifs[0].tint!);
    expect(deltaE2000(s.motifs[0].tint!, '#ffd700')).toBeLessThan(10);
    expect(deltaE2000(s.motifs[0].tint!, '#ffd700')).toBeGreaterThan(5);
    expect(tint[0]).toBeLessThan(80);
  });
});
