// The try-on engine: photo + design tile + product -> the photo with the product on the person,
// plus gallery variants. CPU only (TF.js on WebAssembly + typed-array compositing). A GPU
// try-on model can replace `renderProduct` later behind the same interface.
import { paintAccessory, type AccessoryKind } from './accessories';
import { analyzePerson, type PersonAnalysis } from './analyze';
import { bodyFrame, type BodyFrame } from './body';
import { paintTop, type PaintResult } from './garment';
import { decodeRgb, luma, type Rgb } from './raster';
import { tileSampler, type DesignTile } from './tile';
import { ALL_VARIANTS, makeVariant, type VariantName } from './variants';

import type { ProductSlug } from '../design';

/** Long edge the engine works at (the bench's 1024 px). */
export const WORK_EDGE = 1024;

export interface TryonOptions {
  product: ProductSlug;
  variants?: VariantName[];
  onProgress?: (pct: number, stage: string) => void | Promise<void>;
}

export interface TryonResult {
  base: Rgb;
  variants: { name: VariantName; image: Rgb }[];
  person: PersonAnalysis;
  frame: BodyFrame;
  paint: PaintResult;
  timings: Record<string, number>;
}

export async function loadWorkImage(input: Buffer | string, edge = WORK_EDGE): Promise<Rgb> {
  return decodeRgb(input, edge);
}

/** Paints the product on an analysed photo (no variants). */
export async function renderProduct(photo: Rgb, person: PersonAnalysis, tile: DesignTile, product: ProductSlug): Promise<{ paint: PaintResult; frame: BodyFrame }> {
  const frame = bodyFrame(person);
  const sampler = await tileSampler(tile, frame.pxPerIn);
  const L = luma(photo);
  const paint = product === 'tee' || product === 'hoodie' ? paintTop(photo, person, frame, product, sampler, L) : paintAccessory(photo, person, frame, product as AccessoryKind, sampler, L);
  return { paint, frame };
}

export async function tryOn(photo: Rgb, tile: DesignTile, opts: TryonOptions): Promise<TryonResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => {
    const now = performance.now();
    timings[k] = Math.round(now - t);
    t = now;
  };
  await opts.onProgress?.(5, 'finding you in the photo');
  const person = await analyzePerson(photo);
  lap('analyze');
  await opts.onProgress?.(45, 'fitting the product');
  const { paint, frame } = await renderProduct(photo, person, tile, opts.product);
  lap('paint');
  const names = opts.variants ?? ALL_VARIANTS;
  const variants: { name: VariantName; image: Rgb }[] = [];
  for (const [k, name] of names.entries()) {
    await opts.onProgress?.(60 + Math.round((35 * k) / names.length), `lighting: ${name}`);
    variants.push({ name, image: await makeVariant(name, paint.image, person.mask) });
  }
  lap('variants');
  return { base: paint.image, variants, person, frame, paint, timings };
}
