// The recipe's home is lib/design; generation's modules keep importing it from here.
export { recipeSchema, canonicalJson, normalizeRecipe, recipeHash, PROMPT_MAX, type Recipe } from '../design';
