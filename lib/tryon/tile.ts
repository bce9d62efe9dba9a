// The design as a repeating tile at its true printed scale: one repeat = repeatIn inches,
// resized once to the photo's pixels-per-inch so sampling needs no further filtering.
import sharp from 'sharp';
import type { Rgb } from './raster';

export interface DesignTile {
  /** one repeat of the seamless design, RGB */
  rgb: Rgb;
  /** printed size of one repeat, inches */
  repeatIn: number;
}

export interface TileSampler {
  period: number;
  /** bilinear, wrapping: writes RGB (0..255 floats) into out[0..2] */
  sample(x: number, y: number, out: Float32Array): void;
}

export async function tileSampler(tile: DesignTile, pxPerIn: number): Promise<TileSampler> {
  const period = Math.max(6, Math.round(tile.repeatIn * pxPerIn));
  let data: Uint8Array = tile.rgb.data;
  if (tile.rgb.w !== period || tile.rgb.h !== period) {
    // tile 3×3 first so the resize filter sees the wrap-around neighbours, then crop the centre
    const src = Buffer.from(tile.rgb.data.buffer, tile.rgb.data.byteOffset, tile.rgb.data.length);
    const w = tile.rgb.w;
    const h = tile.rgb.h;
    const big = Buffer.alloc(w * 3 * h * 3 * 3);
    for (let ty = 0; ty < 3; ty++)
      for (let y = 0; y < h; y++)
        for (let tx = 0; tx < 3; tx++) src.copy(big, ((ty * h + y) * w * 3 + tx * w) * 3, y * w * 3, (y + 1) * w * 3);
    const out = await sharp(big, { raw: { width: w * 3, height: h * 3, channels: 3 } })
      .resize(period * 3, period * 3, { fit: 'fill', kernel: period < w ? 'lanczos3' : 'cubic' })
      .extract({ left: period, top: period, width: period, height: period })
      .raw()
      .toBuffer();
    data = new Uint8Array(out.buffer, out.byteOffset, out.length);
  }
  const P = period;
  return {
    period,
    sample(x, y, out) {
      let fx = x % P;
      if (fx < 0) fx += P;
      let fy = y % P;
      if (fy < 0) fy += P;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const tx = fx - x0;
      const ty = fy - y0;
      const x1 = x0 + 1 === P ? 0 : x0 + 1;
      const y1 = y0 + 1 === P ? 0 : y0 + 1;
      const i00 = (y0 * P + x0) * 3;
      const i10 = (y0 * P + x1) * 3;
      const i01 = (y1 * P + x0) * 3;
      const i11 = (y1 * P + x1) * 3;
      const w00 = (1 - tx) * (1 - ty);
      const w10 = tx * (1 - ty);
      const w01 = (1 - tx) * ty;
      const w11 = tx * ty;
      for (let c = 0; c < 3; c++) out[c] = data[i00 + c] * w00 + data[i10 + c] * w10 + data[i01 + c] * w01 + data[i11 + c] * w11;
    },
  };
}
