// The artwork job: regenerate an order item's print files from its frozen recipe.
import { canonicalJson, printTileSource, recipeSchema } from '../generation';
import { badRequest } from '../http/errors';
import { ArtworkMismatchError, PreflightError, PRINT_ENGINE_VERSION, renderPrintFiles, type PrintAreaSpec } from '../print';
import { putBlob } from '../storage';
import { enqueue, QUEUES } from '../queue';
import { refundUnfulfillableOrder } from '../orders';
import * as repo from './fulfillment-repository';
import { emitWebhook } from './outbound-webhooks';

export async function handleOrderPaid({ orderId }: { orderId: string }): Promise<void> {
  const pending = await repo.createJobsForOrder(orderId);
  for (const jobId of pending) await enqueue(QUEUES.renderPrintFiles, { jobId }, { singletonKey: `render-${jobId}` });
}

class FatalJobError extends Error {}

type RenderInput = NonNullable<Awaited<ReturnType<typeof repo.loadRenderInput>>>;

/** Renders and stores the print files of one job; the rows to save, not yet saved. */
async function makeFiles(job: RenderInput): Promise<repo.PrintFileRow[]> {
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
      recipe: JSON.parse(canonicalJson(parsed.data)),
      expectedPreviewSha256: item.design?.previewSha256 ?? null,
      repeatIn: item.repeatIn,
      productSlug: item.productSlug,
      variantLabel: item.variantLabel,
      areas,
    },
    printTileSource(),
  );
  const rows: repo.PrintFileRow[] = [];
  for (const f of files) {
    const png = await putBlob(f.png, { contentType: 'image/png' });
    const thumb = await putBlob(f.thumbnail, { contentType: 'image/jpeg' });
    const manifest = await putBlob(Buffer.from(JSON.stringify({ jobId: job.id, orderId: job.orderId, orderItemId: item.id, ...f.manifest }, null, 2)), { contentType: 'application/json' });
    rows.push({
      placement: f.placement,
      blobKey: png.key,
      manifestKey: manifest.key,
      thumbKey: thumb.key,
      engine: f.engine,
      preflight: JSON.parse(JSON.stringify(f.preflight)),
      widthPx: f.widthPx,
      heightPx: f.heightPx,
      dpi: f.dpi,
      bytes: f.png.length,
    });
  }
  return rows;
}

/** One print file from a recipe, outside any order: `npm run print`, on the job's code path. */
export async function printOneFile(o: { recipe: unknown; productSlug: string; area: PrintAreaSpec; repeatIn: number }) {
  const parsed = recipeSchema.safeParse(o.recipe);
  if (!parsed.success) throw badRequest(`the recipe is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'recipe'} ${i.message}`).join('; ')}`);
  const [file] = await renderPrintFiles(
    { recipe: JSON.parse(canonicalJson(parsed.data)), expectedPreviewSha256: null, repeatIn: o.repeatIn, productSlug: o.productSlug, variantLabel: '', areas: [o.area] },
    printTileSource(),
  );
  const m = file.manifest;
  return {
    png: file.png,
    summary: { width: file.widthPx, height: file.heightPx, dpi: file.dpi, placement: file.placement, repeatIn: o.repeatIn, sha256: file.sha256, effectiveDpi: m.effectiveDpi, engine: file.engine, preflight: file.preflight.ok },
  };
}

const isFatal = (err: unknown) => err instanceof FatalJobError || err instanceof ArtworkMismatchError || err instanceof PreflightError;

export async function handleRenderJob({ jobId }: { jobId: string }): Promise<void> {
  const job = await repo.loadRenderInput(jobId);
  if (!job || (job.status !== 'QUEUED' && job.status !== 'RENDERING')) return; // done or gone: nothing to redo
  await repo.markRendering(jobId);
  try {
    const rows = await makeFiles(job);
    if (await repo.completeJob(jobId, rows, PRINT_ENGINE_VERSION)) {
      await emitWebhook('fulfillment.job.ready', { jobId, orderId: job.orderId, files: rows.map((r) => ({ placement: r.placement, sha256: r.blobKey })) });
    }
  } catch (err) {
    const fatal = isFatal(err);
    await repo.recordJobError(jobId, (err as Error).message, fatal);
    if (fatal) {
      console.error(`[fulfillment] job ${jobId} stopped: ${(err as Error).message}`);
      await emitWebhook('fulfillment.job.failed', { jobId, orderId: job.orderId, reason: (err as Error).message });
      await refundUnfulfillableOrder(job.orderId, (err as Error).message); // never printed: the shopper gets the money back
      return; // never retried: printing the wrong art is worse than not printing
    }
    throw err; // pg-boss retries with backoff
  }
}

export const REMAKE_NOTE =
  'The print files of this job were replaced: the earlier files did not show the design (a defect in the print engine). Download the files again and print only the new ones.';

/**
 * Files made by an older print engine are remade from the recipe, for jobs not yet printed.
 * The swap is guarded by the job's status and engine version in one transaction: a job the
 * factory marks printed meanwhile keeps its files, and a second run finds nothing to do.
 */
export async function remakeOutdatedPrintFiles(): Promise<{ remade: string[]; skipped: string[] }> {
  const remade: string[] = [];
  const skipped: string[] = [];
  for (const jobId of await repo.jobsWithOutdatedFiles(PRINT_ENGINE_VERSION)) {
    const job = await repo.loadRenderInput(jobId);
    if (!job) continue;
    try {
      const rows = await makeFiles(job);
      if (await repo.replaceFiles(jobId, rows, PRINT_ENGINE_VERSION, REMAKE_NOTE)) {
        remade.push(jobId);
        await emitWebhook('fulfillment.job.files_replaced', { jobId, orderId: job.orderId, note: REMAKE_NOTE, files: rows.map((r) => ({ placement: r.placement, sha256: r.blobKey })) });
      } else skipped.push(jobId);
    } catch (err) {
      if (!isFatal(err)) throw err;
      // The recipe can no longer be printed: hold the job rather than leave the defective files on offer.
      await repo.recordJobError(jobId, `Print files could not be remade: ${(err as Error).message}`, true);
      await refundUnfulfillableOrder(job.orderId, (err as Error).message);
      skipped.push(jobId);
    }
  }
  if (remade.length) console.log(`[fulfillment] remade the print files of ${remade.length} job(s): ${remade.join(', ')}`);
  return { remade, skipped };
}
