// A worker killed half-way through a render: after a restart the job completes exactly once,
// with no duplicate or half-written file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { enqueue, QUEUES, stopBoss } from '../../lib/queue';
import sharp from 'sharp';
import { handleOrderPaid, handleRenderJob, REMAKE_NOTE } from '../../lib/fulfillment';
import { renderRecipe } from '../../lib/generation';
import { matchPreview, PRINT_ENGINE_VERSION } from '../../lib/print';
import { getBlob, hasBlob, putBlob } from '../../lib/storage';
import { resetDatabase } from '../setup/db';
import { startWorker, stopWorkers, until } from '../setup/worker-process';
import { makePaidOrder } from './helpers';

// The shipped expiry and maintenance settings: a killed render must be finished within a minute.
delete process.env.QUEUE_EXPIRE_SECONDS;
delete process.env.QUEUE_MAINTENANCE_SECONDS;

afterEach(async () => {
  await stopWorkers();
  await stopBoss();
});

describe('fulfillment worker', () => {
  it('completes a job exactly once after its worker is killed mid-render', async () => {
    await resetDatabase();
    const { order } = await makePaidOrder('tee', { repeatIn: 2 });
    await enqueue(QUEUES.orderPaid, { orderId: order.id });
    const first = startWorker();
    const job = await until(() => db.fulfillmentJob.findFirst({ where: { orderId: order.id, status: 'RENDERING' } }), 'the render to start');
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await first.exited;
    expect((await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('RENDERING');
    expect(await db.printFile.count({ where: { jobId: job.id } })).toBe(0);

    startWorker();
    // Retried within a minute of the kill (how long the render itself then takes depends on the machine).
    await until(async () => ((await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id } })).attempts >= 2 ? true : null), 'the job to be retried', 90_000, 250);
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    const done = await until(async () => {
      const j = await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id }, include: { files: true } });
      return j.status === 'READY' ? j : null;
    }, 'the retried render to finish');
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(done.files.map((f) => f.placement).sort()).toEqual(['back', 'front']);
    for (const f of done.files) expect(await hasBlob(f.blobKey)).toBe(true);
    // No stray temp files from the killed write.
    const blobDir = path.join(process.env.DATA_DIR!, 'blobs');
    const stray = fs.existsSync(blobDir) ? fs.readdirSync(blobDir, { recursive: true }).map(String).filter((p) => /\.tmp|\.part/.test(p)) : [];
    expect(stray).toEqual([]);
    expect(await db.fulfillmentJob.count({ where: { orderId: order.id } })).toBe(1);
  }, 180_000);

  it('remakes print files an older engine made when a worker starts, once', async () => {
    await resetDatabase();
    const { order, design } = await makePaidOrder('mug', { repeatIn: 2 });
    await handleOrderPaid({ orderId: order.id });
    const job = await db.fulfillmentJob.findFirstOrThrow({ where: { orderId: order.id } });
    await handleRenderJob({ jobId: job.id });
    const stripes = await sharp(Buffer.alloc(2760 * 1110 * 3).map((_, i) => (i % 3 === 1 ? 255 : 0)), { raw: { width: 2760, height: 1110, channels: 3 } }).png().toBuffer();
    const bad = await putBlob(stripes, { contentType: 'image/png' });
    await db.printFile.updateMany({ where: { jobId: job.id }, data: { blobKey: bad.key } });
    await db.fulfillmentJob.update({ where: { id: job.id }, data: { printEngine: null } });
    startWorker();
    const remade = await until(async () => {
      const j = await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id }, include: { files: true } });
      return j.printEngine === PRINT_ENGINE_VERSION ? j : null;
    }, 'the worker to remake the files');
    expect(remade.factoryNote).toBe(REMAKE_NOTE);
    expect(remade.status).toBe('READY');
    const png = await getBlob(remade.files[0].blobKey);
    expect((await matchPreview(png, await renderRecipe(design.recipe), { left: 0, top: 0, sizePx: 600 })).ok).toBe(true);
  }, 180_000);
});
