// The store's Prometheus metrics (prom-client), in one registry per process (on globalThis, for
// the same reason as the request context). Request latency per route, the render queue, job
// queue depth, render time, webhook failures, and Node's own process metrics (memory, CPU,
// event-loop lag, GC).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type StoreMetrics = ReturnType<typeof create>;

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'seedprint_http_request_duration_seconds',
      help: 'Time from request to the end of the response, by route template, method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      // Pages and API answers are tens of ms; renders and uploads take seconds.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    renderDuration: new Histogram({
      name: 'seedprint_render_duration_seconds',
      help: 'Time a render held its slot in the render queue (studio candidates, recipe images).',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64],
      registers: [registry],
    }),
    renderQueue: new Gauge({
      name: 'seedprint_render_queue',
      help: "This process's render queue: renders running and waiting for a slot.",
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    renderRejected: new Gauge({
      name: 'seedprint_render_queue_rejected',
      help: 'Renders refused with 503 since the process started because the render queue was full.',
      registers: [registry],
    }),
    jobQueue: new Gauge({
      name: 'seedprint_job_queue_jobs',
      help: 'Jobs in the durable queue (pg-boss) by queue and state (created, retry, active), across every worker.',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'seedprint_job_duration_seconds',
      help: "Time this process's queue workers spent on a job (print files, order fan-out, webhooks, try-on), by queue and outcome.",
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128],
      registers: [registry],
    }),
    webhookFailures: new Counter({
      name: 'seedprint_webhook_failures_total',
      help: 'Webhook requests or deliveries that failed, by direction (stripe = received, outbound = sent to factories) and reason.',
      labelNames: ['direction', 'reason'] as const,
      registers: [registry],
    }),
  };
}

const KEY = Symbol.for('seedprint.metrics');
const g = globalThis as typeof globalThis & { [KEY]?: StoreMetrics };

export function metrics(): StoreMetrics {
  return (g[KEY] ??= create());
}

/** Runs `fn` and records its duration in the render histogram. */
export async function timeRender<T>(fn: () => Promise<T>): Promise<T> {
  const end = metrics().renderDuration.startTimer();
  try {
    return await fn();
  } finally {
    end();
  }
}
