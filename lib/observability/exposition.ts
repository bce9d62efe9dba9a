// The /metrics answer: gauges that are read rather than counted (render queue, job queue
// depth) are refreshed from the sources the caller wires in, then the registry is written in
// Prometheus text format.
import { logger } from './logger';
import { metrics } from './metrics';

export type MetricsSources = {
  /** This process's render queue. */
  renderQueue?: () => { running: number; waiting: number; rejected: number };
  /** Durable job queue: every queue's name (reported as 0 when empty) and the jobs not yet completed. */
  jobQueues?: { names: readonly string[]; depth: () => Promise<{ queue: string; state: string; jobs: number }[]> };
};

const JOB_STATES = ['created', 'retry', 'active'] as const;

export async function metricsText(sources: MetricsSources = {}): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  if (sources.renderQueue) {
    const rq = sources.renderQueue();
    m.renderQueue.set({ state: 'running' }, rq.running);
    m.renderQueue.set({ state: 'waiting' }, rq.waiting);
    m.renderRejected.set(rq.rejected);
  }
  if (sources.jobQueues) {
    m.jobQueue.reset();
    try {
      const rows = await sources.jobQueues.depth();
      const queues = new Set<string>([...sources.jobQueues.names, ...rows.map((r) => r.queue)]);
      for (const q of queues) for (const state of JOB_STATES) m.jobQueue.set({ queue: q, state }, 0);
      for (const r of rows) if ((JOB_STATES as readonly string[]).includes(r.state)) m.jobQueue.set({ queue: r.queue, state: r.state }, r.jobs);
    } catch (err) {
      // The depth is left out rather than the whole answer failing (readiness reports the database).
      m.jobQueue.reset();
      logger().warn({ err: (err as Error).message }, 'job queue depth unavailable');
    }
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
