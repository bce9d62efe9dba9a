// The values every layer agrees on: what a design id looks like, the product kinds, how large a
// pattern repeat may be printed, and the generation settings a recipe may carry. Plain values (no zod, no Node), so
// client components can import this file directly.
import { SHA256_HEX } from '../sha256';
import { PRODUCT_SLUGS, REPEAT_IN_LIMITS, type ProductSlug } from '../catalog/catalog-data';

/** Product kinds, as the catalog defines them. */
export { PRODUCT_SLUGS, type ProductSlug };

export function isProductSlug(value: unknown): value is ProductSlug {
  return typeof value === 'string' && (PRODUCT_SLUGS as readonly string[]).includes(value);
}

/** A design id: the sha256 of its canonical recipe, 64 lowercase hex digits. */
export const DESIGN_ID_RE = SHA256_HEX;

export function isDesignId(value: unknown): value is string {
  return typeof value === 'string' && DESIGN_ID_RE.test(value);
}

/**
 * Pattern repeat, inches: the catalog's range (what print areas and the factory accept), and the
 * size a design is shown at when nobody chose one.
 */
export const REPEAT_IN = { ...REPEAT_IN_LIMITS, default: 4, step: 0.5 } as const;

export function isRepeatIn(value: number): boolean {
  return Number.isFinite(value) && value >= REPEAT_IN.min && value <= REPEAT_IN.max;
}

/** Generation settings a recipe may carry; the studio API and the renderer accept the same. */
export const GENERATION_LIMITS = {
  steps: { min: 1, max: 50 },
  guidance: { min: 0, max: 15 },
  /** Tile edge in pixels, native render and upscaled alike. */
  size: { min: 8, max: 4096 },
  seed: { min: 0, max: 0xffffffff },
} as const;
