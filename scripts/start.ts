// `npm start`: the whole store on one machine. Without DATABASE_URL it runs an embedded
// PostgreSQL under DATA_DIR; without Stripe keys it runs the local Stripe-compatible server.
// Then it applies migrations, seeds the catalog once, builds if needed, and serves Next.js,
// restarting it when it dies (scripts/supervisor.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureLocalAuthSecret, env } from '../lib/env';
import { EmbeddedPgAccessError, startEmbeddedPostgres, takeOverShutdownSignals, type EmbeddedDb } from '../lib/db/embedded-postgres';
import { migrateDeploy } from '../lib/db/migrate';
import { seed } from './seed';
import { needsBuild } from './build-freshness';
import { withJemalloc } from './jemalloc';
import { KEEP_ALIVE_ARGS } from './keep-alive';
import { supervise } from './supervisor';

const root = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const log = (m: string) => console.log(`[seedprint] ${m}`);

const cleanups: (() => Promise<void> | void)[] = [];
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('shutting down…');
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(err);
    }
  }
  process.exit(code);
}
takeOverShutdownSignals(); // shutdown() stops PostgreSQL last, after the app
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  // Test mode without AUTH_SECRET: a random one kept in DATA_DIR (production refuses the public default).
  const secretFile = ensureLocalAuthSecret();
  if (secretFile) log(`AUTH_SECRET not set: using the random one in ${secretFile}`);
  const testModeOutbox = !process.env.STRIPE_SECRET_KEY && !process.env.SMTP_URL && process.env.DEV_OUTBOX === undefined;
  const e = env();
  fs.mkdirSync(e.dataDir, { recursive: true });

  if (!process.env.DATABASE_URL) {
    const pg: EmbeddedDb = await startEmbeddedPostgres({ dataDir: path.join(e.dataDir, 'pg'), port: e.EMBEDDED_PG_PORT });
    cleanups.push(() => pg.stop());
    process.env.DATABASE_URL = pg.url;
    log(`embedded PostgreSQL on port ${e.EMBEDDED_PG_PORT} (data in ${path.join(e.dataDir, 'pg')})`);
  }
  await migrateDeploy(process.env.DATABASE_URL!);
  const seeded = await seed();
  log(`database ready (${seeded.created} products added)`);

  if (!process.env.STRIPE_SECRET_KEY) {
    const { startLocalStripe } = await import('../tools/local-stripe');
    const local = await startLocalStripe({
      port: e.LOCAL_STRIPE_PORT,
      webhookUrl: `http://127.0.0.1:${e.PORT}/api/webhooks/stripe`,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      stateFile: path.join(e.dataDir, 'local-stripe.json'),
    });
    cleanups.push(() => local.close());
    process.env.STRIPE_SECRET_KEY = 'sk_test_local';
    process.env.STRIPE_API_BASE = local.url;
    log(`TEST MODE: local Stripe-compatible server at ${local.url} (card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)`);
  }

  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (!dev && needsBuild(root)) {
    log('building the app (first start or sources changed)…');
    const r = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: process.env });
    if (r.status !== 0) throw new Error('next build failed');
  }
  // jemalloc where installed: the app's native memory stays flat under steady traffic (scripts/jemalloc.ts).
  const childEnv: NodeJS.ProcessEnv = withJemalloc({ ...process.env, RUN_WORKER_IN_APP: process.env.RUN_WORKER_IN_APP ?? '1' });
  if (testModeOutbox) {
    // A test-mode store without SMTP: e-mails (sign-in links) are read at /dev/outbox, from this
    // machine (loopback) or by an administrator. Never on with live keys unless DEV_OUTBOX=1.
    childEnv.DEV_OUTBOX = '1';
    log(`e-mails go to the dev outbox: ${e.PUBLIC_URL}/dev/outbox (from this machine or as an administrator)`);
  }
  const app = supervise({
    start: () => spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', String(e.PORT), '-H', '0.0.0.0', ...(dev ? [] : KEEP_ALIVE_ARGS)], { cwd: root, stdio: 'inherit', env: childEnv }),
    log,
    onGiveUp: (code) => void shutdown(code),
    // The app finishes its requests in flight (APP_STOP_GRACE_S), then writes what it holds.
    killAfterMs: (e.APP_STOP_GRACE_S + 15) * 1000,
  });
  cleanups.push(() => app.stop());
  log(`store on ${e.PUBLIC_URL}`);
}

main().catch((err) => {
  // A problem the user can fix gets one sentence, not a stack trace.
  if (err instanceof EmbeddedPgAccessError) console.error(`[seedprint] ${err.message}`);
  else console.error(err);
  void shutdown(1);
});
