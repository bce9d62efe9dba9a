// The artwork job: regenerate an order item's print files from its frozen recipe.
import { recipeSchema } from '../generation/recipe';
import { ArtworkMismatchError, renderPrintFiles } from '../print';
import { putBlob } from '../storage';
import { enqueue, QUEUES } from '../queue';
import * as repo from './fulfillment-repository';
import { emitWebhook } from './outbound-webhooks';
import { tileSource } from './tile-source';

export async function handleOrderPaid({ orderId }: { orderId: string }): Promise<void> {
  const pending = await repo.createJobsForOrder(orderId);
  for (const jobId of pending) await enqueue(QUEUES.renderPrintFiles, { jobId }, { singletonKey: `render-${jobId}` });
}

class FatalJobError extends Error {}

export async function handleRenderJob({ jobId }: { jobId: string }): Promise<void> {
  const job = await repo.loadRenderInput(jobId);
  if (!job || (job.status !== 'QUEUED' && job.status !== 'RENDERING')) return; // done or gone: nothing to redo
  await repo.markRendering(jobId);
  try {
    const item = job.orderItem;
    const parsed = recipeSchema.safeParse(item.recipe);
    if (!parsed.success) throw new FatalJobError('This order item has no valid design recipe.');
    const product = item.variant?.product;
    if (!product) throw new FatalJobError('The product of this order item no longer exists.');
    // Sized products (posters) print only the area named after the size; others print every area.
    const sized = product.printAreas.filter((a) => a.name === item.variant?.size);
    const areas = sized.length ? sized : product.printAreas;
    const files = await renderPrintFiles(
      {
        recipe: parsed.data,
        expectedPreviewSha256: item.design?.previewSha256 ?? null,
        repeatIn: item.repeatIn,
        productSlug: item.productSlug,
        variantLabel: item.variantLabel,
        areas,
      },
      await tileSource(),
    );
    const rows = [];
    for (const f of files) {
      const png = await putBlob(f.png, { contentType: 'image/png' });
      const manifest = await putBlob(Buffer.from(JSON.stringify({ jobId, orderId: job.orderId, orderItemId: item.id, ...f.manifest }, null, 2)), { contentType: 'application/json' });
      rows.push({ placement: f.placement, blobKey: png.key, manifestKey: manifest.key, widthPx: f.widthPx, heightPx: f.heightPx, dpi: f.dpi, bytes: f.png.length });
    }
    if (await repo.completeJob(jobId, rows)) {
      await emitWebhook('fulfillment.job.ready', { jobId, orderId: job.orderId, files: rows.map((r) => ({ placement: r.placement, sha256: r.blobKey })) });
    }
  } catch (err) {
    const fatal = err instanceof FatalJobError || err instanceof ArtworkMismatchError;
    await repo.recordJobError(jobId, (err as Error).message, fatal);
    if (fatal) {
      console.error(`[fulfillment] job ${jobId} stopped: ${(err as Error).message}`);
      await emitWebhook('fulfillment.job.failed', { jobId, orderId: job.orderId, reason: (err as Error).message });
      return; // never retried: printing the wrong art is worse than not printing
    }
    throw err; // pg-boss retries with backoff
  }
}
