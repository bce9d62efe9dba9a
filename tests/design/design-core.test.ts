// lib/design is the one home of the design id, the repeat range, the generation limits and the
// product kinds: every layer that checks one of them must accept and refuse the same values.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../lib/catalog';
import { addToCartSchema } from '../../lib/cart/cart';
import { DESIGN_ID_RE, GENERATION_LIMITS, PRODUCT_SLUGS, REPEAT_IN, isDesignId, isProductSlug, isRepeatIn, recipeSchema, repeatInSchema, type Recipe } from '../../lib/design';
import { mockupQuerySchema } from '../../lib/mockup/http';
import { listingSchema } from '../../lib/sellers/listing-service';

const id = 'ab'.repeat(32);
const recipe: Recipe = { prompt: 'dots', seed: 1, modelId: 'm', modelSha256: id, scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };

describe('design core', () => {
  it('the product kinds are exactly the catalog slugs, each once', () => {
    expect([...PRODUCT_SLUGS].sort()).toEqual(CATALOG.map((p) => p.slug).sort());
    expect(new Set(CATALOG.map((p) => p.slug)).size).toBe(CATALOG.length);
    expect(isProductSlug(CATALOG[0].slug)).toBe(true);
    expect(isProductSlug('sock')).toBe(false);
  });

  it('a design id is 64 lowercase hex digits', () => {
    expect(isDesignId(id)).toBe(true);
    for (const bad of [id.toUpperCase(), id.slice(1), `${id}0`, `${id.slice(1)}g`, 42]) expect(isDesignId(bad)).toBe(false);
    expect(DESIGN_ID_RE.test(id)).toBe(true);
  });

  it('cart, mockups and listings accept the same repeat range', () => {
    const { min, max } = REPEAT_IN;
    const cart = (repeatIn: number) => addToCartSchema.safeParse({ variantId: 'v', repeatIn }).success;
    const mockup = (repeat: number) => mockupQuerySchema.safeParse({ design: id, repeat: String(repeat) }).success;
    const listing = (repeatIn: number) => listingSchema.shape.repeatIn.safeParse(String(repeatIn)).success;
    for (const check of [cart, mockup, listing, (v: number) => repeatInSchema.safeParse(v).success, isRepeatIn]) {
      expect([check(min), check(max), check(REPEAT_IN.default)]).toEqual([true, true, true]);
      expect([check(min - 0.01), check(max + 0.01)]).toEqual([false, false]);
    }
    expect(mockupQuerySchema.parse({ design: id }).repeat).toBe(REPEAT_IN.default);
  });

  it('a recipe carries generation settings inside the shared limits only', () => {
    const { steps, guidance, size } = GENERATION_LIMITS;
    expect(recipeSchema.safeParse({ ...recipe, steps: steps.max, guidance: guidance.max, width: size.max, height: size.min }).success).toBe(true);
    expect(recipeSchema.safeParse({ ...recipe, steps: steps.max + 1 }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...recipe, guidance: guidance.max + 0.5 }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...recipe, width: size.max + 1 }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...recipe, modelSha256: 'x' }).success).toBe(false);
  });
});
