// Public surface of lib/design: what a design is (its recipe and id) and the limits every layer
// shares (repeat size, generation settings, product kinds). No React, no database.
export { DESIGN_ID_RE, isDesignId, PRODUCT_SLUGS, isProductSlug, type ProductSlug, REPEAT_IN, isRepeatIn, GENERATION_LIMITS } from './limits';
export { designIdSchema, sha256HexSchema, productSlugSchema, repeatInSchema, seedSchema, stepsSchema, guidanceSchema, sizeSchema } from './schemas';
export { recipeSchema, canonicalJson, normalizeRecipe, recipeHash, PROMPT_MAX, type Recipe } from './recipe';
