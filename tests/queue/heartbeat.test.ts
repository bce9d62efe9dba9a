// Print renders heartbeat: a job whose handler runs well past QUEUE_EXPIRE_SECONDS keeps its job
// and runs once, and a worker that dies after heartbeating still has its job retried within that
// expiry plus maintenance. Short settings (3 s, maintenance every 1 s) stand for the shipped 35/10 s.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { enqueue, QUEUES, stopBoss, work } from '../../lib/queue';
import { resetDatabase } from '../setup/db';
import { until } from '../setup/worker-process';

process.env.QUEUE_EXPIRE_SECONDS = '3';
process.env.QUEUE_MAINTENANCE_SECONDS = '1';
const root = path.resolve(import.meta.dirname, '../..');
const queue = QUEUES.renderPrintFiles;

afterEach(async () => {
  await stopBoss();
});

type Row = { state: string; retry_count: number; left_s: number };
/** The job's pg-boss state and the seconds left before it would count as dead. */
async function bossJob(id: string): Promise<Row | undefined> {
  const rows = await db.$queryRaw<Row[]>`SELECT state::text AS state, retry_count, EXTRACT(epoch FROM started_on + expire_in - now())::float8 AS left_s FROM pgboss.job WHERE name = ${queue} AND id = ${id}::uuid`;
  return rows[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Enqueues a print job and runs it with a handler that takes `ms`; the attempts seen and the deadlines sampled meanwhile. */
async function runLongJob(ms: number) {
  const attempts: number[] = [];
  const left: number[] = [];
  const id = (await enqueue(queue, { jobId: `long-${ms}` }))!;
  await work<{ jobId: string }>(
    queue,
    async (_data, job) => {
      attempts.push(job.retryCount);
      const end = Date.now() + ms;
      while (Date.now() < end) {
        left.push((await bossJob(id))?.left_s ?? NaN);
        await sleep(250);
      }
    },
  );
  return { id, attempts, left };
}

describe('print job heartbeat', () => {
  it('a handler running three times its expiry keeps its job and runs once', async () => {
    await resetDatabase();
    const { id, attempts, left } = await runLongJob(10_000);
    const done = await until(async () => ((await bossJob(id))?.state === 'completed' ? bossJob(id) : null), 'the job to complete', 60_000);
    expect(attempts).toEqual([0]);
    expect(done!.retry_count).toBe(0);
    // Always alive, and never more than one expiry away from counting as dead.
    expect(left.length).toBeGreaterThan(10);
    expect(Math.min(...left)).toBeGreaterThan(0);
    expect(Math.max(...left)).toBeLessThanOrEqual(3.1);
    // Give the maintenance a few more rounds: nothing runs it again.
    await sleep(3_000);
    expect(attempts).toEqual([0]);
  }, 90_000);

  it('jobs running at once in one process share one heartbeat connection, and each keeps its job', async () => {
    await resetDatabase();
    const ids = [(await enqueue(queue, { jobId: 'a' }))!, (await enqueue(queue, { jobId: 'b' }))!];
    const running = new Set<string>();
    const connections: number[] = [];
    const left: number[] = [];
    const handler = async (_data: { jobId: string }, job: { id: string }) => {
      running.add(job.id);
      const end = Date.now() + 7_000;
      while (Date.now() < end) {
        if (running.size === 2) {
          const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'seedprint-heartbeat'`;
          connections.push(n);
          left.push((await bossJob(job.id))?.left_s ?? NaN);
        }
        await sleep(250);
      }
    };
    // Two pollers: both jobs run in this process at the same time.
    await work<{ jobId: string }>(queue, handler);
    await work<{ jobId: string }>(queue, handler);
    for (const id of ids) await until(async () => (await bossJob(id))?.state === 'completed', 'both jobs to complete', 60_000);
    expect(running.size).toBe(2);
    expect(connections.length).toBeGreaterThan(10);
    expect(Math.max(...connections)).toBe(1);
    expect(Math.min(...left)).toBeGreaterThan(0);
    for (const id of ids) expect((await bossJob(id))!.retry_count).toBe(0);
  }, 90_000);

  it('a worker killed after heartbeating past the expiry has its job retried within expiry plus maintenance', async () => {
    await resetDatabase();
    const id = (await enqueue(queue, { jobId: 'killed' }))!;
    // A worker process whose render never ends, heartbeating like the print worker.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `import { work, QUEUES } from './lib/queue/index.ts'; await work(QUEUES.renderPrintFiles, () => new Promise(() => {})); console.log('working');`],
      { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await until(async () => (await bossJob(id))?.state === 'active', 'the worker to take the job', 60_000);
      await sleep(8_000); // well past its expiry: heartbeats keep it
      const alive = await bossJob(id);
      expect(alive).toMatchObject({ state: 'active', retry_count: 0 });
      expect(alive!.left_s).toBeGreaterThan(0);
      expect(alive!.left_s).toBeLessThanOrEqual(3.1);
    } finally {
      child.kill('SIGKILL');
    }
    await exited;
    const killedAt = Date.now();
    await until(async () => (await bossJob(id))?.state === 'retry', 'the job to be handed back', 30_000, 100);
    // Dead once its last deadline (at most 3 s away) passed, found by the next maintenance (1 s).
    expect(Date.now() - killedAt).toBeLessThan(3_000 + 1_000 + 2_000);
  }, 120_000);
});
