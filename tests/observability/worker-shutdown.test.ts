// `npm run worker` on SIGTERM: takes no new job, lets the current print render finish within
// WORKER_STOP_GRACE_S or hands it back to the queue for another worker, exits 0. Its JSON log
// lines carry the request id of the request that sent the order's first job, and it serves its
// own /metrics.
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { withRequestId } from '../../lib/observability';
import { enqueue, QUEUES, stopBoss } from '../../lib/queue';
import { hasBlob } from '../../lib/storage';
import { makePaidOrder } from '../fulfillment/helpers';
import { resetDatabase } from '../setup/db';
import { freePort } from '../setup/free-port';
import { startWorker as startWorkerProcess, stopWorkers, until } from '../setup/worker-process';
import { parseExposition } from './support/exposition';

// The shipped expiry and maintenance settings.
delete process.env.QUEUE_EXPIRE_SECONDS;
delete process.env.QUEUE_MAINTENANCE_SECONDS;

afterEach(async () => {
  await stopWorkers();
  await stopBoss();
});

// Info-level JSON log lines: the test reads the worker's own account of what it did.
const startWorker = (env: Record<string, string>) => startWorkerProcess({ LOG_LEVEL: 'info', ...env });

async function bossJobs(queue: string, key: string, value: string): Promise<{ id: string; state: string }[]> {
  return db.$queryRaw`SELECT id::text AS id, state::text AS state FROM pgboss.job WHERE name = ${queue} AND data->>${key} = ${value}`;
}

const filesOf = (jobId: string) => db.fulfillmentJob.findUniqueOrThrow({ where: { id: jobId }, include: { files: true } });

describe('worker graceful shutdown', () => {
  it('on SIGTERM stops taking jobs, finishes the current print render and exits 0', async () => {
    await resetDatabase();
    const first = await makePaidOrder('tee', { repeatIn: 2 });
    const second = await makePaidOrder('mug', { repeatIn: 2 });
    // The order's first job is sent while the payment request is handled: it carries that request's id.
    await withRequestId('order-req-abc', () => enqueue(QUEUES.orderPaid, { orderId: first.order.id }));

    const metricsPort = await freePort();
    const w = startWorker({ WORKER_METRICS_PORT: String(metricsPort), WORKER_STOP_GRACE_S: '120' });
    const job = await until(() => db.fulfillmentJob.findFirst({ where: { orderId: first.order.id, status: 'RENDERING' } }), 'the render to start');
    // The worker's own /metrics (loopback, test mode): the render it is running, the order job it finished.
    const fams = parseExposition(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text());
    const depth = (queue: string, state: string) => fams.get('seedprint_job_queue_jobs')?.samples.find((x) => x.labels.queue === queue && x.labels.state === state)?.value;
    expect(depth('fulfillment-render', 'active')).toBe(1);
    expect(depth('order-paid', 'active')).toBe(0);
    const orderPaid = fams.get('seedprint_job_duration_seconds')?.samples.find((x) => x.name.endsWith('_count') && x.labels.queue === 'order-paid' && x.labels.outcome === 'done');
    expect(orderPaid?.value).toBe(1);
    expect(fams.get('process_resident_memory_bytes')?.samples[0].value).toBeGreaterThan(0);

    w.child.kill('SIGTERM');
    await until(async () => w.out().includes('worker stopping'), 'the worker to stop taking jobs', 5_000);
    // Sent after the signal: this worker must leave it to another.
    const later = await enqueue(QUEUES.orderPaid, { orderId: second.order.id });

    expect(await w.exited).toBe(0);
    const done = await filesOf(job.id);
    expect(done.status).toBe('READY');
    expect(done.files.map((f) => f.placement).sort()).toEqual(['back', 'front']);
    for (const f of done.files) expect(await hasBlob(f.blobKey)).toBe(true);
    expect((await bossJobs('order-paid', 'orderId', second.order.id)).find((j) => j.id === later)?.state).toBe('created');
    expect(await db.fulfillmentJob.count({ where: { orderId: second.order.id } })).toBe(0);

    const lines = w.lines();
    const render = lines.filter((l) => l.queue === 'fulfillment-render');
    expect(render.map((l) => l.msg)).toEqual(['job started', 'job done']);
    for (const l of [...render, ...lines.filter((l) => l.queue === 'order-paid')]) expect(l.requestId).toBe('order-req-abc');
    const msgs = lines.map((l) => l.msg);
    expect(msgs.indexOf('worker stopping')).toBeLessThan(msgs.lastIndexOf('job done'));
    expect(msgs.at(-1)).toBe('worker stopped');
  }, 180_000);

  it('hands a render still running after the grace back to the queue; another worker finishes it once', async () => {
    await resetDatabase();
    const { order } = await makePaidOrder('tee', { repeatIn: 2 });
    await enqueue(QUEUES.orderPaid, { orderId: order.id });
    const w = startWorker({ WORKER_STOP_GRACE_S: '1' });
    const job = await until(() => db.fulfillmentJob.findFirst({ where: { orderId: order.id, status: 'RENDERING' } }), 'the render to start');
    w.child.kill('SIGTERM');
    const stoppedAt = Date.now();
    // Handed back after 1 s; the process leaves once the render's native code has returned
    // (leaving under it would abort), well within one more grace period plus the render.
    expect(await w.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(60_000);
    const msgs = w.lines().map((l) => l.msg);
    expect(msgs).toContain('a job handed back to the queue is still running here; waiting for it before exiting');
    expect(msgs.at(-1)).toBe('worker stopped');
    const [render] = await bossJobs('fulfillment-render', 'jobId', job.id);
    expect(render.state).toBe('retry'); // back in the queue, not lost
    const second = startWorker({});
    const done = await until(async () => {
      const j = await filesOf(job.id);
      return j.status === 'READY' ? j : null;
    }, 'another worker to finish the render');
    expect(done.files.map((f) => f.placement).sort()).toEqual(['back', 'front']);
    expect(await db.fulfillmentJob.count({ where: { orderId: order.id } })).toBe(1);
    await until(async () => (await bossJobs('fulfillment-render', 'jobId', job.id))[0].state === 'completed', 'the retried job to complete');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
