// A procedural demo design (staggered lemon-yellow dots with navy leaves on teal, seamless):
// used by the bench, the tests and `scripts/tryon/demo-design.ts` where the diffusion model's
// output is not wanted (a known, crisp pattern makes render problems easy to see).
import sharp from 'sharp';
import { saveDesign } from '../lib/generation';
import { putBlob } from '../lib/storage';
import type { Rgb } from '../lib/tryon/raster';

export function demoTile(size = 128): Rgb {
  const d = new Uint8Array(size * size * 3);
  const s = size / 128;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let c = [22, 128, 138];
      // half-drop repeat: dots at (32,32) and (96,96) in a 128 tile, wrapping
      for (const [cx, cy] of [
        [32, 32],
        [96, 96],
      ]) {
        const dx = ((x / s - cx + 192) % 128) - 64;
        const dy = ((y / s - cy + 192) % 128) - 64;
        const r = Math.hypot(dx, dy);
        if (r < 17) c = r < 5 && dx < 0 && dy < 0 ? [255, 244, 200] : [250, 206, 62];
        // a navy leaf to the upper right of each dot
        const lx = dx - 20;
        const ly = dy + 20;
        const u = (lx + ly) / Math.SQRT2;
        const v = (lx - ly) / Math.SQRT2;
        if ((u * u) / 150 + (v * v) / 30 < 1) c = [28, 40, 92];
      }
      d.set(c, 3 * (y * size + x));
    }
  return { w: size, h: size, data: d };
}

/** Stores the demo tile and a Design row pointing at it; returns the design id. */
export async function saveDemoDesign(prompt = 'lemon dots and navy leaves on teal'): Promise<string> {
  const tile = demoTile(128);
  const png = await sharp(Buffer.from(tile.data), { raw: { width: tile.w, height: tile.h, channels: 3 } }).png().toBuffer();
  const { key } = await putBlob(png, { contentType: 'image/png' });
  const design = await saveDesign(
    { prompt, seed: 1, modelId: 'tryon-demo', modelSha256: '0'.repeat(64), scheduler: 'ddim', steps: 1, guidance: 0, width: 128, height: 128, tileable: true },
    { previewSha256: key },
  );
  return design.id;
}
