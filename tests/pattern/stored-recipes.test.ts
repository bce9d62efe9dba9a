// Designs already sold stay printable: pattern recipes stored in orders, listings and campaigns
// (fixed sets made by engine versions 1, 2 and 3) must render to the same bytes, preview and vector
// tile, whatever the engine has learnt since.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recipeHash, renderPatternVector, renderRecipe, type Recipe } from '../../lib/generation';

type Stored = { recipe: Recipe; designId: string; previewSha256: string; vector900Sha256: string };
const read = (name: string): Stored[] => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));
const stored: Stored[] = [...read('stored-recipes-v1.json'), ...read('stored-recipes-v2.json'), ...read('stored-recipes-v3.json')];
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('stored pattern recipes', () => {
  it('covers motifs, textures, lettering and every layout family', () => {
    expect(stored.length).toBeGreaterThanOrEqual(20);
    expect(stored.some((s) => s.recipe.pattern?.texture)).toBe(true);
    expect(stored.some((s) => s.recipe.pattern?.text)).toBe(true);
    expect(new Set(stored.map((s) => s.recipe.pattern?.layout)).size).toBeGreaterThanOrEqual(3);
    const v2 = stored.filter((s) => s.recipe.pattern?.v === 2);
    expect(new Set(v2.map((s) => s.recipe.pattern?.layout))).toEqual(new Set(['tossed', 'grid', 'half-drop', 'stripes', 'border', 'mirror']));
    expect(v2.some((s) => s.recipe.pattern?.ground)).toBe(true);
    const v3 = stored.filter((s) => s.recipe.pattern?.v === 3);
    expect(v3.some((s) => s.recipe.pattern?.text) && v3.some((s) => s.recipe.pattern?.count) && v3.some((s) => s.recipe.pattern?.density === 'sparse')).toBe(true);
  });

  it.each(stored.map((s, i) => [i, s.recipe.prompt, s] as const))('#%i "%s" re-renders byte-identically', async (_i, _p, s) => {
    expect(recipeHash(s.recipe)).toBe(s.designId);
    expect(sha(await renderRecipe(s.recipe))).toBe(s.previewSha256);
    expect(sha(await renderPatternVector(s.recipe, 900))).toBe(s.vector900Sha256);
  });
});
