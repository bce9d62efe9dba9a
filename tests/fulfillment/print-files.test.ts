// A paid order's artwork is regenerated from its recipe, proven equal to the preview, turned into
// crisp print art and tiled at 300 DPI. Every file is checked by its pixels: scaled down to the
// design's repeat it must show the preview, repeat exactly at the repeat size, and be crisp; a
// shifted, mirrored, scrambled, recoloured or different file must fail the same checks.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../lib/catalog';
import { db } from '../../lib/db/client';
import { handleOrderPaid, handleRenderJob, remakeOutdatedPrintFiles, REMAKE_NOTE } from '../../lib/fulfillment';
import { printTileSource } from '../../lib/generation';
import { renderRecipe } from '../../lib/generation';
import {
  decodeRgb,
  matchPreview,
  offPaletteShare,
  preflightFile,
  PREVIEW_MATCH_BOUNDS,
  printAreaPixels,
  renderPrintFiles,
  type PrintAreaSpec,
  type TileSource,
} from '../../lib/print';
import { getBlob, putBlob } from '../../lib/storage';
import { resetDatabase } from '../setup/db';
import { makeDesign, makePaidOrder } from './helpers';

async function renderAll(orderId: string) {
  await handleOrderPaid({ orderId });
  const jobs = await db.fulfillmentJob.findMany({ where: { orderId } });
  for (const j of jobs) await handleRenderJob({ jobId: j.id });
  return db.fulfillmentJob.findMany({ where: { orderId }, include: { files: { orderBy: { placement: 'asc' } } } });
}

/** Mean absolute difference between two same-size strips of a file (0 = identical pixels). */
async function stripDiff(png: Buffer, a: { left: number; top: number }, b: { left: number; top: number }, width: number, height: number) {
  const [x, y] = await Promise.all([decodeRgb(png, { ...a, width, height }), decodeRgb(png, { ...b, width, height })]);
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) sum += Math.abs(x.data[i] - y.data[i]);
  return sum / x.data.length;
}

const TEE_FRONT: PrintAreaSpec = { name: 'front', widthIn: 12, heightIn: 16, dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25 };

describe('print files for every product and placement', () => {
  beforeAll(resetDatabase);
  // Products whose print areas are named after their sizes (poster sheets, phone models) print one area per size: each is a case.
  const sized = (p: (typeof CATALOG)[number]) => p.variants.some((v) => p.printAreas.some((a) => a.name === v.size));
  const cases: { slug: string; size?: string }[] = CATALOG.flatMap((p) => (sized(p) ? p.printAreas.map((a) => ({ slug: p.slug, size: a.name })) : [{ slug: p.slug }]));

  it.each(cases)('$slug $size: right size, DPI, sRGB, opaque, preflighted, and the pixels show the design at its repeat', async ({ slug, size }) => {
    const repeatIn = 3;
    const { order, design } = await makePaidOrder(slug, { size, repeatIn });
    const [job] = await renderAll(order.id);
    expect(job.status).toBe('READY');
    const product = CATALOG.find((p) => p.slug === slug)!;
    const placements = size ? [size] : product.printAreas.map((a) => a.name);
    expect(job.files.map((f) => f.placement).sort()).toEqual([...placements].sort());
    const preview = await renderRecipe(design.recipe);
    for (const file of job.files) {
      const area = { dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25, ...product.printAreas.find((a) => a.name === file.placement)! };
      const { widthPx, heightPx } = printAreaPixels(area);
      const png = await getBlob(file.blobKey);
      expect(createHash('sha256').update(png).digest('hex')).toBe(file.blobKey);
      const meta = await sharp(png, { limitInputPixels: false }).metadata();
      expect([meta.width, meta.height, meta.density, meta.hasAlpha, meta.channels]).toEqual([widthPx, heightPx, 300, false, 3]);
      expect(file.engine).toBe('seedprint-flat-vector@1');
      expect(file.preflight).toMatchObject({ ok: true });
      // The pixels: the first repeat, shrunk to the preview's size, is the preview.
      const repeatPx = repeatIn * 300;
      const match = await matchPreview(png, preview, { left: 0, top: 0, sizePx: repeatPx });
      expect(match, `${slug} ${file.placement}`).toMatchObject({ ok: true });
      expect(match.ssim).toBeGreaterThanOrEqual(PREVIEW_MATCH_BOUNDS.vector.ssim);
      // The pattern repeats exactly every repeatPx across and down (no drift, no seam offset).
      if (widthPx >= repeatPx + 64) expect(await stripDiff(png, { left: 0, top: 0 }, { left: repeatPx, top: 0 }, 64, Math.min(heightPx, repeatPx))).toBeLessThan(0.5);
      if (heightPx >= repeatPx + 64) expect(await stripDiff(png, { left: 0, top: 0 }, { left: 0, top: repeatPx }, Math.min(widthPx, repeatPx), 64)).toBeLessThan(0.5);
      // The thumbnail the factory sees is this file.
      const thumb = await getBlob(file.thumbKey!);
      const tmeta = await sharp(thumb).metadata();
      expect(tmeta.format).toBe('jpeg');
      expect(Math.max(tmeta.width!, tmeta.height!)).toBe(480);
      const small = await sharp(png, { limitInputPixels: false }).resize(tmeta.width, tmeta.height, { fit: 'fill' }).raw().toBuffer();
      const t = await sharp(thumb).removeAlpha().raw().toBuffer();
      let diff = 0;
      for (let i = 0; i < t.length; i++) diff += Math.abs(t[i] - small[i]);
      expect(diff / t.length).toBeLessThan(12); // JPEG and resampling noise; another design differs by ~40
      const manifest = JSON.parse((await getBlob(file.manifestKey)).toString('utf8'));
      expect(manifest).toMatchObject({ repeatPx, effectiveDpi: 300, previewSha256: design.previewSha256, sha256: file.blobKey, printEngine: { art: 'seedprint-flat-vector@1' } });
      expect(manifest.printEngine.vectoriser.params.colours.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('a print file that does not show the design fails the pixel checks', () => {
  let preview: Buffer;
  let good: Buffer;
  let other: Buffer;
  const region = { left: 0, top: 0, sizePx: 1200 };

  beforeAll(async () => {
    await resetDatabase();
    const source = printTileSource();
    const a = await makeDesign('red hearts on navy', 11);
    const b = await makeDesign('yellow stars on black', 5);
    preview = await renderRecipe(a.recipe);
    [{ png: good }] = await renderPrintFiles({ recipe: a.recipe, expectedPreviewSha256: a.previewSha256, repeatIn: 4, productSlug: 'tee', variantLabel: 'White / M', areas: [TEE_FRONT] }, source);
    [{ png: other }] = await renderPrintFiles({ recipe: b.recipe, expectedPreviewSha256: b.previewSha256, repeatIn: 4, productSlug: 'tee', variantLabel: 'White / M', areas: [TEE_FRONT] }, source);
  });

  const crop = (png: Buffer) => sharp(png, { limitInputPixels: false }).extract({ left: 0, top: 0, width: 2400, height: 2400 });
  const mutations: [string, () => Promise<Buffer>][] = [
    ['the genuine file (control)', async () => crop(good).png().toBuffer()],
    ['shifted by half a repeat', async () => sharp(good, { limitInputPixels: false }).extract({ left: 600, top: 0, width: 2400, height: 2400 }).png().toBuffer()],
    ['shifted by 24 px', async () => sharp(good, { limitInputPixels: false }).extract({ left: 24, top: 24, width: 2400, height: 2400 }).png().toBuffer()],
    ['mirrored', async () => crop(good).flop().png().toBuffer()],
    ['upside down', async () => crop(good).flip().png().toBuffer()],
    [
      'scrambled: 4-channel pixels read as 3 (the stripes bug)',
      async () => {
        const rgba = await crop(good).ensureAlpha().raw().toBuffer();
        return sharp(rgba.subarray(0, 2400 * 2400 * 3), { raw: { width: 2400, height: 2400, channels: 3 } }).png().toBuffer();
      },
    ],
    ['blocks shuffled', async () => shuffleBlocks(await crop(good).png().toBuffer(), 150)],
    ['wrong colours (channels swapped)', async () => crop(good).recomb([[0, 0, 1], [0, 1, 0], [1, 0, 0]]).png().toBuffer()],
    ['wrong colours (hue turned)', async () => crop(good).modulate({ hue: 60 }).png().toBuffer()],
    ['a different design', async () => crop(other).png().toBuffer()],
  ];

  it.each(mutations)('%s', async (name, make) => {
    const png = await make();
    const vector = await matchPreview(png, preview, region);
    const raster = await matchPreview(png, preview, region, PREVIEW_MATCH_BOUNDS.raster);
    if (name.includes('control')) {
      expect(vector.ok && raster.ok).toBe(true);
    } else {
      expect(vector.ok, `${name}: ${JSON.stringify(vector)}`).toBe(false);
      expect(raster.ok, `${name} (raster bounds): ${JSON.stringify(raster)}`).toBe(false);
    }
  });

  it('preflight refuses a wrong file before a factory sees it', async () => {
    const flopped = await sharp(good, { limitInputPixels: false }).flop().withIccProfile('srgb').withMetadata({ density: 300 }).png().toBuffer();
    const report = await preflightFile(flopped, { area: TEE_FRONT, layout: 'all-over', previewPng: preview, repeatPx: 1200, engine: 'seedprint-flat-vector@1' });
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['design-matches-preview']);
  });
});

async function shuffleBlocks(png: Buffer, block: number): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const n = info.width / block;
  const out = Buffer.alloc(data.length);
  for (let by = 0; by < n; by++) {
    for (let bx = 0; bx < n; bx++) {
      const sx = (bx * 7 + by * 3) % n; // a fixed permutation of each row's blocks
      for (let y = 0; y < block; y++) {
        const src = ((by * block + y) * info.width + sx * block) * 3;
        data.copy(out, ((by * block + y) * info.width + bx * block) * 3, src, src + block * 3);
      }
    }
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 3 } }).png().toBuffer();
}

describe('print art quality and engine choice', () => {
  beforeEach(resetDatabase);

  it('is crisp at 300 DPI: off-palette share of a 1200 px crop ≤ 0.03 (SR ×4 of the same tile is not)', async () => {
    const d = await makeDesign('small red hearts on navy', 7);
    const source = printTileSource();
    const [file] = await renderPrintFiles({ recipe: d.recipe, expectedPreviewSha256: d.previewSha256, repeatIn: 4, productSlug: 'tee', variantLabel: '', areas: [TEE_FRONT] }, source);
    const crop = await decodeRgb(file.png, { left: 600, top: 600, width: 1200, height: 1200 });
    const vectorShare = offPaletteShare(crop);
    expect(vectorShare).toBeLessThanOrEqual(0.03);
    const sr = await source.upscalePreview(await renderRecipe(d.recipe), 1200);
    const srCrop = await decodeRgb(await sharp(sr!.png).resize(1200, 1200, { kernel: 'lanczos3' }).png().toBuffer());
    expect(offPaletteShare(srCrop)).toBeGreaterThan(vectorShare + 0.05);
  });

  it('renders the design once and hands that same PNG to the SR stage', async () => {
    const d = await makeDesign('green zigzag on cream', 3);
    const real = printTileSource();
    const rendered: Buffer[] = [];
    const counting: TileSource = { ...real, renderPreview: async (r) => { const png = await real.renderPreview(r); rendered.push(png); return png; } };
    await renderPrintFiles({ recipe: d.recipe, expectedPreviewSha256: d.previewSha256, repeatIn: 4, productSlug: 'tee', variantLabel: '', areas: [TEE_FRONT, { ...TEE_FRONT, name: 'back' }] }, counting);
    expect(rendered).toHaveLength(1);
  });

  it('keeps continuous-tone artwork as pixels (SR or Lanczos), still matching its preview', async () => {
    // A smooth photographic gradient with texture: not flat, so it must not be posterised.
    const w = 64;
    const px = Buffer.alloc(w * w * 3);
    for (let y = 0; y < w; y++) {
      for (let x = 0; x < w; x++) {
        const u = (2 * Math.PI * x) / w;
        const v = (2 * Math.PI * y) / w;
        px[(y * w + x) * 3] = 128 + 100 * Math.sin(u);
        px[(y * w + x) * 3 + 1] = 128 + 90 * Math.sin(v + 1);
        px[(y * w + x) * 3 + 2] = 128 + 80 * Math.sin(u + v);
      }
    }
    const preview = await sharp(px, { raw: { width: w, height: w, channels: 3 } }).png().toBuffer();
    const source: TileSource = { renderPreview: async () => preview, upscalePreview: async () => null, modelSha256: () => 'n/a' };
    const [file] = await renderPrintFiles({ recipe: { tileable: true }, expectedPreviewSha256: null, repeatIn: 2, productSlug: 'mug', variantLabel: '', areas: [{ name: 'wrap', widthIn: 9, heightIn: 3.5, dpi: 300, bleedIn: 0.1, safeMarginIn: 0.2 }] }, source);
    expect(file.engine).toBe('raster-lanczos');
    expect(file.preflight.ok).toBe(true);
    expect(file.manifest.effectiveDpi).toBe(32); // 64 px over 2 in: honest about its resolution
    const m = await matchPreview(file.png, preview, { left: 0, top: 0, sizePx: 600 }, PREVIEW_MATCH_BOUNDS.raster);
    expect(m.ssim).toBeGreaterThan(0.95);
  });

  it('places a design that does not repeat once, centred inside the safe area', async () => {
    const d = await makeDesign('red hearts on navy', 11);
    const real = printTileSource();
    const area = { name: 'front', widthIn: 15, heightIn: 16, dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25 };
    const [file] = await renderPrintFiles({ recipe: { ...d.recipe, tileable: false }, expectedPreviewSha256: null, repeatIn: 10, productSlug: 'tote', variantLabel: '', areas: [area] }, { ...real, renderPreview: () => renderRecipe(d.recipe) });
    expect(file.preflight.checks.find((c) => c.name === 'safe-area')).toMatchObject({ ok: true });
    const { widthPx, heightPx } = printAreaPixels(area);
    const left = Math.round((widthPx - 3000) / 2);
    const top = Math.round((heightPx - 3000) / 2);
    expect((await matchPreview(file.png, await renderRecipe(d.recipe), { left, top, sizePx: 3000 })).ok).toBe(true);
    // Outside the design the file is plain white.
    const corner = await decodeRgb(file.png, { left: 0, top: 0, width: 200, height: 200 });
    expect(corner.data.every((v) => v === 255)).toBe(true);
  });

  it('preflight names each problem: size, DPI, missing ICC, transparency', async () => {
    const d = await makeDesign('red hearts on navy', 11);
    const preview = await renderRecipe(d.recipe);
    const [file] = await renderPrintFiles({ recipe: d.recipe, expectedPreviewSha256: null, repeatIn: 4, productSlug: 'tee', variantLabel: '', areas: [TEE_FRONT] }, printTileSource());
    const input = { area: TEE_FRONT, layout: 'all-over' as const, previewPng: preview, repeatPx: 1200, engine: 'seedprint-flat-vector@1' };
    const failed = async (png: Buffer) => (await preflightFile(png, input)).checks.filter((c) => !c.ok).map((c) => c.name);
    expect(await failed(file.png)).toEqual([]);
    const big = sharp(file.png, { limitInputPixels: false });
    expect(await failed(await big.clone().extract({ left: 0, top: 0, width: 3600, height: 4800 }).withIccProfile('srgb').withMetadata({ density: 300 }).png().toBuffer())).toEqual(['pixel-size']);
    expect(await failed(await big.clone().withIccProfile('srgb').withMetadata({ density: 150 }).png().toBuffer())).toEqual(['dpi']);
    const raw = await big.clone().raw().toBuffer({ resolveWithObject: true });
    const noProfile = await sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: 3 } }).withDensity(300).png().toBuffer();
    expect(await failed(noProfile)).toEqual(['icc-srgb']);
    expect(await failed(await big.clone().ensureAlpha().withIccProfile('srgb').withMetadata({ density: 300 }).png().toBuffer())).toEqual(['no-transparency']);
  });
});

describe('print jobs', () => {
  beforeEach(resetDatabase);

  it('a reprint of the same recipe is byte-identical', async () => {
    const { order } = await makePaidOrder('mug', { repeatIn: 2 });
    const [first] = await renderAll(order.id);
    await db.printFile.deleteMany({ where: { jobId: first.id } });
    await db.fulfillmentJob.update({ where: { id: first.id }, data: { status: 'QUEUED' } });
    await handleRenderJob({ jobId: first.id });
    const again = await db.printFile.findMany({ where: { jobId: first.id } });
    expect(again.map((f) => f.blobKey)).toEqual(first.files.map((f) => f.blobKey));
    // Running a finished job again changes nothing.
    await handleRenderJob({ jobId: first.id });
    expect(await db.printFile.count({ where: { jobId: first.id } })).toBe(1);
  });

  it('stops with a clear error when the regenerated art differs from what the shopper saw', async () => {
    const { order, design } = await makePaidOrder('mug');
    await db.design.update({ where: { id: design.id }, data: { previewSha256: 'f'.repeat(64) } });
    const [job] = await renderAll(order.id);
    expect(job.status).toBe('FAILED');
    expect(job.failureReason).toMatch(/does not match what the shopper saw/);
    expect(job.files).toHaveLength(0);
  });

  it('prints a repeat larger than the print area (24 in on a mug) as its top-left part', async () => {
    const { order, design } = await makePaidOrder('mug', { repeatIn: 24 });
    const [job] = await renderAll(order.id);
    expect(job.status).toBe('READY');
    expect([job.files[0].widthPx, job.files[0].heightPx]).toEqual([2760, 1110]);
    const m = await matchPreview(await getBlob(job.files[0].blobKey), await renderRecipe(design.recipe), { left: 0, top: 0, sizePx: 7200 });
    expect(m.ok).toBe(true);
  });

  it('remakes defective files of unprinted jobs once, leaves printed jobs alone, and tells the factory', async () => {
    const stale = await makePaidOrder('mug', { repeatIn: 2 });
    const printed = await makePaidOrder('phone-case', { repeatIn: 2 });
    const [staleJob] = await renderAll(stale.order.id);
    const [printedJob] = await renderAll(printed.order.id);
    // Files as the old engine left them: RGB stripes, no engine version.
    const stripes = await sharp(Buffer.alloc(2760 * 1110 * 3).map((_, i) => ((i % 3) === 0 ? 255 : 0)), { raw: { width: 2760, height: 1110, channels: 3 } }).png().toBuffer();
    const bad = await putBlob(stripes, { contentType: 'image/png' });
    await db.printFile.updateMany({ where: { jobId: { in: [staleJob.id, printedJob.id] } }, data: { blobKey: bad.key } });
    await db.fulfillmentJob.update({ where: { id: staleJob.id }, data: { printEngine: null, status: 'CLAIMED' } });
    await db.fulfillmentJob.update({ where: { id: printedJob.id }, data: { printEngine: null, status: 'PRINTED' } });

    const runs = await Promise.all([remakeOutdatedPrintFiles(), remakeOutdatedPrintFiles()]);
    expect(runs.flatMap((r) => r.remade)).toEqual([staleJob.id]); // exactly once, even when two run at once
    const after = await db.fulfillmentJob.findUniqueOrThrow({ where: { id: staleJob.id }, include: { files: true } });
    expect(after).toMatchObject({ status: 'CLAIMED', factoryNote: REMAKE_NOTE });
    expect(after.filesRemadeAt).toBeInstanceOf(Date);
    expect(after.files[0].blobKey).not.toBe(bad.key);
    expect((await matchPreview(await getBlob(after.files[0].blobKey), await renderRecipe(stale.design.recipe), { left: 0, top: 0, sizePx: 600 })).ok).toBe(true);
    const untouched = await db.fulfillmentJob.findUniqueOrThrow({ where: { id: printedJob.id }, include: { files: true } });
    expect(untouched).toMatchObject({ status: 'PRINTED', factoryNote: null });
    expect(untouched.files[0].blobKey).toBe(bad.key);
    expect(await remakeOutdatedPrintFiles()).toEqual({ remade: [], skipped: [] });
  });
});
