// The design as a tile: the recipe's native PNG (rendered once and cached by lib/generation).
import sharp from 'sharp';
import { notFound } from '../http/errors';
import { recipeImage } from '../generation';
import type { DesignTile } from './tile';

const cache = new Map<string, Promise<DesignTile['rgb']>>();

export const DEFAULT_REPEAT_IN = 4;

async function load(designId: string): Promise<DesignTile['rgb']> {
  if (!/^[0-9a-f]{64}$/.test(designId)) throw notFound('No such design.');
  const { png } = await recipeImage(designId);
  const { data, info } = await sharp(png).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { w: info.width, h: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

export async function designTile(designId: string, repeatIn = DEFAULT_REPEAT_IN): Promise<DesignTile> {
  let p = cache.get(designId);
  if (!p) {
    p = load(designId);
    cache.set(designId, p);
    p.catch(() => cache.delete(designId));
    if (cache.size > 64) cache.delete(cache.keys().next().value!);
  }
  return { rgb: await p, repeatIn };
}
