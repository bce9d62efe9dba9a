// A paid order's artwork is regenerated from its recipe, proven equal to the preview, lifted
// by the SR model and tiled at 300 DPI; the files carry their DPI and sRGB profile.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { handleOrderPaid, handleRenderJob } from '../../lib/fulfillment';
import { getBlob } from '../../lib/storage';
import { resetDatabase } from '../setup/db';
import { makePaidOrder } from './helpers';

beforeEach(resetDatabase);

async function renderAll(orderId: string) {
  await handleOrderPaid({ orderId });
  const jobs = await db.fulfillmentJob.findMany({ where: { orderId } });
  for (const j of jobs) await handleRenderJob({ jobId: j.id });
  return db.fulfillmentJob.findMany({ where: { orderId }, include: { files: { orderBy: { placement: 'asc' } } } });
}

describe('print artwork', () => {
  it('makes tee front and back at 300 DPI with bleed, sRGB ICC and the recipe in the manifest', async () => {
    const { order, design } = await makePaidOrder('tee', { repeatIn: 4 });
    const [job] = await renderAll(order.id);
    expect(job.status).toBe('READY');
    expect(job.files.map((f) => f.placement)).toEqual(['back', 'front']);
    const front = job.files.find((f) => f.placement === 'front')!;
    // 12 × 16 in + 0.125 in bleed on each side, at 300 DPI.
    expect([front.widthPx, front.heightPx, front.dpi]).toEqual([3675, 4875, 300]);
    const png = await getBlob(front.blobKey);
    expect(createHash('sha256').update(png).digest('hex')).toBe(front.blobKey);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([3675, 4875]);
    expect(meta.density).toBe(300);
    expect(meta.icc).toBeDefined();
    expect(meta.icc!.subarray(0, 200).toString('latin1')).toMatch(/sRGB|RGB/);
    const manifest = JSON.parse((await getBlob(front.manifestKey)).toString('utf8'));
    expect(manifest.recipe.prompt).toBe(design.recipe.prompt);
    expect(manifest.previewSha256).toBe(design.previewSha256);
    expect(manifest.repeatPx).toBe(1200);
    expect(manifest.sha256).toBe(front.blobKey);
    // Running the job again (a retry after success) changes nothing.
    await handleRenderJob({ jobId: job.id });
    expect(await db.printFile.count({ where: { jobId: job.id } })).toBe(2);
  });

  it('prints the same bytes when the recipe is rendered again (a reprint is identical)', async () => {
    const { order } = await makePaidOrder('mug', { repeatIn: 2 });
    const [first] = await renderAll(order.id);
    await db.printFile.deleteMany({ where: { jobId: first.id } });
    await db.fulfillmentJob.update({ where: { id: first.id }, data: { status: 'QUEUED' } });
    await handleRenderJob({ jobId: first.id });
    const again = await db.printFile.findMany({ where: { jobId: first.id } });
    expect(again.map((f) => f.blobKey)).toEqual(first.files.map((f) => f.blobKey));
    expect([first.files[0].widthPx, first.files[0].heightPx]).toEqual([Math.round(9.2 * 300), Math.round(3.7 * 300)]);
  });

  it('stops with a clear error when the regenerated art differs from what the shopper saw', async () => {
    const { order, design } = await makePaidOrder('mug');
    await db.design.update({ where: { id: design.id }, data: { previewSha256: 'f'.repeat(64) } });
    const [job] = await renderAll(order.id);
    expect(job.status).toBe('FAILED');
    expect(job.failureReason).toMatch(/does not match what the shopper saw/);
    expect(job.files).toHaveLength(0);
  });
});

describe('print artwork edge cases', () => {
  it('prints a repeat larger than the print area (24 in repeat on a mug)', async () => {
    await resetDatabase();
    const { order } = await makePaidOrder('mug', { repeatIn: 24 });
    const [job] = await renderAll(order.id);
    expect(job.status).toBe('READY');
    expect([job.files[0].widthPx, job.files[0].heightPx]).toEqual([2760, 1110]);
  });
});
