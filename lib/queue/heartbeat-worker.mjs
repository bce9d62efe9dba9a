// The heartbeats of every job running in this process (see startHeartbeat in index.ts), on one
// thread and one database connection of their own: a render that keeps the main thread or the
// queue's connection pool busy on a loaded machine must not stop them. Each job beats every third
// of its expiry; the parent hears when a job is no longer this process's.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { HEARTBEAT_SQL } from './heartbeat-sql.mjs';

const { connectionString } = workerData;
/** key → { name, id, retryCount, seconds, next } (next: when it beats again, ms since the epoch) */
const jobs = new Map();
const period = (seconds) => (Math.max(3, seconds) * 1000) / 3;

let client = null;
let busy = false;

parentPort.on('message', (m) => {
  // The parent wrote the job's first beat before handing it over: the next one is a period away.
  if (m.add) jobs.set(m.add.key, { ...m.add, next: Date.now() + period(m.add.seconds) });
  if (m.remove) jobs.delete(m.remove);
});

function closeClient() {
  const c = client;
  client = null;
  c?.end().catch(() => {});
}

async function tick() {
  if (busy) return; // the last round is still waiting for the database
  if (!jobs.size) return closeClient(); // nothing running here: hold no connection
  const now = Date.now();
  const due = [...jobs.entries()].filter(([, job]) => job.next <= now);
  if (!due.length) return;
  busy = true;
  try {
    if (!client) {
      client = new pg.Client({ connectionString, application_name: 'seedprint-heartbeat' });
      client.on('error', () => {});
      await client.connect();
    }
    for (const [key, job] of due) {
      const { rowCount } = await client.query(HEARTBEAT_SQL, [job.name, job.id, job.retryCount, job.seconds]);
      job.next = Date.now() + period(job.seconds);
      if (!rowCount && jobs.delete(key)) parentPort.postMessage({ gone: key });
    }
  } catch (err) {
    closeClient(); // a new connection next round, which retries every job still due
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    busy = false;
  }
}

setInterval(() => void tick(), 250);
