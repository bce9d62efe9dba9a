// Every texture, rendered by librsvg (sharp) and checked by its pixels: it tiles without a seam,
// it is painted in the colours asked for, it is a recipe (same seed, same bytes) and it looks
// unlike the other textures.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { TEXTURES } from '../../lib/pattern/textures';
import type { Hex, TextureDef } from '../../lib/pattern/types';

const PX = 512;
const PALETTE: Hex[] = ['#123456', '#e0c080', '#802020', '#3a9a5a', '#f0f0f0', '#6040a0', '#d07030'];
const svg = (w: number, h: number, vb: string, inner: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${vb}">${inner}</svg>`;

async function pixels(markup: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(markup)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Mean |ΔRGB| between pixel columns a and b (or rows, when `rows`). */
function lineDiff(img: { data: Buffer; width: number; height: number }, a: number, b: number, rows = false): number {
  const { data, width, height } = img;
  const n = rows ? width : height;
  let s = 0;
  for (let t = 0; t < n; t++) {
    const pa = rows ? (a * width + t) * 3 : (t * width + a) * 3;
    const pb = rows ? (b * width + t) * 3 : (t * width + b) * 3;
    s += Math.abs(data[pa] - data[pb]) + Math.abs(data[pa + 1] - data[pb + 1]) + Math.abs(data[pa + 2] - data[pb + 2]);
  }
  return s / n;
}

/**
 * The difference across the seam, and what it is compared with: 1.5 × the larger of the mean
 * difference between neighbouring lines inside the tiles and the largest of the two line pairs
 * on each side of the seam. A cut shape shows as a spike on the seam pair alone; a shape's own
 * edge that happens to lie along the seam also shows on its neighbours (antialiasing).
 */
async function seam(body: string, vertical: boolean): Promise<{ seam: number; bound: number }> {
  const inner = `<g>${body}</g><g transform="translate(${vertical ? '0 1000' : '1000 0'})">${body}</g>`;
  const img = await pixels(vertical ? svg(PX, 2 * PX, '0 0 1000 2000', inner) : svg(2 * PX, PX, '0 0 2000 1000', inner));
  let sum = 0;
  let n = 0;
  for (let k = 0; k < 2 * PX - 1; k++) {
    if (k === PX - 1) continue;
    sum += lineDiff(img, k, k + 1, vertical);
    n++;
  }
  const near = Math.max(...[PX - 3, PX - 2, PX, PX + 1].map((k) => lineDiff(img, k, k + 1, vertical)));
  return { seam: lineDiff(img, PX - 1, PX, vertical), bound: 1.5 * Math.max(sum / n, near) + 1 };
}

function toLab(r: number, g: number, b: number): [number, number, number] {
  const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
  const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
  const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const hexLab = (h: string) => toLab(parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16));
const dE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/**
 * Share of pixels per requested colour. Flat textures: pixels within ΔE 10 of it. Soft ones
 * (blurred, translucent): pixels whose nearest requested colour it is, within ΔE 25, since
 * their colours are meant to blend at the edges.
 */
async function colourShares(t: TextureDef, colours: Hex[], soft: boolean): Promise<number[]> {
  const img = await pixels(svg(256, 256, '0 0 1000 1000', t.render({ seed: 11, colours })));
  const labs = colours.map(hexLab);
  const counts = colours.map(() => 0);
  const total = img.width * img.height;
  for (let p = 0; p < total; p++) {
    const lab = toLab(img.data[3 * p], img.data[3 * p + 1], img.data[3 * p + 2]);
    let best = -1;
    let bestD = Infinity;
    labs.forEach((l, i) => {
      const d = dE(lab, l);
      if (d < bestD) [best, bestD] = [i, d];
    });
    if (bestD <= (soft ? 25 : 10)) counts[best]++;
  }
  return counts.map((c) => c / total);
}

// Least share each colour must cover; thin accents (tartan guard lines, galaxy stars) get less.
const MIN_SHARE: Record<string, { soft?: boolean; min: number[] }> = {
  camouflage: { min: [0.1, 0.08, 0.08, 0.05] },
  leopard: { min: [0.3, 0.1, 0.08] },
  zebra: { min: [0.3, 0.3] },
  tiger: { min: [0.3, 0.2] },
  'tie-dye': { soft: true, min: [0.02, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04] },
  marble: { min: [0.5, 0.01, 0.005] },
  terrazzo: { min: [0.5, 0.02, 0.02, 0.02, 0.02] },
  tartan: { min: [0.03, 0.03, 0.03, 0.003, 0.003] },
  gingham: { min: [0.15, 0.15] },
  houndstooth: { min: [0.4, 0.4] },
  checkerboard: { min: [0.4, 0.4] },
  watercolour: { soft: true, min: [0.02, 0.04, 0.04, 0.04] },
  galaxy: { soft: true, min: [0.1, 0.01, 0.01, 0.01, 0.002] },
  'wood-grain': { min: [0.15, 0.03, 0.1] },
};

describe('textures', () => {
  it('covers the textures shoppers ask for', () => {
    const ids = TEXTURES.map((t) => t.id);
    for (const id of ['camouflage', 'leopard', 'zebra', 'tie-dye', 'marble', 'terrazzo', 'tartan', 'gingham', 'houndstooth', 'watercolour', 'galaxy', 'wood-grain']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(MIN_SHARE[id], `colour check for ${id}`).toBeDefined();
  });

  it('has lower-case keywords in many languages, none claimed by two textures', () => {
    const owner = new Map<string, string>();
    for (const t of TEXTURES) {
      expect(t.keywords.length).toBeGreaterThanOrEqual(25);
      expect(new Set(t.keywords).size, `${t.id} repeats a keyword`).toBe(t.keywords.length);
      for (const k of t.keywords) {
        expect(k, `${t.id}: ${k}`).toBe(k.toLowerCase());
        expect(owner.get(k), `"${k}" in ${owner.get(k)} and ${t.id}`).toBeUndefined();
        owner.set(k, t.id);
      }
      const all = t.keywords.join(' ');
      expect(all, `${t.id} Japanese`).toMatch(/[\u3040-\u30ff]/);
      expect(all, `${t.id} Chinese`).toMatch(/[\u4e00-\u9fff]/);
      expect(all, `${t.id} Russian`).toMatch(/[\u0400-\u04ff]/);
      expect(t.defaultColours).toHaveLength(t.colours);
      for (const c of t.defaultColours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('is plain vector markup librsvg draws the same everywhere, small and quick to make', () => {
    for (const t of TEXTURES) {
      const times: number[] = [];
      let body = '';
      for (let i = 0; i < 5; i++) {
        // CPU time, not wall time: the test machine's other work must not count against the texture.
        const t0 = process.cpuUsage();
        body = t.render({ seed: 100 + i, colours: t.defaultColours });
        const used = process.cpuUsage(t0);
        times.push((used.user + used.system) / 1000);
        expect(body.length, `${t.id} size`).toBeLessThan(300 * 1024);
      }
      expect(body).not.toMatch(/<svg|<text|<image|feTurbulence|href="(?!#)|url\((?!#)/);
      // The fastest of five (after the first, which includes compiling): the goal is 50 ms, with room for a slower core.
      expect(Math.min(...times.slice(1)), `${t.id} render CPU ms`).toBeLessThan(100);
    }
    const dir = path.join(import.meta.dirname, '../../lib/pattern/textures');
    for (const f of [...fs.readdirSync(dir).map((f) => path.join(dir, f)), path.join(dir, '../textures.ts')]) {
      expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/Math\.random\s*\(/);
    }
  });

  it('is a recipe: the same seed gives the same bytes, another seed another tile', () => {
    for (const t of TEXTURES) {
      const a = t.render({ seed: 42, colours: t.defaultColours });
      expect(t.render({ seed: 42, colours: [...t.defaultColours] })).toBe(a);
      expect(t.render({ seed: 43, colours: t.defaultColours })).not.toBe(a);
      // Other colours, other ids: several tiles can share one page without borrowing defs.
      const other = t.render({ seed: 42, colours: PALETTE.slice(0, t.colours) });
      const ids = (s: string) => [...s.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
      for (const id of ids(a)) expect(ids(other)).not.toContain(id);
    }
  });

  for (const t of TEXTURES) {
    it(`${t.id}: tiles without a seam, left-right and top-bottom`, async () => {
      for (const seed of [1, 2, 3]) {
        const body = t.render({ seed, colours: t.defaultColours });
        for (const vertical of [false, true]) {
          const s = await seam(body, vertical);
          expect(s.seam, `${t.id} seed ${seed} ${vertical ? 'top/bottom' : 'left/right'}`).toBeLessThanOrEqual(s.bound);
        }
      }
    });

    it(`${t.id}: is painted in the requested colours`, async () => {
      const colours = PALETTE.slice(0, t.colours);
      const want = MIN_SHARE[t.id];
      const shares = await colourShares(t, colours, !!want.soft);
      shares.forEach((s, i) => expect(s, `${t.id} colour ${i} ${colours[i]} share`).toBeGreaterThanOrEqual(want.min[i]));
    });
  }

  it('different textures are different pictures', async () => {
    const thumbs = await Promise.all(
      TEXTURES.map(async (t) => (await pixels(svg(96, 96, '0 0 1000 1000', t.render({ seed: 5, colours: PALETTE.slice(0, t.colours) })))).data),
    );
    for (let i = 0; i < thumbs.length; i++) {
      for (let j = i + 1; j < thumbs.length; j++) {
        let s = 0;
        for (let k = 0; k < thumbs[i].length; k++) s += Math.abs(thumbs[i][k] - thumbs[j][k]);
        expect(s / thumbs[i].length, `${TEXTURES[i].id} vs ${TEXTURES[j].id}`).toBeGreaterThan(10);
      }
    }
  });
});
