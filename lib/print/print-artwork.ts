// Print artwork from an order item's recipe: regenerate the tile once, prove it is what the
// shopper saw, turn it into print art (flat designs as vector art, others through the model's
// super-resolution), tile it across each print area at the stored repeat size with bleed, and
// preflight every file before it is offered to a factory.
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { designRegion, preflightFile, printAreaPixels, type PreflightReport, type PrintAreaSpec } from './preflight';
import { decodeRgb, type DesignRegion } from './print-quality';
import { vectoriseTile, VECTORISER } from './vector-tile';

/** The recipe as print sees it: an opaque JSON object with the two fields that change the layout. */
export interface PrintRecipe {
  tileable: boolean;
  [key: string]: unknown;
}


export interface PrintJobSpec {
  recipe: PrintRecipe;
  expectedPreviewSha256: string | null; // sha256 of the preview PNG the shopper saw
  repeatIn: number;
  productSlug: string;
  variantLabel: string;
  areas: PrintAreaSpec[];
}

export interface PrintFileOut {
  placement: string;
  png: Buffer;
  thumbnail: Buffer; // JPEG, 480 px on the long side, of the whole file
  sha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  engine: string;
  preflight: PreflightReport;
  manifest: Record<string, unknown>;
}

/** What print needs from the generation domain; injected so print never loads a model runtime itself. */
export interface TileSource {
  renderPreview(recipe: PrintRecipe): Promise<Buffer>; // the exact PNG the studio showed
  /** Super-resolution of that same PNG (no second render), or null when the model has no SR stage. */
  upscalePreview(previewPng: Buffer, minSizePx: number): Promise<{ png: Buffer; sizePx: number; steps: string[] } | null>;
  modelSha256(recipe: PrintRecipe): string;
  /** Designs that are vector by construction: their tile drawn from its vectors at any size, or null. */
  vectorArt?(recipe: PrintRecipe): { engine: string; render(px: number): Promise<Buffer> } | null;
}

export class ArtworkMismatchError extends Error {
  constructor(expected: string, actual: string) {
    super(`Regenerated artwork does not match what the shopper saw (expected preview ${expected.slice(0, 12)}…, got ${actual.slice(0, 12)}…). Not printing.`);
  }
}

export class PreflightError extends Error {
  constructor(readonly placement: string, readonly report: PreflightReport) {
    super(`Print file for "${placement}" failed preflight: ${report.checks.filter((c) => !c.ok).map((c) => `${c.name} (${c.detail})`).join('; ')}. Not offered to the factory.`);
  }
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * A tile is printed as vector art when it is made of flat colours: at most this many, and every
 * pixel within this mean ΔE76 of the flat-colour model (colours plus the rims between two of
 * them). Tiles with gradients, texture or photo detail keep their pixels and go through SR.
 */
export const FLAT_ART = { maxColours: 6, maxResidualDeltaE: 6 } as const;

export const PRINT_ENGINE_VERSION = 2; // files made by an older engine are remade (see remakePrintFiles)

interface PrintTile {
  engine: string;
  effectiveDpi(repeatIn: number, dpi: number): number;
  render(sizePx: number): Promise<Buffer>; // a seamless tile, PNG, sizePx square
  manifest: Record<string, unknown>;
}

async function printTile(recipe: PrintRecipe, preview: Buffer, source: TileSource, maxRepeatPx: number): Promise<PrintTile> {
  const native = source.vectorArt?.(recipe);
  if (native) return { engine: native.engine, effectiveDpi: (_repeatIn, dpi) => dpi, render: native.render, manifest: { vectorSource: native.engine, rasteriser: `librsvg ${sharp.versions.rsvg ?? 'n/a'} (sharp ${sharp.versions.sharp})` } };
  const rgb = await decodeRgb(preview);
  const vector = vectoriseTile(rgb.data, rgb.width, rgb.height, 3);
  if (vector.palette.colours.length <= FLAT_ART.maxColours && vector.residualDeltaE <= FLAT_ART.maxResidualDeltaE) {
    return {
      engine: `${VECTORISER.name}@${VECTORISER.version}`,
      effectiveDpi: (_repeatIn, dpi) => dpi, // vector art: as sharp as the file's own resolution
      render: (px) => sharp(Buffer.from(vector.svg(px, px))).removeAlpha().png().toBuffer(),
      manifest: {
        vectoriser: { ...VECTORISER, params: vector.params, residualDeltaE: round(vector.residualDeltaE, 3) },
        rasteriser: `librsvg ${sharp.versions.rsvg ?? 'n/a'} (sharp ${sharp.versions.sharp})`,
      },
    };
  }
  const sr = await source.upscalePreview(preview, Math.min(maxRepeatPx, 2048));
  const hires = sr?.png ?? preview;
  const hiresPx = sr?.sizePx ?? rgb.width;
  return {
    engine: sr ? 'raster-sr' : 'raster-lanczos',
    effectiveDpi: (repeatIn, dpi) => Math.min(dpi, Math.round(hiresPx / repeatIn)),
    render: (px) => resizeSeamless(hires, px),
    manifest: { raster: { steps: sr?.steps ?? [], sourcePx: hiresPx, resample: 'lanczos3, wrap-aware', residualDeltaE: round(vector.residualDeltaE, 3) } },
  };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** Resizes a seamless tile without edge artefacts: resample a 3×3 mosaic, keep the centre. */
async function resizeSeamless(png: Buffer, sizePx: number): Promise<Buffer> {
  const { data, width: w, height: h } = await decodeRgb(png);
  const mosaic = Buffer.alloc(w * 3 * h * 3 * 3);
  for (let y = 0; y < h * 3; y++) {
    const src = (y % h) * w * 3;
    for (let k = 0; k < 3; k++) mosaic.set(data.subarray(src, src + w * 3), (y * w * 3 + k * w) * 3);
  }
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
  const art = await printTile(spec.recipe, preview, source, Math.round(spec.repeatIn * maxDpi));
  const out: PrintFileOut[] = [];
  for (const area of spec.areas) {
    const { widthPx, heightPx } = printAreaPixels(area);
    const repeatPx = Math.max(8, Math.round(spec.repeatIn * area.dpi));
    const layout = spec.recipe.tileable ? 'all-over' : 'placed';
    const png = layout === 'all-over' ? await allOver(art, repeatPx, widthPx, heightPx, area.dpi) : await placed(art, designRegion({ layout, repeatPx, area }, widthPx, heightPx), widthPx, heightPx, area.dpi);
    const preflight = await preflightFile(png, { area, layout, previewPng: preview, repeatPx, engine: art.engine });
    if (!preflight.ok) throw new PreflightError(area.name, preflight);
    const fileSha = sha256(png);
    const effectiveDpi = art.effectiveDpi(spec.repeatIn, area.dpi);
    out.push({
      placement: area.name,
      png,
      thumbnail: await sharp(png, { limitInputPixels: false }).resize(480, 480, { fit: 'inside' }).jpeg({ quality: 82 }).toBuffer(),
      sha256: fileSha,
      widthPx,
      heightPx,
      dpi: area.dpi,
      engine: art.engine,
      preflight,
      manifest: {
        product: spec.productSlug,
        variant: spec.variantLabel,
        placement: area.name,
        recipe: spec.recipe,
        modelSha256: source.modelSha256(spec.recipe),
        previewSha256: previewSha,
        printEngine: { version: PRINT_ENGINE_VERSION, art: art.engine, ...art.manifest },
        layout,
        repeatIn: spec.repeatIn,
        repeatPx,
        effectiveDpi,
        physical: { widthIn: area.widthIn, heightIn: area.heightIn, bleedIn: area.bleedIn, safeMarginIn: area.safeMarginIn },
        pixels: { width: widthPx, height: heightPx, dpi: area.dpi },
        colorProfile: 'sRGB IEC61966-2.1',
        preflight,
        sha256: fileSha,
        bytes: png.length,
      },
    });
  }
  return out;
}

const encode = (img: Sharp, dpi: number) =>
  img.removeAlpha().withIccProfile('srgb').withMetadata({ density: dpi }).png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();

/** The repeat tiled from the file's top-left corner (in the bleed) across the whole area. */
async function allOver(art: PrintTile, repeatPx: number, widthPx: number, heightPx: number, dpi: number): Promise<Buffer> {
  let tile = await art.render(repeatPx);
  // A repeat larger than the print area (a 24 in repeat on a mug) prints its top-left part.
  if (repeatPx > widthPx || repeatPx > heightPx) {
    tile = await sharp(tile).extract({ left: 0, top: 0, width: Math.min(repeatPx, widthPx), height: Math.min(repeatPx, heightPx) }).png().toBuffer();
  }
  // libvips tiles the repeat across the canvas strip by strip: memory stays bounded.
  return encode(sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: '#ffffff' } }).composite([{ input: tile, tile: true, gravity: 'northwest' }]), dpi);
}

/** A design that does not repeat: one copy, as large as the repeat size allows inside the safe area, centred on white. */
async function placed(art: PrintTile, region: DesignRegion, widthPx: number, heightPx: number, dpi: number): Promise<Buffer> {
  const tile = await art.render(region.sizePx);
  return encode(sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: '#ffffff' } }).composite([{ input: tile, left: region.left, top: region.top }]), dpi);
}
