// A worker killed half-way through a render: after a restart the job completes exactly once,
// with no duplicate or half-written file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { enqueue, QUEUES, stopBoss } from '../../lib/queue';
import { hasBlob } from '../../lib/storage';
import { resetDatabase } from '../setup/db';
import { makePaidOrder } from './helpers';

// Short expiry so the dead worker's job comes back within the test (read when the queue is created).
process.env.QUEUE_EXPIRE_SECONDS = '4';
process.env.QUEUE_MAINTENANCE_SECONDS = '1';
const root = path.resolve(import.meta.dirname, '../..');
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: root,
    env: { ...process.env, QUEUE_EXPIRE_SECONDS: '4', QUEUE_MAINTENANCE_SECONDS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d) => process.stderr.write(`[worker ${child.pid}] ${d}`));
  workers.push(child);
  return child;
}

async function until<T>(fn: () => Promise<T | null | false>, what: string, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterEach(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await stopBoss();
});

describe('fulfillment worker', () => {
  it('completes a job exactly once after its worker is killed mid-render', async () => {
    await resetDatabase();
    const { order } = await makePaidOrder('tee', { repeatIn: 2 });
    await enqueue(QUEUES.orderPaid, { orderId: order.id });
    const first = startWorker();
    const job = await until(() => db.fulfillmentJob.findFirst({ where: { orderId: order.id, status: 'RENDERING' } }), 'the render to start');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect((await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('RENDERING');
    expect(await db.printFile.count({ where: { jobId: job.id } })).toBe(0);

    startWorker();
    const done = await until(async () => {
      const j = await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id }, include: { files: true } });
      return j.status === 'READY' ? j : null;
    }, 'the job to be retried and finish');
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(done.files.map((f) => f.placement).sort()).toEqual(['back', 'front']);
    for (const f of done.files) expect(await hasBlob(f.blobKey)).toBe(true);
    // No stray temp files from the killed write.
    const blobDir = path.join(process.env.DATA_DIR!, 'blobs');
    const stray = fs.existsSync(blobDir) ? fs.readdirSync(blobDir, { recursive: true }).map(String).filter((p) => /\.tmp|\.part/.test(p)) : [];
    expect(stray).toEqual([]);
    expect(await db.fulfillmentJob.count({ where: { orderId: order.id } })).toBe(1);
  }, 180_000);
});
