// `npm run worker`: queue workers in their own process. Needs DATABASE_URL.
import { startWorkers } from '../lib/workers';
import { stopBoss } from '../lib/queue';

await startWorkers();
console.log(`[worker] ${process.pid} ready`);
const stop = async () => {
  await stopBoss();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
