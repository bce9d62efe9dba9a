// The /metrics answer: gauges that are read rather than counted (render queue, job queue
// depth) are refreshed, then the registry is written in Prometheus text format.
import { renderQueue } from '../generation/queue';
import { QUEUES } from '../queue';
import { logger } from './logger';
import { metrics } from './metrics';
import { jobQueueDepth } from './metrics-repository';

const JOB_STATES = ['created', 'retry', 'active'] as const;

export async function metricsText(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  const rq = renderQueue().stats;
  m.renderQueue.set({ state: 'running' }, rq.running);
  m.renderQueue.set({ state: 'waiting' }, rq.waiting);
  m.renderRejected.set(rq.rejected);
  try {
    const rows = await jobQueueDepth();
    m.jobQueue.reset();
    const queues = new Set<string>([...Object.values(QUEUES), ...rows.map((r) => r.queue)]);
    for (const q of queues) for (const state of JOB_STATES) m.jobQueue.set({ queue: q, state }, 0);
    for (const r of rows) if ((JOB_STATES as readonly string[]).includes(r.state)) m.jobQueue.set({ queue: r.queue, state: r.state }, r.jobs);
  } catch (err) {
    // The depth is left out rather than the whole answer failing (readiness reports the database).
    m.jobQueue.reset();
    logger().warn({ err: (err as Error).message }, 'job queue depth unavailable');
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
