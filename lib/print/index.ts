export {
  renderPrintFiles,
  ArtworkMismatchError,
  PreflightError,
  PRINT_ENGINE_VERSION,
  FLAT_ART,
  sha256,
  type PrintFileOut,
  type PrintJobSpec,
  type PrintRecipe,
  type TileSource,
} from './print-artwork';
export { preflightFile, designRegion, printAreaPixels, type PrintAreaSpec, type PreflightCheck, type PreflightReport } from './preflight';
export { decodeRgb, matchPreview, offPaletteShare, ssimLuma, colourIoU, meanDeltaE, PREVIEW_MATCH_BOUNDS, type RgbImage, type PreviewMatch } from './print-quality';
export { vectoriseTile, VECTORISER, type VectorTile } from './vector-tile';
