// One job's heartbeat (see startHeartbeat in index.ts), on its own thread and database
// connection: a render that keeps the main thread or the queue's connection pool busy on a loaded
// machine must not stop it. Tells the parent after each beat whether the job is still its own.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { HEARTBEAT_SQL } from './heartbeat-sql.mjs';

const { connectionString, name, id, retryCount, seconds } = workerData;
const SQL = HEARTBEAT_SQL;

let client = null;
let busy = false;
let stopped = false;
let timer = null;

async function beat() {
  if (busy) return; // the last one is still waiting for the database
  busy = true;
  try {
    if (!client) {
      client = new pg.Client({ connectionString });
      client.on('error', () => {});
      await client.connect();
    }
    const { rowCount } = await client.query(SQL, [name, id, retryCount, seconds]);
    parentPort.postMessage(rowCount ? { beat: true } : { gone: true });
    if (!rowCount) stop();
  } catch (err) {
    const c = client;
    client = null; // a new connection next time
    c?.end().catch(() => {});
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    busy = false;
  }
}

function stop() {
  stopped = true;
  clearInterval(timer);
  parentPort.close();
  client?.end().catch(() => {});
  client = null;
}

await beat();
if (!stopped) timer = setInterval(() => void beat(), (Math.max(3, seconds) * 1000) / 3);
