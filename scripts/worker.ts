// `npm run worker`: queue workers in their own process. Needs DATABASE_URL.
// SIGTERM/SIGINT: stop taking jobs, let the current one finish (up to pg-boss's graceful
// timeout; one still running then is failed back to the queue, so another worker retries it),
// close the database, exit 0.
import { disconnectDb } from '../lib/db/client';
import { ensureLocalAuthSecret, env } from '../lib/env';
import { logger, startMetricsServer } from '../lib/observability';
import { stopBoss } from '../lib/queue';
import { startWorkers } from '../lib/workers';

ensureLocalAuthSecret(); // the same secret as the app under npm start (it signs order links in e-mails)

await startWorkers();
const metricsPort = env().WORKER_METRICS_PORT;
const metricsServer = metricsPort ? await startMetricsServer(metricsPort) : undefined;
console.log(`[worker] ${process.pid} ready`);
logger().info({ metricsPort }, 'worker ready');

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return; // a second signal while draining changes nothing
  stopping = true;
  logger().info({ signal }, 'worker stopping: no new jobs, finishing the current one');
  try {
    await stopBoss();
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
