// Print artwork from an order item's recipe: regenerate the tile, prove it is what the
// shopper saw, lift it to print density with the model's super-resolution stage, and tile it
// across each print area at the stored repeat size, at the area's DPI with bleed.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Recipe } from '../generation/recipe';
import { canonicalJson } from '../generation/recipe';

export interface PrintAreaSpec {
  name: string;
  widthIn: number;
  heightIn: number;
  dpi: number;
  bleedIn: number;
  safeMarginIn: number;
}

export interface PrintJobSpec {
  recipe: Recipe;
  expectedPreviewSha256: string | null; // sha256 of the preview PNG the shopper saw
  repeatIn: number;
  productSlug: string;
  variantLabel: string;
  backgroundHex?: string;
  areas: PrintAreaSpec[];
}

export interface PrintFileOut {
  placement: string;
  png: Buffer;
  sha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  manifest: Record<string, unknown>;
}

/** What print needs from the generation domain; injected so print never imports a model runtime it doesn't need. */
export interface TileSource {
  renderPreview(recipe: Recipe): Promise<Buffer>; // the exact PNG the studio showed
  upscaleForPrint(recipe: Recipe, minSizePx: number): Promise<{ png: Buffer; sizePx: number; steps: string[] }>;
  modelSha256(): string;
}

export class ArtworkMismatchError extends Error {
  constructor(expected: string, actual: string) {
    super(`Regenerated artwork does not match what the shopper saw (expected preview ${expected.slice(0, 12)}…, got ${actual.slice(0, 12)}…). Not printing.`);
  }
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Resizes a seamless tile without edge artefacts: resample a 3×3 mosaic, keep the centre. */
async function resizeSeamless(png: Buffer, sizePx: number): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const w = meta.width!;
  const h = meta.height!;
  const mosaic = await sharp({ create: { width: w * 3, height: h * 3, channels: 3, background: '#ffffff' } })
    .composite([{ input: await sharp(png).removeAlpha().toBuffer(), tile: true, left: 0, top: 0 }])
    .raw()
    .toBuffer();
  return sharp(mosaic, { raw: { width: w * 3, height: h * 3, channels: 3 } })
    .resize(sizePx * 3, sizePx * 3, { kernel: 'lanczos3' })
    .extract({ left: sizePx, top: sizePx, width: sizePx, height: sizePx })
    .png()
    .toBuffer();
}

export async function renderPrintFiles(spec: PrintJobSpec, source: TileSource): Promise<PrintFileOut[]> {
  const preview = await source.renderPreview(spec.recipe);
  const previewSha = sha256(preview);
  if (spec.expectedPreviewSha256 && previewSha !== spec.expectedPreviewSha256) {
    throw new ArtworkMismatchError(spec.expectedPreviewSha256, previewSha);
  }
  const maxDpi = Math.max(...spec.areas.map((a) => a.dpi));
  const repeatPxMax = Math.round(spec.repeatIn * maxDpi);
  const hires = await source.upscaleForPrint(spec.recipe, Math.min(repeatPxMax, 2048));
  const out: PrintFileOut[] = [];
  for (const area of spec.areas) {
    const widthPx = Math.round((area.widthIn + 2 * area.bleedIn) * area.dpi);
    const heightPx = Math.round((area.heightIn + 2 * area.bleedIn) * area.dpi);
    const repeatPx = Math.max(8, Math.round(spec.repeatIn * area.dpi));
    let tile = await resizeSeamless(hires.png, repeatPx);
    // A repeat larger than the print area (a 24 in repeat on a mug) prints its top-left part.
    if (repeatPx > widthPx || repeatPx > heightPx) {
      tile = await sharp(tile).extract({ left: 0, top: 0, width: Math.min(repeatPx, widthPx), height: Math.min(repeatPx, heightPx) }).png().toBuffer();
    }
    // libvips tiles the repeat across the canvas strip by strip: memory stays bounded.
    const png = await sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: spec.backgroundHex ?? '#ffffff' } })
      .composite([{ input: tile, tile: true, gravity: 'northwest' }])
      .withIccProfile('srgb')
      .withMetadata({ density: area.dpi })
      .png({ compressionLevel: 6, adaptiveFiltering: false })
      .toBuffer();
    const fileSha = sha256(png);
    out.push({
      placement: area.name,
      png,
      sha256: fileSha,
      widthPx,
      heightPx,
      dpi: area.dpi,
      manifest: {
        product: spec.productSlug,
        variant: spec.variantLabel,
        placement: area.name,
        recipe: JSON.parse(canonicalJson(spec.recipe)),
        modelSha256: source.modelSha256(),
        previewSha256: previewSha,
        upscale: hires.steps,
        repeatIn: spec.repeatIn,
        repeatPx,
        physical: { widthIn: area.widthIn, heightIn: area.heightIn, bleedIn: area.bleedIn, safeMarginIn: area.safeMarginIn },
        pixels: { width: widthPx, height: heightPx, dpi: area.dpi },
        colorProfile: 'sRGB IEC61966-2.1',
        sha256: fileSha,
        bytes: png.length,
      },
    });
  }
  return out;
}
