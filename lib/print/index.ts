export { renderPrintFiles, ArtworkMismatchError, sha256, type PrintAreaSpec, type PrintFileOut, type PrintJobSpec, type TileSource } from './print-artwork';
