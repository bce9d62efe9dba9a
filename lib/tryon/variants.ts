// Gallery variants of one render: lighting treatments (warm, cool, studio) and settings (the
// background replaced by a procedurally generated scene, the person's colour nudged toward the
// scene's light). Deterministic: same input, same pixels.
import sharp from 'sharp';
import { clamp, type FMap, type Rgb } from './raster';
import { mulberry32 } from '../pattern';

export const LIGHTING = ['warm', 'cool', 'studio'] as const;
export const SCENES = ['scene-studio', 'scene-park', 'scene-brick'] as const;
export type VariantName = 'photo' | (typeof LIGHTING)[number] | (typeof SCENES)[number];
export const ALL_VARIANTS: VariantName[] = ['photo', ...LIGHTING, ...SCENES];

export const VARIANT_LABELS: Record<VariantName, string> = {
  photo: 'Your photo',
  warm: 'Warm light',
  cool: 'Cool light',
  studio: 'Studio light',
  'scene-studio': 'Studio backdrop',
  'scene-park': 'In the park',
  'scene-brick': 'City wall',
};


function lighting(img: Rgb, kind: (typeof LIGHTING)[number]): Rgb {
  const { w, h, data } = img;
  const out = new Uint8Array(data.length);
  // grey-world statistics for the studio treatment
  let mr = 0;
  let mg = 0;
  let mb = 0;
  for (let i = 0; i < data.length; i += 3 * 7) {
    mr += data[i];
    mg += data[i + 1];
    mb += data[i + 2];
  }
  const grey = (mr + mg + mb) / 3;
  const wb = [grey / Math.max(mr, 1), grey / Math.max(mg, 1), grey / Math.max(mb, 1)].map((g) => 1 + (g - 1) * 0.6);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 3 * (y * w + x);
      let r = data[i] / 255;
      let g = data[i + 1] / 255;
      let b = data[i + 2] / 255;
      const nx = x / w - 0.5;
      const ny = y / h - 0.5;
      if (kind === 'warm') {
        // low golden light from the upper left
        const key = 1 + 0.14 * clamp(1 - Math.hypot(nx + 0.45, ny + 0.45) * 1.1, 0, 1);
        r = r * 1.08 * key + 0.02;
        g = g * 1.0 * key + 0.01;
        b = b * 0.84 * key;
      } else if (kind === 'cool') {
        const l = 0.299 * r + 0.587 * g + 0.114 * b;
        r = (l + (r - l) * 0.88) * 0.9;
        g = (l + (g - l) * 0.88) * 0.99;
        b = (l + (b - l) * 0.88) * 1.1 + 0.02;
      } else {
        // neutral balance, an S-curve for contrast, soft key light and a vignette
        r *= wb[0];
        g *= wb[1];
        b *= wb[2];
        const vig = 1 - 0.22 * Math.min(1, (nx * nx + ny * ny) * 2.2);
        const key = 1.06 + 0.08 * clamp(1 - Math.hypot(nx - 0.3, ny + 0.35) * 1.4, 0, 1);
        const s = (v: number) => {
          const c = clamp(v * key, 0, 1);
          return (c * c * (3 - 2 * c) * 0.55 + c * 0.45) * vig;
        };
        r = s(r);
        g = s(g);
        b = s(b);
      }
      out[i] = Math.round(clamp(r, 0, 1) * 255);
      out[i + 1] = Math.round(clamp(g, 0, 1) * 255);
      out[i + 2] = Math.round(clamp(b, 0, 1) * 255);
    }
  }
  return { w, h, data: out };
}

const sceneCache = new Map<string, Promise<Rgb>>();

/** A procedural backdrop at w×h (cached per size). */
export function scene(kind: (typeof SCENES)[number], w: number, h: number): Promise<Rgb> {
  const key = `${kind}:${w}x${h}`;
  let p = sceneCache.get(key);
  if (!p) {
    p = makeScene(kind, w, h);
    sceneCache.set(key, p);
    if (sceneCache.size > 24) sceneCache.delete(sceneCache.keys().next().value!);
  }
  return p;
}

async function makeScene(kind: (typeof SCENES)[number], w: number, h: number): Promise<Rgb> {
  const d = new Uint8Array(w * h * 3);
  const rnd = mulberry32(kind.length * 7919 + 17);
  const set = (i: number, r: number, g: number, b: number) => {
    d[i] = clamp(Math.round(r), 0, 255);
    d[i + 1] = clamp(Math.round(g), 0, 255);
    d[i + 2] = clamp(Math.round(b), 0, 255);
  };
  let sigma = 1;
  if (kind === 'scene-studio') {
    // seamless paper: bright centre, darker edges, a soft floor curve low in the frame
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const nx = x / w - 0.5;
        const ny = y / h - 0.42;
        const l = 232 - 95 * Math.min(1, nx * nx * 1.6 + ny * ny * 1.3);
        const floor = y > 0.8 * h ? (y / h - 0.8) * 60 : 0;
        set(3 * (y * w + x), l - floor + 4, l - floor + 2, l - floor - 2);
      }
    sigma = 0.5;
  } else if (kind === 'scene-park') {
    const horizon = 0.52 * h;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = 3 * (y * w + x);
        if (y < horizon) {
          const t = y / horizon;
          set(i, 120 + 90 * t, 170 + 60 * t, 225 + 15 * t);
        } else {
          const t = (y - horizon) / (h - horizon);
          set(i, 92 - 40 * t, 140 - 45 * t, 70 - 30 * t);
        }
      }
    // tree line and bokeh of leaves against the light
    for (let k = 0; k < 140; k++) {
      const cx = rnd() * w;
      const cy = horizon - rnd() * 0.35 * h;
      const r = (0.02 + rnd() * 0.07) * w;
      const bright = rnd() < 0.25;
      const col = bright ? [235, 240, 190] : [50 + rnd() * 40, 95 + rnd() * 50, 45 + rnd() * 20];
      const a = bright ? 0.35 : 0.85;
      for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(h, cy + r); y++)
        for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(w, cx + r); x++) {
          const dd = Math.hypot(x - cx, y - cy) / r;
          if (dd > 1) continue;
          const i = 3 * (y * w + x);
          const aa = a * (1 - dd * dd * 0.3);
          set(i, d[i] + (col[0] - d[i]) * aa, d[i + 1] + (col[1] - d[i + 1]) * aa, d[i + 2] + (col[2] - d[i + 2]) * aa);
        }
    }
    sigma = Math.max(2, w / 120);
  } else {
    // brick wall, raking light from the left
    const bwid = Math.max(8, Math.round(w / 9));
    const bht = Math.max(4, Math.round(bwid / 2.8));
    const mortar = Math.max(1, Math.round(bht / 7));
    const tint: number[] = [];
    for (let k = 0; k < 4096; k++) tint.push(rnd());
    for (let y = 0; y < h; y++) {
      const row = Math.floor(y / bht);
      const off = row % 2 ? bwid / 2 : 0;
      for (let x = 0; x < w; x++) {
        const i = 3 * (y * w + x);
        const col = Math.floor((x + off) / bwid);
        const inMortar = y % bht < mortar || (x + off) % bwid < mortar;
        const light = 0.78 + 0.3 * (1 - x / w);
        if (inMortar) set(i, 180 * light, 174 * light, 164 * light);
        else {
          const t = tint[(row * 131 + col * 7) & 4095];
          set(i, (150 + 40 * t) * light, (70 + 25 * t) * light, (52 + 15 * t) * light);
        }
      }
    }
    sigma = Math.max(1.5, w / 300);
  }
  const blurred = await sharp(Buffer.from(d), { raw: { width: w, height: h, channels: 3 } }).blur(sigma).raw().toBuffer();
  return { w, h, data: new Uint8Array(blurred.buffer, blurred.byteOffset, blurred.length) };
}

/** The person (soft mask) over a scene, their colours pulled a little toward its light. */
export async function withScene(img: Rgb, mask: FMap, kind: (typeof SCENES)[number]): Promise<Rgb> {
  const bg = await scene(kind, img.w, img.h);
  let sr = 0;
  let sg = 0;
  let sb = 0;
  for (let i = 0; i < bg.data.length; i += 3 * 11) {
    sr += bg.data[i];
    sg += bg.data[i + 1];
    sb += bg.data[i + 2];
  }
  const m = (sr + sg + sb) / 3 || 1;
  const tint = [sr / m, sg / m, sb / m].map((t) => 1 + (t - 1) * 0.12);
  const out = new Uint8Array(img.data.length);
  for (let p = 0; p < img.w * img.h; p++) {
    const a = mask.data[p];
    const i = 3 * p;
    for (let c = 0; c < 3; c++) {
      const fg = Math.min(255, img.data[i + c] * tint[c]);
      out[i + c] = Math.round(fg * a + bg.data[i + c] * (1 - a));
    }
  }
  return { w: img.w, h: img.h, data: out };
}

export async function makeVariant(name: VariantName, img: Rgb, mask: FMap): Promise<Rgb> {
  if (name === 'photo') return img;
  if ((LIGHTING as readonly string[]).includes(name)) return lighting(img, name as (typeof LIGHTING)[number]);
  return withScene(img, mask, name as (typeof SCENES)[number]);
}
