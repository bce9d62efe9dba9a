// `npm run worker`: queue workers in their own process. Needs DATABASE_URL.
// SIGTERM/SIGINT: stop taking jobs, let the current one finish (up to WORKER_STOP_GRACE_S; one
// still running then is failed back to the queue, so another worker retries it, and this process
// waits for its code to return before leaving),
// close the database, exit 0.
import { disconnectDb } from '../lib/db/client';
import { ensureLocalAuthSecret, env } from '../lib/env';
import { rendersAtProcessPriority } from '../lib/generation';
import { logger, startMetricsServer } from '../lib/observability';
import { QUEUES, queueDepth, settleJobs, stopBoss } from '../lib/queue';
import { startWorkers } from '../lib/workers';

ensureLocalAuthSecret(); // the same secret as the app under npm start (it signs order links in e-mails)

rendersAtProcessPriority(); // no pages to serve here: print renders are this process's work
await startWorkers();
const metricsPort = env().WORKER_METRICS_PORT;
const metricsServer = metricsPort ? await startMetricsServer({ jobQueues: { names: Object.values(QUEUES), depth: queueDepth } }, metricsPort) : undefined;
console.log(`[worker] ${process.pid} ready`);
logger().info({ metricsPort }, 'worker ready');

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return; // a second signal while draining changes nothing
  stopping = true;
  logger().info({ signal }, 'worker stopping: no new jobs, finishing the current one');
  try {
    const graceMs = env().WORKER_STOP_GRACE_S * 1000;
    await stopBoss(graceMs);
    // A job handed back to the queue may still be inside a native render here; leaving under it
    // would abort the process, so it gets up to one more grace period to return.
    if (!(await settleJobs(0))) {
      logger().warn('a job handed back to the queue is still running here; waiting for it before exiting');
      if (!(await settleJobs(graceMs))) logger().warn('exiting with a job still running');
    }
    await metricsServer?.close();
    await disconnectDb();
  } catch (err) {
    logger().error({ err: (err as Error).message }, 'worker stopped with an error');
    process.exit(1);
  }
  logger().info('worker stopped');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
