// `npm run worker` on SIGTERM: takes no new job, finishes the one it is rendering, exits 0; its
// JSON log lines carry the request id of the request that sent the order's first job.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { withRequestId } from '../../lib/observability';
import { enqueue, QUEUES, stopBoss } from '../../lib/queue';
import { hasBlob } from '../../lib/storage';
import { makePaidOrder } from '../fulfillment/helpers';
import { resetDatabase } from '../setup/db';
import { freePort } from '../setup/free-port';
import { parseExposition } from './support/exposition';

const root = path.resolve(import.meta.dirname, '../..');
let kill: (() => void) | undefined;

afterEach(async () => {
  kill?.();
  await stopBoss();
});

async function until<T>(fn: () => Promise<T | null | false>, what: string, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function bossJobState(id: string): Promise<string> {
  const rows = await db.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM pgboss.job WHERE id = ${id}::uuid`;
  return rows[0]?.state ?? 'missing';
}

describe('worker graceful shutdown', () => {
  it('on SIGTERM stops taking jobs, finishes the current print render and exits 0', async () => {
    await resetDatabase();
    const first = await makePaidOrder('tee', { repeatIn: 2 });
    const second = await makePaidOrder('mug', { repeatIn: 2 });
    // The order's first job is sent while the payment request is handled: it carries that request's id.
    await withRequestId('order-req-abc', () => enqueue(QUEUES.orderPaid, { orderId: first.order.id }));

    const metricsPort = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'info', WORKER_METRICS_PORT: String(metricsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    kill = () => child.exitCode === null && child.kill('SIGKILL');
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => process.stderr.write(`[worker] ${d}`));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

    const job = await until(() => db.fulfillmentJob.findFirst({ where: { orderId: first.order.id, status: 'RENDERING' } }), 'the render to start');
    // The worker's own /metrics (loopback, test mode): the render it is running, the order job it finished.
    const fams = parseExposition(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text());
    const depth = (queue: string, state: string) => fams.get('seedprint_job_queue_jobs')?.samples.find((x) => x.labels.queue === queue && x.labels.state === state)?.value;
    expect(depth('fulfillment-render', 'active')).toBe(1);
    expect(depth('order-paid', 'active')).toBe(0);
    const orderPaid = fams.get('seedprint_job_duration_seconds')?.samples.find((x) => x.name.endsWith('_count') && x.labels.queue === 'order-paid' && x.labels.outcome === 'done');
    expect(orderPaid?.value).toBe(1);
    expect(fams.get('process_resident_memory_bytes')?.samples[0].value).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const stoppedAt = Date.now();
    await until(async () => out.includes('worker stopping'), 'the worker to stop taking jobs', 5_000);
    // Sent after the signal: this worker must leave it to another.
    const later = await enqueue(QUEUES.orderPaid, { orderId: second.order.id });

    expect(await exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000); // pg-boss's graceful timeout is 10 s

    const done = await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id }, include: { files: true } });
    expect(done.status).toBe('READY');
    expect(done.files.map((f) => f.placement).sort()).toEqual(['back', 'front']);
    for (const f of done.files) expect(await hasBlob(f.blobKey)).toBe(true);
    expect(await bossJobState(later!)).toBe('created');
    expect(await db.fulfillmentJob.count({ where: { orderId: second.order.id } })).toBe(0);

    const lines = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const render = lines.filter((l) => l.queue === 'fulfillment-render');
    expect(render.map((l) => l.msg)).toEqual(['job started', 'job done']);
    for (const l of [...render, ...lines.filter((l) => l.queue === 'order-paid')]) expect(l.requestId).toBe('order-req-abc');
    const msgs = lines.map((l) => l.msg);
    expect(msgs.indexOf('worker stopping')).toBeLessThan(msgs.lastIndexOf('job done'));
    expect(msgs.at(-1)).toBe('worker stopped');
  }, 180_000);
});
