// One tile loader: mockups, try-on and listing photos read the same stored preview pixels, and a
// missing design is "no tile" everywhere.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

async function storedDesign(r: number, g: number, b: number): Promise<{ id: string; png: Buffer }> {
  const { db } = await import('../../lib/db/client');
  const { recipeHash } = await import('../../lib/design');
  const { putBlob } = await import('../../lib/storage');
  const recipe = { prompt: `tile ${r} ${g} ${b}`, seed: r, modelId: 'seedprint-tiny-v1', modelSha256: 'c'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 16, height: 16, tileable: true };
  const id = recipeHash(recipe);
  // left half the colour, right half black: a loader that crops, flips or recolours shows up
  const raw = Buffer.alloc(16 * 16 * 3);
  for (let y = 0; y < 16; y++) for (let x = 0; x < 8; x++) raw.set([r, g, b], (y * 16 + x) * 3);
  const png = await sharp(raw, { raw: { width: 16, height: 16, channels: 3 } }).png().toBuffer();
  const { key } = await putBlob(png, { contentType: 'image/png' });
  await db.design.create({ data: { id, recipe, prompt: recipe.prompt, seed: BigInt(r), modelId: recipe.modelId, modelSha256: recipe.modelSha256, scheduler: 'ddim', steps: 8, guidance: 3, width: 16, height: 16, tileable: true, previewSha256: key } });
  return { id, png };
}

describe('design tile loader', () => {
  it('every consumer gets the stored preview pixels', async () => {
    const { designTilePng, designTileRgb } = await import('../../lib/generation');
    const { designTile } = await import('../../lib/sellers');
    const { id } = await storedDesign(200, 40, 90);
    const png = (await designTilePng(id))!;
    const rgb = await designTileRgb(id);
    expect([rgb.w, rgb.h]).toEqual([16, 16]);
    expect([...rgb.data.subarray(0, 3)]).toEqual([200, 40, 90]); // top-left: the colour
    expect([...rgb.data.subarray(15 * 3, 15 * 3 + 3)]).toEqual([0, 0, 0]); // top-right: black
    const decoded = await sharp(png).removeAlpha().raw().toBuffer();
    expect(Buffer.compare(decoded, Buffer.from(rgb.data))).toBe(0);
    const listingTile = await sharp(await designTile({ id })).removeAlpha().raw().toBuffer();
    expect(Buffer.compare(listingTile, decoded)).toBe(0);
  });

  it('an unknown or malformed id has no tile; cachedOnly never renders', async () => {
    const { designTilePng, designTileRgb } = await import('../../lib/generation');
    expect(await designTilePng('d'.repeat(64))).toBeNull();
    expect(await designTilePng('not-a-design')).toBeNull();
    await expect(designTileRgb('d'.repeat(64))).rejects.toMatchObject({ status: 404 });
    const { db } = await import('../../lib/db/client');
    const { id } = await storedDesign(10, 20, 30);
    await db.design.update({ where: { id }, data: { previewSha256: null } });
    expect(await designTilePng(id, { cachedOnly: true })).toBeNull();
  });
});
