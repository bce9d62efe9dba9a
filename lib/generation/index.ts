// Public surface of lib/generation (server-only, no React).
export { generateCandidates, renderRecipe, upscale, parsePrompt, suggest, getModelInfo, readRecipeFromPng, recipePng, a1111Parameters, MAX_SIZE, UPSCALE_FACTORS } from './generate';
export type { Candidate, GenerateOptions, GenerateResult } from './generate';
export { checkPrompt, validatePrompt, moderate } from './input';
export { readPngText } from './png';
export { recipeHash, canonicalJson, normalizeRecipe, recipeSchema, PROMPT_MAX, type Recipe } from './recipe';
export { SCHEDULERS, type Scheduler } from './sampler';
export { recipeImage } from './recipe-images';
export { renderQueue } from './queue';
export { rendersAtProcessPriority } from './ort-pool';
export { saveDesign, getDesign, designRecipes, designBriefs, findDesignSummary, listDesignsByUser, previewKeysInUse, type DesignBrief, type DesignSummary } from './design-repository';
export type { ParsedPrompt, Role, RoleValue } from './vocab';
export { applySwap, studioChoices, swapSchema, type Swap, type StudioChoices } from './swap';
export { isPatternRecipe, renderPatternVector, PATTERN_MODEL_ID, PATTERN_ENGINE_SHA256 } from './pattern-engine';
export { designTilePng, designTileRgb, printTileSource, type TileRgb } from './design-tile';
