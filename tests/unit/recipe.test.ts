import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, normalizeRecipe, recipeHash, type Recipe } from '../../lib/generation/recipe';

const base: Recipe = {
  prompt: 'cartoon sunflower pattern',
  seed: 42,
  modelId: 'seedprint-tiny-v1',
  modelSha256: 'a'.repeat(64),
  scheduler: 'ddim',
  steps: 8,
  guidance: 3,
  width: 64,
  height: 64,
  tileable: true,
};

describe('recipe', () => {
  it('canonical JSON sorts keys and drops empty optionals', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' }, e: undefined, f: '' })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
  });
  it('hash is stable under key order and changes with any field', () => {
    const shuffled = Object.fromEntries(Object.entries(base).reverse()) as Recipe;
    expect(recipeHash(shuffled)).toBe(recipeHash(base));
    expect(recipeHash({ ...base, seed: 43 })).not.toBe(recipeHash(base));
    expect(recipeHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('a guidance interval is part of the hash; recipes without one keep their old hash', () => {
    const withInterval = recipeHash({ ...base, guidanceMinT: 0.6 });
    expect(withInterval).not.toBe(recipeHash(base));
    expect(recipeHash({ ...base, guidanceMinT: 0.5 })).not.toBe(withInterval);
    // the id of a recipe that never had the field (sha256 of its canonical JSON, as before the field)
    expect(recipeHash(base)).toBe(createHash('sha256').update(canonicalJson(base)).digest('hex'));
    expect(canonicalJson(normalizeRecipe(base))).not.toContain('guidanceMinT');
    for (const bad of [0, -0.1, 1.5]) expect(() => recipeHash({ ...base, guidanceMinT: bad })).toThrow();
  });
  it('rejects a seed outside uint32', () => {
    expect(() => recipeHash({ ...base, seed: 2 ** 32 })).toThrow();
  });
});
