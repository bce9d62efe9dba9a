// A pattern spec to pixels: the composed SVG tile rasterised by librsvg (inside sharp).
import sharp from 'sharp';
import { composeTile, type PatternSpec } from './compose';

export async function renderPatternPng(spec: PatternSpec, seed: number, px: number): Promise<Buffer> {
  return sharp(Buffer.from(composeTile(spec, seed, px))).removeAlpha().png().toBuffer();
}
