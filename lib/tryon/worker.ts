// Queue handlers for try-on: render jobs (one per look, one at a time per worker process: the
// engine uses a core) and the expiry sweep (hourly, and once when the worker starts).
import { getBoss, QUEUES, work } from '../queue';
import { processLook, sweepExpired } from './service';

const g = globalThis as unknown as { seedprintTryonWorkers?: Promise<void> };

async function start(): Promise<void> {
  // jobs queued before looks existed name a photo whose first look kept its id
  await work<{ lookId?: string; photoId?: string }>(QUEUES.tryonRender, async (data) => {
    const id = data.lookId ?? data.photoId;
    if (id) await processLook(id);
  });
  await work(QUEUES.tryonSweep, async () => {
    const r = await sweepExpired();
    if (r.photos) console.log(`[tryon] expired: ${r.photos} photos, ${r.blobs} files deleted`);
  });
  const boss = await getBoss();
  await boss.schedule(QUEUES.tryonSweep, '17 * * * *', {}, { singletonKey: 'tryon-sweep' });
  await sweepExpired().catch((err) => console.error('[tryon] sweep on start failed', err));
}

/** Registers the try-on workers once per process (safe to call from several places). */
export function startTryonWorkers(): Promise<void> {
  return (g.seedprintTryonWorkers ??= start().catch((err) => {
    g.seedprintTryonWorkers = undefined;
    throw err;
  }));
}
