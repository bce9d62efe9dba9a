// The durable job queue: pg-boss on the store's own PostgreSQL. Jobs can be sent inside a
// Prisma transaction (the job exists only if the transaction commits), and a job whose worker
// died is retried after it expires.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import PgBoss from 'pg-boss';
import type { Prisma } from '../db/client';
import { currentRequestId, logger, metrics, withRequestId } from '../observability';
import { HEARTBEAT_SQL } from './heartbeat-sql.mjs';
import { databaseUrl, env } from '../env';

export const QUEUES = {
  orderPaid: 'order-paid',
  renderPrintFiles: 'fulfillment-render',
  deliverWebhook: 'webhook-deliver',
  listingPhotos: 'listing-photos',
  campaignSettle: 'campaign-settle',
  campaignSweep: 'campaign-sweep',
  tryonRender: 'tryon-render',
  tryonSweep: 'tryon-sweep',
  orderRefund: 'order-refund',
  printRemake: 'print-remake',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

// Read when queues are created (and applied to queues made by an older version). A print
// render's worker heartbeats (see heartbeatSeconds), so its job's expiry is only the limit of a
// render that hangs: pg-boss fails a handler running longer than its job's expiry, in the worker
// itself, and hands the job to the next fetch.
const PRINT_RENDER_LIMIT_S = 30 * 60;

const queueOptions = (): Record<QueueName, Omit<PgBoss.Queue, 'name'>> => ({
  'order-paid': { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  'fulfillment-render': { retryLimit: 6, retryDelay: 1, retryBackoff: true, expireInSeconds: PRINT_RENDER_LIMIT_S },
  // Webhook retries are scheduled by the delivery code (1, 4, 16, 64 minutes), not by pg-boss.
  'webhook-deliver': { retryLimit: 0, expireInSeconds: 120 },
  // Seller listings: product photography, rendered after a listing is created or changed.
  'listing-photos': { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  // Campaigns: capture or cancel every authorisation (idempotent; one run per campaign at a time).
  'campaign-settle': { policy: 'stately', retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  'campaign-sweep': { policy: 'stately', retryLimit: 0, expireInSeconds: 60 },
  // Try-on: one job per shopper photo; the handler records a bad photo's reason itself.
  'tryon-render': { retryLimit: 1, retryDelay: 5, expireInSeconds: 300 },
  // Try-on: deletes expired photos and renders (hourly, and when the worker starts).
  'tryon-sweep': { policy: 'stately', retryLimit: 0, expireInSeconds: 300 },
  // Orders that cannot be fulfilled: refund what cannot be printed (idempotent; one run per
  // order at a time, a request arriving meanwhile waits as the one queued job).
  'order-refund': { policy: 'stately', retryLimit: 20, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  // Print files made by an older print engine, remade for unprinted jobs (sent when a worker starts).
  'print-remake': { policy: 'stately', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 1800 },
});

/**
 * Queues whose jobs heartbeat while their handler runs: the job counts as dead, and is retried,
 * once its worker has been silent this long (not once it has run this long). A long print render
 * on a busy machine keeps its job; a killed worker's render is back within this plus maintenance
 * (35 + 10 s). Should a job be expired anyway, it still completes once (guarded by its status)
 * and its files are content-addressed.
 */
const heartbeatSeconds = (): Partial<Record<QueueName, number>> => ({ 'fulfillment-render': env().QUEUE_EXPIRE_SECONDS });

const g = globalThis as unknown as { seedprintBoss?: Promise<PgBoss> };

async function create(): Promise<PgBoss> {
  const url = databaseUrl();
  if (!url) throw new Error('DATABASE_URL is not set');
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    // Maintenance (expiring dead jobs) runs often so a crashed worker's job comes back quickly.
    maintenanceIntervalSeconds: env().QUEUE_MAINTENANCE_SECONDS,
  });
  boss.on('error', (err) => console.error('[queue]', err.message));
  await boss.start();
  await setUpQueues(boss);
  return boss;
}

/**
 * Creates the store's queues, or updates their options. Several processes starting at once on a
 * fresh database (two workers of a first deploy) race in pg-boss's create_queue: the loser gets a
 * deadlock or a duplicate key while the other creates the queue, so it looks again.
 */
export async function setUpQueues(boss: PgBoss): Promise<void> {
  for (const [name, options] of Object.entries(queueOptions())) {
    for (let attempt = 1; ; attempt++) {
      try {
        const queue = await boss.getQueue(name);
        if (!queue) await boss.createQueue(name, { name, ...options });
        else if ((['retryLimit', 'retryDelay', 'retryBackoff', 'expireInSeconds'] as const).some((k) => options[k] !== undefined && queue[k] !== options[k])) {
          await boss.updateQueue(name, { name, ...options });
        }
        break;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
      }
    }
  }
}

export function getBoss(): Promise<PgBoss> {
  return (g.seedprintBoss ??= create().catch((err) => {
    g.seedprintBoss = undefined;
    throw err;
  }));
}

/** Stops taking jobs; the ones running get `graceMs` to finish, then are failed back to the queue (retried elsewhere). */
export async function stopBoss(graceMs = 10_000): Promise<void> {
  const b = g.seedprintBoss;
  g.seedprintBoss = undefined;
  // Heartbeats go on through the grace: a job finishing in it is still this worker's.
  if (b) await (await b).stop({ graceful: true, wait: true, timeout: graceMs });
  stopHeartbeats();
}

/** Lets pg-boss write its job row through a Prisma transaction. */
function txDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  } as PgBoss.Db;
}

/** Job data carries the request id of the request (or job) that sent it, for the logs of its work. */
export type Traced = { requestId?: string };

export async function enqueue(name: QueueName, data: object, opts: PgBoss.SendOptions = {}, tx?: Prisma.TransactionClient): Promise<string | null> {
  const boss = await getBoss();
  const requestId = currentRequestId();
  const traced = requestId && !('requestId' in data) ? { ...data, requestId } : data;
  return boss.send(name, traced, { ...opts, ...(tx ? { db: txDb(tx) } : {}) });
}

// Handlers running in this process. One still running when pg-boss stops is failed back to the
// queue, but its code goes on (a render inside native code cannot be interrupted), so a process
// exits only once these settle: exiting under a native render aborts the process.
const inFlight = new Set<Promise<unknown>>();

/** Waits up to `ms` for the handlers still running; true when none is left. */
export async function settleJobs(ms: number): Promise<boolean> {
  const all = Promise.allSettled([...inFlight]).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([all, late]);
  } finally {
    clearTimeout(timer);
  }
}

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

type Beating = { name: QueueName; id: string; retryCount: number; seconds: number; log: ReturnType<typeof logger> };
/** Jobs heartbeating in this process, by `name:id:retryCount`. */
const beating = new Map<string, Beating>();
const HEARTBEAT_WORKER = 'lib/queue/heartbeat-worker.mjs';
let heartbeatThread: Worker | undefined;

/** The one thread that beats for every job running here, started with the first (again if it died). */
function heartbeatWorker(): Worker {
  if (heartbeatThread) return heartbeatThread;
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), HEARTBEAT_WORKER);
  // Plain JavaScript: none of this process's loader flags (tsx, --input-type) apply to it.
  const thread = new Worker(file, { execArgv: [], workerData: { connectionString: databaseUrl() } });
  thread.unref();
  heartbeatThread = thread;
  thread.on('message', (m: { gone?: string; error?: string }) => {
    const job = m.gone ? beating.get(m.gone) : undefined;
    if (m.gone && job) {
      beating.delete(m.gone);
      job.log.warn('job no longer active here (expired or handed back): another worker may run it, and it completes once');
    }
    if (m.error) for (const j of beating.values()) j.log.warn({ err: m.error }, 'job heartbeat failed; trying again');
  });
  thread.on('error', (err) => logger().warn({ err: err.message }, 'job heartbeat thread failed'));
  thread.on('exit', () => {
    if (heartbeatThread !== thread) return;
    heartbeatThread = undefined;
    // A thread that died with jobs still running here: a new one takes them over.
    if (beating.size) for (const [key, job] of beating) heartbeatWorker().postMessage({ add: { key, name: job.name, id: job.id, retryCount: job.retryCount, seconds: job.seconds } });
  });
  return thread;
}

/**
 * Keeps one attempt of an active job alive while its handler runs here, once its first beat is
 * written: every third of `seconds` its deadline becomes now + `seconds`. The beats come from
 * heartbeat-worker.mjs, so a render keeping this thread busy cannot starve them. The attempt is
 * named by its retry count, so a job expired or handed back meanwhile (perhaps started by another
 * worker) is left alone. Returns the function that stops it.
 */
function startHeartbeat(name: QueueName, job: { id: string; retryCount: number }, seconds: number, log: ReturnType<typeof logger>): () => void {
  const key = `${name}:${job.id}:${job.retryCount}`;
  beating.set(key, { name, id: job.id, retryCount: job.retryCount, seconds, log });
  heartbeatWorker().postMessage({ add: { key, name, id: job.id, retryCount: job.retryCount, seconds } });
  return () => {
    if (beating.delete(key)) heartbeatThread?.postMessage({ remove: key });
  };
}

function stopHeartbeats() {
  beating.clear();
  const thread = heartbeatThread;
  heartbeatThread = undefined;
  void thread?.terminate();
}

/** Runs `handler` for each job of `name`, one at a time per worker. */
export async function work<T extends object>(name: QueueName, handler: JobHandler<T>, opts: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const boss = await getBoss();
  const heartbeat = heartbeatSeconds()[name];
  await boss.work<T>(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async (jobs) => {
    for (const job of jobs) {
      // The job runs under the request id it was sent with, so its log lines (and the jobs it
      // sends) carry the id of the shopper's request that started the chain.
      const requestId = (job.data as Traced).requestId ?? `job-${job.id}`;
      const run = withRequestId(requestId, async () => {
        const t0 = performance.now();
        const log = logger().child({ queue: name, jobId: job.id, attempt: job.retryCount + 1 });
        const took = (outcome: 'done' | 'failed') => {
          const ms = performance.now() - t0;
          metrics().jobDuration.observe({ queue: name, outcome }, ms / 1000);
          return Math.round(ms);
        };
        // The first beat before anything else: a worker that dies from here on has its job back
        // within the heartbeat's expiry (the queue's own expiry is only the limit of a hung render).
        if (heartbeat) await boss.getDb().executeSql(HEARTBEAT_SQL, [name, job.id, job.retryCount, heartbeat]);
        log.info('job started');
        const stopHeartbeat = heartbeat ? startHeartbeat(name, job, heartbeat, log) : undefined;
        try {
          await handler(job.data, { id: job.id, retryCount: job.retryCount });
          log.info({ ms: took('done') }, 'job done');
        } catch (err) {
          log.warn({ ms: took('failed'), err: (err as Error)?.message }, 'job failed');
          throw err;
        } finally {
          stopHeartbeat?.();
        }
      });
      inFlight.add(run);
      try {
        await run;
      } finally {
        inFlight.delete(run);
      }
    }
  });
}

export { queueDepth, type QueueDepthRow } from './depth-repository';
