// A texture tile is sold as a repeat of one rasterised tile, so the seam is checked on that:
// one tile rendered alone at 384 px, its pixels wrapped around. Across the tile's edge it must
// look like anywhere inside it, and its edge pixels must match the continuous pattern (four
// copies drawn in one picture, the tile's corner in the middle). Blur filters fail this: librsvg
// blurs a lone tile against the empty canvas past its edges. Engine-v1 textures keep their
// output (stored designs); v2 is seamless and prints crisp.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeTile, type PatternSpec } from '../../lib/pattern/compose';
import { TEXTURES } from '../../lib/pattern/textures';
import type { TextureDef } from '../../lib/pattern/types';
import { decodeRgb, offPaletteShare } from '../../lib/print';

const PX = 384;
const SEEDS = [1, 5, 9, 42];
const SOFT_IN_V1 = ['tie-dye', 'marble', 'watercolour', 'galaxy'];
// Redrawn in v2: the blurred textures, and tartan's twill without anti-aliasing.
const CHANGED_IN_V2 = [...SOFT_IN_V1, 'tartan'];
/** Flat colours each of those paints in v2: ground and dyes; paper, three washes and three pools; night, three clouds, core and stars; stone, halo and two veins. */
const FLAT_COLOURS: Record<string, number> = { 'tie-dye': 7, watercolour: 7, galaxy: 6, marble: 4 };
const svg = (px: number, inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 1000 1000">${inner}</svg>`;
const raw = async (markup: string) => sharp(Buffer.from(markup)).removeAlpha().raw().toBuffer();

/** Mean |ΔRGB| between two pixel columns (or rows) of a tile, indices wrapped. */
function lineDiff(data: Buffer, a: number, b: number, rows: boolean): number {
  const at = (line: number, t: number) => 3 * (rows ? ((line + PX) % PX) * PX + t : t * PX + ((line + PX) % PX));
  let s = 0;
  for (let t = 0; t < PX; t++) {
    const p = at(a, t);
    const q = at(b, t);
    s += Math.abs(data[p] - data[q]) + Math.abs(data[p + 1] - data[q + 1]) + Math.abs(data[p + 2] - data[q + 2]);
  }
  return s / PX;
}

/**
 * The step across the tile's edge (last line to first) and what it may be: 1.5 × the larger of
 * the mean step between neighbouring lines inside the tile and the largest step of the two line
 * pairs on each side of the edge (a shape whose own outline runs along the edge), plus 2.
 */
function edgeStep(data: Buffer, rows: boolean): { step: number; bound: number } {
  let sum = 0;
  for (let k = 0; k < PX - 1; k++) sum += lineDiff(data, k, k + 1, rows);
  const near = Math.max(...[-3, -2, 0, 1].map((k) => lineDiff(data, k, k + 1, rows)));
  return { step: lineDiff(data, -1, 0, rows), bound: 1.5 * Math.max(sum / (PX - 1), near) + 2 };
}

/** Mean |ΔRGB| between the lone tile, wrapped, and the continuous pattern, within 3 px of the tile's edges. */
async function edgeMismatch(body: string): Promise<number> {
  const tile = await raw(svg(PX, body));
  const copies = [[-500, -500], [500, -500], [-500, 500], [500, 500]].map(([x, y]) => `<g transform="translate(${x} ${y})">${body}</g>`).join('');
  const truth = await raw(svg(PX, copies));
  const H = PX / 2;
  let sum = 0;
  let n = 0;
  for (let y = 0; y < PX; y++) {
    for (let x = 0; x < PX; x++) {
      if (Math.abs(x - H + 0.5) >= 3 && Math.abs(y - H + 0.5) >= 3) continue;
      const p = 3 * (y * PX + x);
      const q = 3 * (((y + H) % PX) * PX + ((x + H) % PX));
      sum += Math.abs(truth[p] - tile[q]) + Math.abs(truth[p + 1] - tile[q + 1]) + Math.abs(truth[p + 2] - tile[q + 2]);
      n++;
    }
  }
  return sum / n;
}

const specFor = (t: TextureDef, v?: 2): PatternSpec => ({ v, background: t.defaultColours[0], motifs: [], layout: 'grid', density: 'normal', scale: 'medium', texture: { id: t.id, colours: t.defaultColours } });

describe('texture seams', () => {
  it.each(TEXTURES.map((t) => [t.id, t] as const))('%s (v2) repeats without a seam', async (_id, t) => {
    for (const seed of SEEDS) {
      const body = t.render({ seed, colours: t.defaultColours, v: 2 });
      const data = await raw(svg(PX, body));
      for (const rows of [false, true]) {
        const { step, bound } = edgeStep(data, rows);
        expect(step, `${t.id} seed ${seed} ${rows ? 'rows' : 'columns'}`).toBeLessThanOrEqual(bound);
      }
      expect(await edgeMismatch(body), `${t.id} seed ${seed}`).toBeLessThan(1);
      // The same through the engine, as the studio draws a v2 design.
      const tile = await raw(composeTile(specFor(t, 2), seed, PX));
      for (const rows of [false, true]) {
        const { step, bound } = edgeStep(tile, rows);
        expect(step, `${t.id} seed ${seed} composed`).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('finds the seam the blurred v1 textures have (kept for stored designs)', async () => {
    for (const id of SOFT_IN_V1) {
      const t = TEXTURES.find((x) => x.id === id)!;
      expect(await edgeMismatch(t.render({ seed: 5, colours: t.defaultColours })), id).toBeGreaterThan(2);
    }
  });
});

describe('texture engine versions', () => {
  it('draws version 1 exactly as before and changes only the blurred textures and tartan in v2', () => {
    for (const t of TEXTURES) {
      for (const seed of [2, 7]) {
        const v1 = t.render({ seed, colours: t.defaultColours });
        expect(t.render({ seed, colours: t.defaultColours, v: 1 })).toBe(v1);
        const v2 = t.render({ seed, colours: t.defaultColours, v: 2 });
        if (CHANGED_IN_V2.includes(t.id)) expect(v2, t.id).not.toBe(v1);
        else expect(v2, t.id).toBe(v1);
      }
    }
  });

  it('draws v2 without blur filters or gradients', () => {
    for (const t of TEXTURES) {
      const v2 = t.render({ seed: 3, colours: t.defaultColours, v: 2 });
      expect(v2, t.id).not.toMatch(/<filter|Gradient/);
    }
  });

  // A 300 DPI print of a 4-inch repeat is a 1200 px tile; half of it is measured, to keep the test short.
  it.each(TEXTURES.map((t) => t.id))('%s (v2) prints crisp: off-palette share ≤ 0.03 at 300 DPI', async (id) => {
    const t = TEXTURES.find((x) => x.id === id)!;
    const png = await sharp(Buffer.from(composeTile(specFor(t, 2), 4, 1200))).removeAlpha().png().toBuffer();
    const img = await decodeRgb(png, { left: 300, top: 300, width: 600, height: 600 });
    // The measure's palette holds six colours, or as many as the texture paints.
    expect(offPaletteShare(img, { colours: Math.max(6, FLAT_COLOURS[id] ?? 6) })).toBeLessThanOrEqual(0.03);
  }, 30_000);
});
