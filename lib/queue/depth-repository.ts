// Job queue depth, read straight from pg-boss's table (one query for every queue), so the app
// can report it without starting a pg-boss instance of its own.
import { db } from '../db/client';

export type QueueDepthRow = { queue: string; state: string; jobs: number };

/** Jobs not yet completed, by queue and state (created, retry, active). */
export async function queueDepth(): Promise<QueueDepthRow[]> {
  const rows = await db.$queryRaw<{ queue: string; state: string; jobs: bigint }[]>`
    SELECT name AS queue, state::text AS state, count(*) AS jobs
    FROM pgboss.job WHERE state < 'completed' GROUP BY name, state`;
  return rows.map((r) => ({ queue: r.queue, state: r.state, jobs: Number(r.jobs) }));
}
