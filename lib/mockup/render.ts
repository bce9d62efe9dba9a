// The mockup compositor: pattern through the UV map at true print scale (trilinear mip sampling),
// over the variant colour, times shading, screen highlight, over the background, overlay on top.
import sharp from 'sharp';
import { getTemplate, type LoadedTemplate } from './template';
import { compositeKernel, type KernelJob } from './kernel.mjs';
import { PARALLEL_MIN_PIXELS, runInWorker, workerAvailable } from './pool';
import { decodeTile, pyramidFor, type DecodedTile } from './tile';

export type MockupFormat = 'png' | 'webp';

export interface RenderMockupInput {
  product: string;
  view: string;
  /** '#rrggbb' or 'rrggbb' */
  variantColorHex: string;
  /** seamless pattern tile (PNG, JPEG or WebP) */
  tile: Buffer;
  /** physical inches per horizontal repeat of the tile */
  repeatIn: number;
  size?: 512 | 1024;
  format?: MockupFormat;
}

export class MockupNotFoundError extends Error {}

export function parseHex(hex: string): [number, number, number] {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function prepareJob(t: LoadedTemplate, tile: DecodedTile, rgb: [number, number, number], repeatIn: number, out: Uint8ClampedArray): KernelJob {
  if (!(repeatIn > 0)) throw new Error('repeatIn must be > 0');
  const texPerIn = tile.width / repeatIn; // tile texels per inch, both axes (square texels)
  const levels = pyramidFor(tile, t.medianLog2Footprint + Math.log2(texPerIn));
  const scx: number[] = [], scy: number[] = [];
  for (const l of levels) {
    scx.push((l.w / tile.width) * texPerIn);
    scy.push((l.h / tile.height) * texPerIn);
  }
  return {
    start: 0,
    end: t.idx.length,
    idx: t.idx,
    alpha: t.alpha,
    shade: t.shade,
    highlight: t.highlight,
    mask: t.mask,
    u: t.u,
    v: t.v,
    log2Footprint: t.log2Footprint,
    bg: t.background,
    out,
    ld: levels.map((l) => l.data),
    lw: levels.map((l) => l.w),
    lh: levels.map((l) => l.h),
    scx,
    scy,
    log2Tpi: Math.log2((texPerIn * levels[0].w) / tile.width), // level-0 texels per inch
    tint: rgb,
  };
}

function applyOverlay(t: LoadedTemplate, px: Uint8ClampedArray): void {
  const oi = t.overlayIdx, orgb = t.overlayRgb, oa = t.overlayA;
  for (let j = 0; j < oi.length; j++) {
    const o = oi[j] * 3, a = 1 - oa[j];
    px[o] = px[o] * a + orgb[j * 3];
    px[o + 1] = px[o + 1] * a + orgb[j * 3 + 1];
    px[o + 2] = px[o + 2] * a + orgb[j * 3 + 2];
  }
}

function outputBuffer(t: LoadedTemplate): { out: Buffer; px: Uint8ClampedArray } {
  const sab = new SharedArrayBuffer(t.background.length);
  const out = Buffer.from(sab);
  out.set(t.background);
  return { out, px: new Uint8ClampedArray(sab) };
}

/** Composites into a raw RGB buffer of the template's size, on this thread (tests, fallback). */
export function compositeRaw(t: LoadedTemplate, tile: DecodedTile, rgb: [number, number, number], repeatIn: number): Buffer {
  const { out, px } = outputBuffer(t);
  compositeKernel(prepareJob(t, tile, rgb, repeatIn, px));
  applyOverlay(t, px);
  return out;
}

/** Same bytes as compositeRaw, with the pixels split between this thread and a worker. */
export async function compositeRawParallel(t: LoadedTemplate, tile: DecodedTile, rgb: [number, number, number], repeatIn: number): Promise<Buffer> {
  const { out, px } = outputBuffer(t);
  const job = prepareJob(t, tile, rgb, repeatIn, px);
  const n = t.idx.length;
  if (n < PARALLEL_MIN_PIXELS || !workerAvailable()) {
    compositeKernel(job);
  } else {
    // the worker takes the second half (rows are independent: every pixel writes only itself)
    const half = n >> 1;
    const remote = runInWorker({ ...job, start: half, end: n });
    compositeKernel({ ...job, start: 0, end: half });
    await remote;
  }
  applyOverlay(t, px);
  return out;
}

export async function encodeMockup(raw: Buffer, t: LoadedTemplate, size: number, format: MockupFormat): Promise<Buffer> {
  let img = sharp(raw, { raw: { width: t.width, height: t.height, channels: 3 } });
  if (size !== Math.max(t.width, t.height)) img = img.resize({ width: Math.round((t.width * size) / Math.max(t.width, t.height)), kernel: 'lanczos3' });
  return format === 'webp' ? img.webp({ quality: 90, effort: 1 }).toBuffer() : img.png({ compressionLevel: 1, adaptiveFiltering: false }).toBuffer();
}

/** Renders one mockup view; throws MockupNotFoundError for an unknown product/view. */
export async function renderMockup(input: RenderMockupInput): Promise<Buffer> {
  const tp = getTemplate(input.product, input.view);
  if (!tp) throw new MockupNotFoundError(`No mockup template for ${input.product}/${input.view}.`);
  const [t, tile] = await Promise.all([tp, decodeTile(input.tile)]);
  const raw = await compositeRawParallel(t, tile, parseHex(input.variantColorHex), input.repeatIn);
  const long = Math.max(t.width, t.height);
  return encodeMockup(raw, t, Math.min(input.size ?? long, long), input.format ?? 'png');
}
