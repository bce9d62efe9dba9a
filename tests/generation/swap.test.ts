// One-click swaps in the studio: POST /api/generate with `swap` against the real PostgreSQL of the
// test setup (stand-in model, local blobs). The swapped motif and colour are checked in the
// candidates' recipes AND in their pixels; the candidates re-render byte-identically.
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/standin';
process.env.GENERATION_RATE_BURST = '40';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as generate } from '../../app/api/generate/route';
import { renderRecipe } from '../../lib/generation';
import { decodeToRgb8 } from '../../lib/generation/image';
import { colourAlternatives, colourPicker, motifAlternatives, nearestColourName } from '../../lib/pattern/alternatives';
import { colourByName, deltaE2000, hexToLab, rgbToHex } from '../../lib/pattern/colours';
import { motifMainColour } from '../../lib/pattern/design';
import { getBlob } from '../../lib/storage';
import { resetDatabase } from '../setup/db';
import { fromAddress } from './support/peer';

let ip = 0;
const post = (body: unknown) =>
  generate(new Request('http://test/api/generate', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...fromAddress(`203.0.113.${++ip}`) } }), undefined as never);

async function events(res: Response) {
  expect(res.status, await res.clone().text().catch(() => '')).toBe(200);
  return (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
}

/** Share of a PNG's pixels within ΔE2000 `limit` of `hex`. */
async function share(png: Buffer, hex: string, limit = 8): Promise<number> {
  const { rgb } = await decodeToRgb8(png);
  const counts = new Map<string, number>();
  for (let i = 0; i < rgb.length; i += 3) {
    const k = rgbToHex(rgb[i] & 0xfc, rgb[i + 1] & 0xfc, rgb[i + 2] & 0xfc);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let near = 0;
  for (const [k, n] of counts) if (deltaE2000(k, hex) < limit) near += n;
  return near / (rgb.length / 3);
}

beforeAll(async () => {
  await resetDatabase();
});

describe('alternatives the studio offers', () => {
  it('offers motifs the same words name and close relatives, never the motif itself', () => {
    const lemon = motifAlternatives('lemon', 'lemons').map((m) => m.id);
    expect(lemon[0]).toBe('lime');
    expect(lemon).toContain('tangerine');
    expect(lemon).not.toContain('lemon');
    const kittens = motifAlternatives('cat-face', 'kittens').map((m) => m.id);
    expect(kittens[0]).toBe('cat'); // "kittens" also names the whole cat
    expect(motifAlternatives('cat-face', 'kittens', 6, ['cat']).map((m) => m.id)).not.toContain('cat');
    expect(motifAlternatives('no-such-motif', 'x')).toEqual([]);
  });

  it('offers lighter, darker and muted shades of the same hue, each a colour its name prints as', () => {
    for (const name of ['navy', 'sage', 'red', 'burgundy', 'teal', 'mustard']) {
      const c = colourByName(name)!;
      const [L, a, b] = hexToLab(c.hex);
      const alts = colourAlternatives(c);
      expect(alts.map((x) => x.kind), name).toEqual(['lighter', 'darker', 'muted']);
      for (const alt of alts) {
        expect(colourByName(alt.name)?.hex, `${name} → ${alt.name}`).toBe(alt.hex);
        const [L2, a2, b2] = hexToLab(alt.hex);
        if (alt.kind === 'lighter') expect(L2, `${name} → ${alt.name}`).toBeGreaterThan(L + 4);
        if (alt.kind === 'darker') expect(L2, `${name} → ${alt.name}`).toBeLessThan(L - 4);
        if (alt.kind === 'muted') expect(Math.hypot(a2, b2), `${name} → ${alt.name}`).toBeLessThan(Math.hypot(a, b));
        const hue = Math.abs(Math.atan2(b2, a2) - Math.atan2(b, a)) * (180 / Math.PI);
        expect(Math.min(hue, 360 - hue), `${name} → ${alt.name} keeps its hue`).toBeLessThan(35);
      }
    }
    expect(colourAlternatives(colourByName('white')!).map((x) => x.kind)).not.toContain('lighter');
    for (const p of colourPicker()) expect(colourByName(p.name)?.hex).toBe(p.hex);
    expect(nearestColourName('#000082').name).toBe('navy');
  });
});

describe('POST /api/generate with a swap', () => {
  it('swaps a motif and the background: the recipes, the prompt and the pixels change, and re-render byte-identically', async () => {
    const plain = await events(await post({ prompt: 'lemons on navy', seed: 11 }));
    expect(plain[0].understood.motifs.map((m: { id: string }) => m.id)).toEqual(['lemon']);
    const lime = plain[0].choices.motifs[0].alternatives.find((m: { id: string }) => m.id === 'lime');
    expect(lime).toBeTruthy();
    const bgSlot = plain[0].choices.colours.find((c: { role: string }) => c.role === 'background');
    expect(bgSlot.current).toMatchObject({ name: 'navy', hex: '#000080' });

    const ev = await events(await post({ prompt: 'lemons on navy', seed: 11, swap: { motifs: [{ from: 'lemon', to: 'lime' }], colours: [{ role: 'background', to: 'teal' }] } }));
    expect(ev[0]).toMatchObject({ type: 'start', prompt: 'limes on teal', swaps: [{ from: 'lemons', to: 'limes' }, { from: 'navy', to: 'teal' }] });
    expect(ev[0].understood.motifs.map((m: { id: string }) => m.id)).toEqual(['lime']);
    expect(ev[0].understood.background).toEqual({ name: 'teal', hex: '#008080' });
    const cands = ev.filter((e) => e.type === 'candidate');
    const before = plain.filter((e) => e.type === 'candidate');
    expect(cands).toHaveLength(4);
    const [lemonInk, limeInk] = [await motifMainColour('lemon'), await motifMainColour('lime')];
    for (const [i, c] of cands.entries()) {
      expect(c.recipe.prompt).toBe('limes on teal');
      expect(c.recipe.pattern.motifs.map((m: { id: string }) => m.id)).toEqual(['lime']);
      // The engine may print a named colour as its designer shade; it stays that colour.
      expect(deltaE2000(c.recipe.pattern.background, '#008080'), `candidate ${i} background`).toBeLessThan(8);
      const navy = before[i].recipe.pattern.background;
      expect(deltaE2000(navy, '#000080')).toBeLessThan(15);
      const png = await getBlob(c.sha256);
      const was = await getBlob(before[i].sha256);
      // The pixels: teal ground instead of navy, lime green instead of lemon yellow.
      expect(await share(png, '#008080', 10), `candidate ${i} teal`).toBeGreaterThan(0.25);
      expect(await share(was, '#008080', 10), `candidate ${i} teal before`).toBeLessThan(0.02);
      expect(await share(was, navy, 10), `candidate ${i} navy before`).toBeGreaterThan(0.25);
      expect(await share(png, navy, 10), `candidate ${i} navy after`).toBeLessThan(0.02);
      expect(await share(png, limeInk, 6), `candidate ${i} lime ink`).toBeGreaterThan((await share(was, limeInk, 6)) + 0.005);
      expect(await share(was, lemonInk, 6), `candidate ${i} lemon ink`).toBeGreaterThan((await share(png, lemonInk, 6)) + 0.005);
      // An ordinary recipe: drawn again from the recipe alone, the same bytes.
      expect(Buffer.compare(await renderRecipe(c.recipe), png), `candidate ${i} re-renders`).toBe(0);
    }
  });

  it('recolours a motif: its tint is the named colour, in the recipe and on the tile', async () => {
    const ev = await events(await post({ prompt: 'lemons on cream', seed: 5, swap: { colours: [{ role: 'motif', index: 0, to: 'coral' }] } }));
    expect(ev[0].prompt).toBe('coral lemons on cream');
    const coral = colourByName('coral')!.hex;
    const cands = ev.filter((e) => e.type === 'candidate');
    for (const c of cands) {
      expect(c.recipe.pattern.motifs[0].id).toBe('lemon');
      expect(deltaE2000(c.recipe.pattern.motifs[0].tint, coral)).toBeLessThan(8);
      expect(await share(await getBlob(c.sha256), coral, 10)).toBeGreaterThan(0.01);
    }
  });

  it('refuses swaps that name nothing in the design or in the library with 422, before streaming', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ motifs: [{ from: 'lemon', to: 'no-such-motif' }] }, 422, /no motif "no-such-motif"/],
      [{ motifs: [{ from: 'lemon', to: 'Lime!' }] }, 422, /no motif "Lime!"/],
      [{ motifs: [{ from: 'pizza', to: 'lime' }] }, 422, /"pizza" is not a motif of this design/],
      [{ colours: [{ role: 'background', to: 'blorple' }] }, 422, /"blorple" is not a colour/],
      [{ colours: [{ role: 'palette', index: 3, to: 'teal' }] }, 422, /no palette colour number 4/],
      [{ colours: [{ role: 'motif', index: 2, to: 'teal' }] }, 422, /no motif number 3/],
      [{ colours: [{ role: 'text', to: 'teal' }] }, 422, /no lettering/],
      [{ motifs: 'lime' }, 400, /motifs/],
      [{ colours: [{ role: 'sky', to: 'teal' }] }, 400, /role/],
    ];
    for (const [swap, status, msg] of cases) {
      const res = await post({ prompt: 'lemons on navy', seed: 1, swap });
      expect(res.status, JSON.stringify(swap)).toBe(status);
      expect((await res.json()).error.message, JSON.stringify(swap)).toMatch(msg);
    }
    const diffusion = await post({ prompt: 'lemons on navy', engine: 'diffusion', swap: { colours: [{ role: 'background', to: 'teal' }] } });
    expect(diffusion.status).toBe(422);
    expect((await diffusion.json()).error.code).toBe('invalid_swap');
  });
});
