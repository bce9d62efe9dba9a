// Mockup templates: load a template directory (template.json + layer PNGs, see README.md),
// decode once, and keep a compact per-pixel form in memory for the renderer.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { env } from '../env';

/**
 * Where the shipped templates live. Next bundles server code into .next/, where this module's own
 * directory is not the source tree, so fall back to the project root (the server's cwd);
 * MOCKUP_TEMPLATES_DIR overrides both.
 */
export const TEMPLATES_DIR: string = (() => {
  const candidates = [
    env().MOCKUP_TEMPLATES_DIR,
    typeof import.meta.dirname === 'string' ? path.join(import.meta.dirname, 'templates') : undefined,
    path.join(process.cwd(), 'lib', 'mockup', 'templates'),
  ].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(path.join(p, '_shared'))) ?? candidates[candidates.length - 1];
})();

const file = z.string().min(1).regex(/^[^\0]+\.png$/, 'must name a .png file');
const point = z.tuple([z.number(), z.number()]);

export const templateJsonSchema = z.object({
  version: z.literal(1),
  product: z.string().min(1),
  view: z.string().min(1),
  title: z.string().optional(),
  width: z.number().int().min(16).max(4096),
  height: z.number().int().min(16).max(4096),
  printArea: z.object({ name: z.string(), widthIn: z.number().positive(), heightIn: z.number().positive() }),
  ppi: z.number().positive().optional(),
  lifestyle: z.boolean().optional(),
  layers: z.object({
    background: file,
    alpha: file.optional(),
    shade: file.optional(),
    highlight: file.optional(),
    mask: file.optional(),
    overlay: file.optional(),
  }),
  mapping: z.discriminatedUnion('type', [
    z.object({ type: z.literal('uv'), file, units: z.enum(['in', 'unit']).default('in'), uMin: z.number(), uMax: z.number(), vMin: z.number(), vMax: z.number() }),
    z.object({ type: z.literal('quad'), quad: z.tuple([point, point, point, point]) }),
  ]),
  displacement: z
    .union([z.object({ file, scalePx: z.number().min(0).max(200) }), z.object({ auto: z.literal(true), scalePx: z.number().min(0).max(200), blurPx: z.number().min(0).max(50).default(4) })])
    .optional(),
  texture: z.object({ file, strength: z.number().min(0).max(1), scale: z.number().positive().default(1) }).optional(),
});
export type TemplateJson = z.infer<typeof templateJsonSchema>;

/** A decoded template: sparse arrays over the product's pixels (alpha > 0). */
export interface LoadedTemplate {
  key: string; // product/view
  json: TemplateJson;
  width: number;
  height: number;
  /** Digest of every file of the template (ETags change when a template is rebuilt). */
  digest: string;
  background: Uint8Array; // RGB, width*height*3
  /** indices (y*width+x) of pixels that show the product */
  idx: Int32Array;
  alpha: Float32Array; // 0..1 per product pixel
  shade: Float32Array; // multiply, per product pixel (texture included)
  highlight: Float32Array; // screen, 0..1
  mask: Float32Array; // printable coverage 0..1
  /** For product pixels with mask > 0: print-area inches and the pixel's footprint (log2 inches). */
  u: Float32Array;
  v: Float32Array;
  log2Footprint: Float32Array;
  /** Overlay (not tinted): indices and premultiplied RGB + alpha. */
  overlayIdx: Int32Array;
  overlayRgb: Float32Array;
  overlayA: Float32Array;
  /** Median of log2Footprint (the renderer pre-scales the tile for it) */
  medianLog2Footprint: number;
  /** Median print-area pixels per inch (for reports and the ImageMagick comparison). */
  medianPpi: number;
}

type Shareable = Int32Array | Float32Array | Uint8Array;
/** A copy in a SharedArrayBuffer (the compositing worker reads it without copying). */
export function toShared<T extends Shareable>(a: T): T {
  const C = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new C(new SharedArrayBuffer(a.byteLength));
  (out as unknown as { set(x: T): void }).set(a);
  return out;
}

async function readGray(file: string, w: number, h: number): Promise<Uint8Array> {
  const { data, info } = await sharp(file).removeAlpha().greyscale().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== w || info.height !== h) throw new Error(`${file}: ${info.width}x${info.height}, expected ${w}x${h}`);
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** A layer file named in template.json, relative to the template directory (shared textures live in ../../_shared). */
function resolveIn(dir: string, name: string): string {
  return path.resolve(dir, name);
}

/** Solves the homography that maps the unit square corners to the quad (pixel coordinates) and inverts it. */
export function quadToUvMatrix(quad: [number, number][], widthIn: number, heightIn: number): number[] {
  // forward: (s,t) in [0,1]^2 -> pixel. Standard square-to-quad (Heckbert).
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = quad;
  const dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
  const sx = x0 - x1 + x2 - x3, sy = y0 - y1 + y2 - y3;
  let g = 0, hh = 0;
  if (Math.abs(sx) > 1e-9 || Math.abs(sy) > 1e-9) {
    const den = dx1 * dy2 - dx2 * dy1;
    g = (sx * dy2 - dx2 * sy) / den;
    hh = (dx1 * sy - sx * dy1) / den;
  }
  const a = x1 - x0 + g * x1, b = x3 - x0 + hh * x3, c = x0;
  const d = y1 - y0 + g * y1, e = y3 - y0 + hh * y3, f = y0;
  // inverse of [[a b c][d e f][g h 1]] (adjugate)
  const A = e - f * hh, B = c * hh - b, C = b * f - c * e;
  const D = f * g - d, E = a - c * g, F = c * d - a * f;
  const G = d * hh - e * g, H = b * g - a * hh, I = a * e - b * d;
  // scale s,t to inches
  return [A * widthIn, B * widthIn, C * widthIn, D * heightIn, E * heightIn, F * heightIn, G, H, I];
}

export async function loadTemplateDir(dir: string): Promise<LoadedTemplate> {
  const raw = JSON.parse(await fs.promises.readFile(path.join(dir, 'template.json'), 'utf8'));
  const json = templateJsonSchema.parse(raw);
  const { width: W, height: H } = json;
  const N = W * H;
  const hash = createHash('sha256').update(JSON.stringify(json));

  const bgFile = resolveIn(dir, json.layers.background);
  const bgRaw = await sharp(bgFile).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  if (bgRaw.info.width !== W || bgRaw.info.height !== H || bgRaw.info.channels !== 3) throw new Error(`${bgFile}: expected ${W}x${H} RGB`);
  const background = new Uint8Array(bgRaw.data.buffer, bgRaw.data.byteOffset, bgRaw.data.length);
  for (const f of Object.values(json.layers)) if (f) hash.update(await fs.promises.readFile(resolveIn(dir, f)));

  const mask8 = json.layers.mask ? await readGray(resolveIn(dir, json.layers.mask), W, H) : null;
  if (!mask8 && json.mapping.type !== 'quad') throw new Error(`${dir}: a UV-mapped template needs a mask layer`);
  let shade8: Uint8Array;
  let shadeScale = 1 / 255;
  if (json.layers.shade) shade8 = await readGray(resolveIn(dir, json.layers.shade), W, H);
  else {
    const mask8b = mask8 ?? new Uint8Array(N).fill(255);
    // photo template without a shading layer: the photo's own luminance, normalised so the
    // brightest printable areas multiply by ~1 (Printful-style)
    shade8 = await readGray(bgFile, W, H);
    const vals: number[] = [];
    for (let i = 0; i < N; i += 7) if (mask8b[i] > 127) vals.push(shade8[i]);
    vals.sort((a, b) => a - b);
    const p95 = vals.length ? vals[Math.floor(vals.length * 0.95)] : 255;
    shadeScale = 1 / Math.max(1, p95);
  }
  const hi8 = json.layers.highlight ? await readGray(resolveIn(dir, json.layers.highlight), W, H) : null;

  // texture (tileable grey, multiplied into the shade around 1.0)
  let tex: { data: Uint8Array; w: number; h: number; strength: number; scale: number } | null = null;
  if (json.texture) {
    const tf = resolveIn(dir, json.texture.file);
    hash.update(await fs.promises.readFile(tf));
    const t = await sharp(tf).removeAlpha().greyscale().raw().toBuffer({ resolveWithObject: true });
    tex = { data: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.length), w: t.info.width, h: t.info.height, strength: json.texture.strength, scale: json.texture.scale };
  }

  // full-resolution U/V in inches
  const U = new Float32Array(N);
  const V = new Float32Array(N);
  const m = json.mapping;
  if (m.type === 'uv') {
    const uvFile = resolveIn(dir, m.file);
    hash.update(await fs.promises.readFile(uvFile));
    const { data, info } = await sharp(uvFile).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
    if (info.width !== W || info.height !== H) throw new Error(`${uvFile}: expected ${W}x${H}`);
    const c = info.channels;
    const u16 = new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
    const su = (m.uMax - m.uMin) / 65535, sv = (m.vMax - m.vMin) / 65535;
    const fu = m.units === 'unit' ? json.printArea.widthIn : 1, fv = m.units === 'unit' ? json.printArea.heightIn : 1;
    for (let i = 0; i < N; i++) {
      U[i] = (m.uMin + u16[i * c] * su) * fu;
      V[i] = (m.vMin + u16[i * c + 1] * sv) * fv;
    }
  } else {
    const M = quadToUvMatrix(m.quad, json.printArea.widthIn, json.printArea.heightIn);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const px = x + 0.5, py = y + 0.5;
        const w = M[6] * px + M[7] * py + M[8];
        U[y * W + x] = (M[0] * px + M[1] * py + M[2]) / w;
        V[y * W + x] = (M[3] * px + M[4] * py + M[5]) / w;
      }
  }
  // mask for a quad template without a mask file: the quad itself, anti-aliased by 4x4 supersampling
  let mask: Uint8Array | null = mask8;
  if (!mask) {
    mask = new Uint8Array(N);
    if (json.mapping.type === 'quad') {
      const M = quadToUvMatrix(json.mapping.quad, json.printArea.widthIn, json.printArea.heightIn);
      const pw = json.printArea.widthIn, ph = json.printArea.heightIn;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          let c = 0;
          for (let sy = 0; sy < 4; sy++)
            for (let sx = 0; sx < 4; sx++) {
              const px = x + (sx + 0.5) / 4, py = y + (sy + 0.5) / 4;
              const w = M[6] * px + M[7] * py + M[8];
              const u = (M[0] * px + M[1] * py + M[2]) / w, v = (M[3] * px + M[4] * py + M[5]) / w;
              if (u >= 0 && v >= 0 && u <= pw && v <= ph) c++;
            }
          mask[y * W + x] = Math.round((c * 255) / 16);
        }
    }
  }
  const alpha8 = json.layers.alpha ? await readGray(resolveIn(dir, json.layers.alpha), W, H) : mask;

  // displacement: sample the UV map at (x + dx, y + dy), baked once here
  if (json.displacement) {
    const d = json.displacement;
    const dx = new Float32Array(N);
    const dy = new Float32Array(N);
    if ('file' in d) {
      const df = resolveIn(dir, d.file);
      hash.update(await fs.promises.readFile(df));
      const r = await sharp(df).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const c = r.info.channels;
      for (let i = 0; i < N; i++) {
        dx[i] = ((r.data[i * c] - 127.5) / 127.5) * d.scalePx;
        dy[i] = ((r.data[i * c + (c >= 2 ? 1 : 0)] - 127.5) / 127.5) * d.scalePx;
      }
    } else {
      // Printful-style: blurred photo luminance shifts the pattern into the folds
      const g = await sharp(bgFile).greyscale().blur(Math.max(0.3, d.blurPx)).raw().toBuffer();
      for (let i = 0; i < N; i++) dx[i] = dy[i] = ((g[i] - 127.5) / 127.5) * d.scalePx;
    }
    const U2 = new Float32Array(N), V2 = new Float32Array(N);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = y * W + x;
        let sx = x + dx[i], sy = y + dy[i];
        sx = sx < 0 ? 0 : sx > W - 1.001 ? W - 1.001 : sx;
        sy = sy < 0 ? 0 : sy > H - 1.001 ? H - 1.001 : sy;
        const x0 = sx | 0, y0 = sy | 0, fx = sx - x0, fy = sy - y0;
        const j = y0 * W + x0;
        U2[i] = (U[j] * (1 - fx) + U[j + 1] * fx) * (1 - fy) + (U[j + W] * (1 - fx) + U[j + W + 1] * fx) * fy;
        V2[i] = (V[j] * (1 - fx) + V[j + 1] * fx) * (1 - fy) + (V[j + W] * (1 - fx) + V[j + W + 1] * fx) * fy;
      }
    U.set(U2);
    V.set(V2);
  }

  // gather product pixels
  let n = 0;
  for (let i = 0; i < N; i++) if (alpha8[i] > 0) n++;
  const idx = new Int32Array(n);
  const alpha = new Float32Array(n), shade = new Float32Array(n), highlight = new Float32Array(n), maskF = new Float32Array(n);
  const u = new Float32Array(n), v = new Float32Array(n), lfp = new Float32Array(n);
  const ppis: number[] = [];
  let k = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (alpha8[i] === 0) continue;
      idx[k] = i;
      alpha[k] = alpha8[i] / 255;
      let s = shade8[i] * shadeScale;
      if (tex) {
        const tx = Math.floor(x / tex.scale) % tex.w, ty = Math.floor(y / tex.scale) % tex.h;
        s *= 1 + tex.strength * ((tex.data[ty * tex.w + tx] - 127.5) / 127.5);
      }
      shade[k] = s;
      highlight[k] = hi8 ? hi8[i] / 255 : 0;
      const mk = mask[i] / 255;
      maskF[k] = mk;
      if (mk > 0) {
        u[k] = U[i];
        v[k] = V[i];
        // footprint: the larger of the two screen-axis derivatives (inches per pixel)
        const xa = x > 0 ? i - 1 : i, xb = x < W - 1 ? i + 1 : i, ya = y > 0 ? i - W : i, yb = y < H - 1 ? i + W : i;
        const dxs = xb - xa || 1, dys = (yb - ya) / W || 1;
        const ux = (U[xb] - U[xa]) / dxs, vx = (V[xb] - V[xa]) / dxs, uy = (U[yb] - U[ya]) / dys, vy = (V[yb] - V[ya]) / dys;
        const fp = Math.max(Math.hypot(ux, vx), Math.hypot(uy, vy), 1e-6);
        lfp[k] = Math.log2(fp);
        if (mk > 0.99 && (k & 15) === 0) ppis.push(1 / fp);
      }
      k++;
    }
  ppis.sort((a, b) => a - b);

  // overlay
  let overlayIdx = new Int32Array(0), overlayRgb = new Float32Array(0), overlayA = new Float32Array(0);
  if (json.layers.overlay) {
    const r = await sharp(resolveIn(dir, json.layers.overlay)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let c = 0;
    for (let i = 0; i < N; i++) if (r.data[i * 4 + 3] > 0) c++;
    overlayIdx = new Int32Array(c);
    overlayRgb = new Float32Array(c * 3);
    overlayA = new Float32Array(c);
    let j = 0;
    for (let i = 0; i < N; i++) {
      const a = r.data[i * 4 + 3];
      if (a === 0) continue;
      overlayIdx[j] = i;
      overlayA[j] = a / 255;
      for (let ch = 0; ch < 3; ch++) overlayRgb[j * 3 + ch] = (r.data[i * 4 + ch] * a) / 255;
      j++;
    }
  }

  return {
    key: `${json.product}/${json.view}`,
    json,
    width: W,
    height: H,
    digest: hash.digest('hex'),
    background: toShared(background),
    idx: toShared(idx),
    alpha: toShared(alpha),
    shade: toShared(shade),
    highlight: toShared(highlight),
    mask: toShared(maskF),
    u: toShared(u),
    v: toShared(v),
    log2Footprint: toShared(lfp),
    overlayIdx,
    overlayRgb,
    overlayA,
    medianPpi: ppis.length ? ppis[Math.floor(ppis.length / 2)] : json.ppi ?? 0,
    medianLog2Footprint: ppis.length ? -Math.log2(ppis[Math.floor(ppis.length / 2)]) : 0,
  };
}

// ---------------------------------------------------------------- registry

export interface TemplateRef {
  product: string;
  view: string;
  dir: string;
}

const extraDirs = new Map<string, string>();
const cache = new Map<string, Promise<LoadedTemplate>>();

/** Aliases: every product answers to "front"; posters' views are their print sizes. */
const ALIASES: Record<string, Record<string, string>> = {
  poster: { front: '18x24' },
  'phone-case': { front: 'back' },
  mug: { right: 'front' },
};

/** Lets a shop add its own (photo) template directory, or replace a built-in one. */
export function registerTemplate(product: string, view: string, dir: string): void {
  const key = `${product}/${view}`;
  extraDirs.set(key, dir);
  cache.delete(key);
  listed = undefined;
}

export function uploadedTemplatesDir(): string {
  return path.join(env().dataDir, 'mockup-templates');
}

/** Shipped templates, then the shop's uploaded ones (DATA_DIR/mockup-templates), which win. */
let listed: TemplateRef[] | undefined;

export function listTemplates(): TemplateRef[] {
  return (listed ??= scanTemplates());
}

function scanTemplates(): TemplateRef[] {
  const out = new Map<string, TemplateRef>();
  const roots = [TEMPLATES_DIR, uploadedTemplatesDir()];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const product of fs.readdirSync(root)) {
      if (product.startsWith('_')) continue;
      const pdir = path.join(root, product);
      if (!fs.statSync(pdir).isDirectory()) continue;
      for (const view of fs.readdirSync(pdir)) {
        const dir = path.join(pdir, view);
        if (fs.existsSync(path.join(dir, 'template.json'))) out.set(`${product}/${view}`, { product, view, dir });
      }
    }
  }
  for (const [key, dir] of extraDirs) {
    const [product, view] = key.split('/');
    out.set(key, { product, view, dir });
  }
  return [...out.values()].sort((a, b) => (a.product + a.view < b.product + b.view ? -1 : 1));
}

export function resolveTemplate(product: string, view: string): TemplateRef | null {
  const all = listTemplates();
  const find = (v: string) => all.find((t) => t.product === product && t.view === v) ?? null;
  return find(view) ?? (ALIASES[product]?.[view] ? find(ALIASES[product][view]) : null);
}

/** The decoded template, loaded once per process. */
export function getTemplate(product: string, view: string): Promise<LoadedTemplate> | null {
  const ref = resolveTemplate(product, view);
  if (!ref) return null;
  const key = `${ref.product}/${ref.view}`;
  let p = cache.get(key);
  if (!p) {
    p = loadTemplateDir(ref.dir);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
