// Pixel checks for images the store makes (shared by vitest and the e2e specs): the dominant
// colours of a design's tile, and how much of another image shows each of them.
import sharp from 'sharp';

export type Rgb = [number, number, number];

/** The `n` most common colours of an image (RGB binned by 32 levels, each bin's mean colour). */
export async function dominantColours(png: Buffer, n = 2): Promise<{ rgb: Rgb; share: number }[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const bins = new Map<number, { r: number; g: number; b: number; count: number }>();
  for (let i = 0; i < data.length; i += info.channels) {
    const key = ((data[i] >> 5) << 6) | ((data[i + 1] >> 5) << 3) | (data[i + 2] >> 5);
    const bin = bins.get(key) ?? { r: 0, g: 0, b: 0, count: 0 };
    bin.r += data[i];
    bin.g += data[i + 1];
    bin.b += data[i + 2];
    bin.count++;
    bins.set(key, bin);
  }
  const total = info.width * info.height;
  return [...bins.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((b) => ({ rgb: [b.r / b.count, b.g / b.count, b.b / b.count].map(Math.round) as Rgb, share: b.count / total }));
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Share of an image's pixels (or of `region`'s) within `tolerance` (Euclidean RGB distance) of `rgb`. */
export async function shareOfColour(png: Buffer, rgb: Rgb, tolerance = 60, region?: Region): Promise<number> {
  const img = sharp(png).removeAlpha();
  const { data, info } = await (region ? img.extract(region) : img).raw().toBuffer({ resolveWithObject: true });
  let hits = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const d = Math.hypot(data[i] - rgb[0], data[i + 1] - rgb[1], data[i + 2] - rgb[2]);
    if (d <= tolerance) hits++;
  }
  return hits / (info.width * info.height);
}

/** Width and height of a PNG. */
export async function pngSize(png: Buffer): Promise<{ width: number; height: number }> {
  const m = await sharp(png).metadata();
  return { width: m.width ?? 0, height: m.height ?? 0 };
}
