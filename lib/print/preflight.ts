// Preflight as a print provider runs it: every file is checked before a factory may download it.
import sharp from 'sharp';
import { matchPreview, PREVIEW_MATCH_BOUNDS, type DesignRegion } from './print-quality';

export interface PreflightCheck {
  name: 'pixel-size' | 'dpi' | 'icc-srgb' | 'no-transparency' | 'design-matches-preview' | 'safe-area';
  ok: boolean;
  detail: string;
}

export interface PreflightReport {
  ok: boolean;
  checks: PreflightCheck[];
}

export interface PrintAreaSpec {
  name: string;
  widthIn: number;
  heightIn: number;
  dpi: number;
  bleedIn: number;
  safeMarginIn: number;
}

/** Pixel size of a print area including bleed on every side. */
export function printAreaPixels(a: Pick<PrintAreaSpec, 'widthIn' | 'heightIn' | 'dpi' | 'bleedIn'>) {
  return { widthPx: Math.round((a.widthIn + 2 * a.bleedIn) * a.dpi), heightPx: Math.round((a.heightIn + 2 * a.bleedIn) * a.dpi) };
}

export interface PreflightInput {
  area: PrintAreaSpec;
  layout: 'all-over' | 'placed';
  previewPng: Buffer;
  repeatPx: number;
  engine: string;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

export async function preflightFile(png: Buffer, input: PreflightInput): Promise<PreflightReport> {
  const { area } = input;
  const meta = await sharp(png, { limitInputPixels: false }).metadata();
  const { widthPx, heightPx } = printAreaPixels(area);
  const checks: PreflightCheck[] = [];
  checks.push({
    name: 'pixel-size',
    ok: meta.width === widthPx && meta.height === heightPx,
    detail: `${meta.width}×${meta.height} px; print area ${area.widthIn}×${area.heightIn} in + ${area.bleedIn} in bleed at ${area.dpi} DPI needs ${widthPx}×${heightPx}`,
  });
  checks.push({ name: 'dpi', ok: Math.round(meta.density ?? 0) === area.dpi, detail: `${meta.density ?? 'no'} DPI recorded, ${area.dpi} expected` });
  const icc = meta.icc ? iccDescription(meta.icc) : null;
  checks.push({ name: 'icc-srgb', ok: !!icc && /srgb/i.test(icc), detail: icc ? `embedded profile "${icc}"` : 'no ICC profile embedded' });
  // None of the catalog's print processes (DTG, sublimation, UV) can print transparency.
  checks.push({ name: 'no-transparency', ok: !meta.hasAlpha, detail: meta.hasAlpha ? 'the file has an alpha channel' : `${meta.channels} opaque channels` });

  const region = designRegion(input, widthPx, heightPx);
  const bounds = input.engine.startsWith('raster') ? PREVIEW_MATCH_BOUNDS.raster : PREVIEW_MATCH_BOUNDS.vector;
  const match = await matchPreview(png, input.previewPng, region, bounds);
  checks.push({
    name: 'design-matches-preview',
    ok: match.ok,
    detail: `SSIM ${r3(match.ssim)} (≥ ${bounds.ssim}), colour overlap ${r3(match.minIoU)} (≥ ${bounds.minIoU}), mean ΔE ${r3(match.meanDeltaE)} (≤ ${bounds.meanDeltaE}) against the preview`,
  });
  if (input.layout === 'all-over') {
    checks.push({ name: 'safe-area', ok: true, detail: 'all-over repeat: the pattern runs into the bleed by design' });
  } else {
    const inset = Math.round((area.bleedIn + area.safeMarginIn) * area.dpi);
    const inside = region.left >= inset && region.top >= inset && region.left + region.sizePx <= widthPx - inset && region.top + region.sizePx <= heightPx - inset;
    checks.push({ name: 'safe-area', ok: inside, detail: `design ${region.sizePx} px at (${region.left}, ${region.top}); safe area starts ${inset} px in from each edge` });
  }
  return { ok: checks.every((c) => c.ok), checks };
}

/** Where the layout puts the first full repeat of the design in the file. */
export function designRegion(input: Pick<PreflightInput, 'layout' | 'repeatPx' | 'area'>, widthPx: number, heightPx: number): DesignRegion {
  if (input.layout === 'all-over') return { left: 0, top: 0, sizePx: input.repeatPx };
  const inset = Math.round((input.area.bleedIn + input.area.safeMarginIn) * input.area.dpi);
  const size = Math.max(8, Math.min(input.repeatPx, widthPx - 2 * inset, heightPx - 2 * inset));
  return { left: Math.round((widthPx - size) / 2), top: Math.round((heightPx - size) / 2), sizePx: size };
}

/** The profile's description tag ('desc', ICC v2 textDescriptionType or v4 mluc). */
function iccDescription(icc: Buffer): string | null {
  const count = icc.readUInt32BE(128);
  for (let i = 0; i < count; i++) {
    const at = 132 + i * 12;
    if (icc.toString('latin1', at, at + 4) !== 'desc') continue;
    const off = icc.readUInt32BE(at + 4);
    const type = icc.toString('latin1', off, off + 4);
    if (type === 'desc') return icc.toString('latin1', off + 12, off + 12 + icc.readUInt32BE(off + 8)).replace(/\0+$/, '');
    if (type === 'mluc') {
      const len = icc.readUInt32BE(off + 20);
      const start = off + icc.readUInt32BE(off + 24);
      return Buffer.from(icc.subarray(start, start + len)).swap16().toString('utf16le');
    }
  }
  return null;
}
