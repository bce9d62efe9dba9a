import { describe, expect, it } from 'vitest';
import { canonicalJson, recipeHash, type Recipe } from '../../lib/generation/recipe';

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
  it('rejects a seed outside uint32', () => {
    expect(() => recipeHash({ ...base, seed: 2 ** 32 })).toThrow();
  });
});
