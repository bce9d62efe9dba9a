// The flat colours a design is made of, found from its pixels: a deterministic histogram-seeded
// k-means in CIELAB that throws away "colours" that are only antialiasing between two others.
import { deltaE76, labPixels, rgbToLab, type Lab, type Rgb } from './colour';

export interface Palette {
  colours: Rgb[]; // sRGB, the mean of each colour's core pixels
  labs: Lab[];
  share: number[]; // fraction of pixels labelled with each colour
  labels: Uint8Array; // per pixel: index into colours
}

export interface PaletteOptions {
  maxColours?: number; // most colours kept
  minShare?: number; // a colour covering less than this share of pixels is merged away
  mergeDeltaE?: number; // colours closer than this are one colour
  blendNeighbourhood?: number; // radius (px) in which a blend pixel sees both of its parents
  dropBlends?: boolean; // false: keep rim colours (a plain k-means, for measuring other images)
}

const DEFAULTS: Required<PaletteOptions> = { maxColours: 8, minShare: 0.004, mergeDeltaE: 12, blendNeighbourhood: 2, dropBlends: true };

export function extractPalette(px: Uint8Array, width: number, height: number, channels: number, options: PaletteOptions = {}): Palette {
  const o = { ...DEFAULTS, ...options };
  const n = width * height;
  const labs = labPixels(px, channels);
  let centres = histogramSeeds(labs, n, o);
  const labels = new Uint8Array(n);
  for (let iter = 0; iter < 12; iter++) {
    assign(labs, centres, labels);
    const next = means(labs, labels, centres.length);
    const keep = next.filter((c) => c.count >= o.minShare * n);
    const moved = keep.length !== centres.length || keep.some((c, i) => deltaE76(c.lab, centres[i]) > 0.05);
    centres = keep.map((c) => c.lab);
    if (!moved) break;
  }
  assign(labs, centres, labels);
  if (o.dropBlends) centres = dropBlends(labs, labels, centres, width, height, o.blendNeighbourhood);
  centres = mergeClose(labs, labels, centres, o.mergeDeltaE);
  assign(labs, centres, labels);
  // Largest colour first (the background), then by area: a stable order for the layers above.
  const counts = means(labs, labels, centres.length).map((m) => m.count);
  const order = centres.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  centres = order.map((i) => centres[i]);
  assign(labs, centres, labels);
  const colours = coreColours(px, channels, labs, labels, centres);
  const share = means(labs, labels, centres.length).map((m) => m.count / n);
  return { colours, labs: colours.map((c) => rgbToLab(...c)), share, labels };
}

function histogramSeeds(labs: Float32Array, n: number, o: Required<PaletteOptions>): Lab[] {
  const BIN = 6;
  const bins = new Map<number, { count: number; sum: [number, number, number] }>();
  for (let i = 0; i < n; i++) {
    const L = labs[i * 3];
    const a = labs[i * 3 + 1];
    const b = labs[i * 3 + 2];
    const key = (Math.floor(L / BIN) * 64 + Math.floor((a + 128) / BIN)) * 64 + Math.floor((b + 128) / BIN);
    const bin = bins.get(key) ?? { count: 0, sum: [0, 0, 0] as [number, number, number] };
    bin.count++;
    bin.sum[0] += L;
    bin.sum[1] += a;
    bin.sum[2] += b;
    bins.set(key, bin);
  }
  const ranked = [...bins.entries()].sort((x, y) => y[1].count - x[1].count || x[0] - y[0]);
  const seeds: Lab[] = [];
  for (const [, bin] of ranked) {
    if (seeds.length >= o.maxColours || bin.count < o.minShare * n * 0.25) break;
    const c: Lab = [bin.sum[0] / bin.count, bin.sum[1] / bin.count, bin.sum[2] / bin.count];
    if (seeds.every((s) => deltaE76(s, c) >= o.mergeDeltaE * 1.5)) seeds.push(c);
  }
  return seeds.length ? seeds : [[50, 0, 0]];
}

function assign(labs: Float32Array, centres: Lab[], labels: Uint8Array) {
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let k = 0; k < centres.length; k++) {
      const c = centres[k];
      const d = (labs[i * 3] - c[0]) ** 2 + (labs[i * 3 + 1] - c[1]) ** 2 + (labs[i * 3 + 2] - c[2]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    labels[i] = best;
  }
}

function means(labs: Float32Array, labels: Uint8Array, k: number) {
  const out = Array.from({ length: k }, () => ({ count: 0, lab: [0, 0, 0] as Lab }));
  for (let i = 0; i < labels.length; i++) {
    const m = out[labels[i]];
    m.count++;
    m.lab[0] += labs[i * 3];
    m.lab[1] += labs[i * 3 + 1];
    m.lab[2] += labs[i * 3 + 2];
  }
  for (const m of out) if (m.count) m.lab = [m.lab[0] / m.count, m.lab[1] / m.count, m.lab[2] / m.count];
  return out;
}

/** t in [0,1] and distance of p from the segment a→b (Lab). */
export function projectOnSegment(p: Lab, a: Lab, b: Lab): { t: number; distance: number } {
  const ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const len2 = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2 || 1;
  const t = Math.min(1, Math.max(0, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / len2));
  const q: Lab = [a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2]];
  return { t, distance: deltaE76(p, q) };
}

/**
 * A cluster that sits between two others in colour, and whose pixels sit between them on the
 * tile, is the antialiased rim of their shared edge: it is not a colour of the design.
 */
function dropBlends(labs: Float32Array, labels: Uint8Array, centres: Lab[], w: number, h: number, radius: number): Lab[] {
  let current = centres.slice();
  for (;;) {
    const counts = means(labs, labels, current.length).map((m) => m.count);
    const bySize = current.map((_, i) => i).sort((a, b) => counts[a] - counts[b] || a - b);
    let dropped = -1;
    for (const c of bySize) {
      for (let a = 0; a < current.length && dropped < 0; a++) {
        for (let b = a + 1; b < current.length && dropped < 0; b++) {
          if (a === c || b === c || counts[c] >= Math.max(counts[a], counts[b])) continue;
          const { t, distance } = projectOnSegment(current[c], current[a], current[b]);
          if (t < 0.08 || t > 0.92 || distance > 14) continue;
          if (betweenShare(labels, w, h, c, a, b, radius) >= 0.6) dropped = c;
        }
      }
      if (dropped >= 0) break;
    }
    if (dropped < 0) return current;
    current = current.filter((_, i) => i !== dropped);
    assign(labs, current, labels);
  }
}

function betweenShare(labels: Uint8Array, w: number, h: number, c: number, a: number, b: number, r: number): number {
  let total = 0;
  let between = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (labels[y * w + x] !== c) continue;
      total++;
      let seesA = false;
      let seesB = false;
      for (let dy = -r; dy <= r && !(seesA && seesB); dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const l = labels[((y + dy + h) % h) * w + ((x + dx + w) % w)];
          if (l === a) seesA = true;
          else if (l === b) seesB = true;
        }
      }
      if (seesA && seesB) between++;
    }
  }
  return total ? between / total : 0;
}

function mergeClose(labs: Float32Array, labels: Uint8Array, centres: Lab[], minDelta: number): Lab[] {
  let current = centres.slice();
  for (;;) {
    let pair: [number, number] | null = null;
    let best = minDelta;
    for (let a = 0; a < current.length; a++) {
      for (let b = a + 1; b < current.length; b++) {
        const d = deltaE76(current[a], current[b]);
        if (d < best) {
          best = d;
          pair = [a, b];
        }
      }
    }
    if (!pair) return current;
    const counts = means(labs, labels, current.length).map((m) => m.count);
    const [a, b] = pair;
    const wa = counts[a] / Math.max(1, counts[a] + counts[b]);
    const merged: Lab = [0, 1, 2].map((i) => current[a][i] * wa + current[b][i] * (1 - wa)) as Lab;
    current = current.filter((_, i) => i !== b).map((c, i) => (i === a ? merged : c));
    assign(labs, current, labels);
  }
}

/** Each colour as the sRGB mean of its inner half (the pixels nearest its centre): rims don't pull it. */
function coreColours(px: Uint8Array, channels: number, labs: Float32Array, labels: Uint8Array, centres: Lab[]): Rgb[] {
  return centres.map((c, k) => {
    const dist: number[] = [];
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === k) dist.push((labs[i * 3] - c[0]) ** 2 + (labs[i * 3 + 1] - c[1]) ** 2 + (labs[i * 3 + 2] - c[2]) ** 2);
    }
    if (!dist.length) return [128, 128, 128];
    const sorted = Float64Array.from(dist).sort();
    const cut = sorted[Math.floor((sorted.length - 1) / 2)];
    const sum = [0, 0, 0];
    let count = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== k) continue;
      const d = (labs[i * 3] - c[0]) ** 2 + (labs[i * 3 + 1] - c[1]) ** 2 + (labs[i * 3 + 2] - c[2]) ** 2;
      if (d > cut) continue;
      sum[0] += px[i * channels];
      sum[1] += px[i * channels + 1];
      sum[2] += px[i * channels + 2];
      count++;
    }
    return [Math.round(sum[0] / count), Math.round(sum[1] / count), Math.round(sum[2] / count)] as Rgb;
  });
}
