// `npm run worker`: queue workers in their own process. Needs DATABASE_URL.
import { ensureLocalAuthSecret } from '../lib/env';
import { startWorkers } from '../lib/workers';
import { stopBoss } from '../lib/queue';

ensureLocalAuthSecret(); // the same secret as the app under npm start (it signs order links in e-mails)

await startWorkers();
console.log(`[worker] ${process.pid} ready`);
const stop = async () => {
  await stopBoss();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
