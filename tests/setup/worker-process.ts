// `npm run worker` (scripts/worker.ts) as a child process of a test, on the test file's database.
// Workers a test leaves running are killed by stopWorkers() (call it in afterEach).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const running: ChildProcess[] = [];

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout so far. */
  out: () => string;
  /** Its JSON log lines so far. */
  lines: () => Record<string, unknown>[];
  /** Its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Starts a worker with the test's environment plus `env`; its stderr goes to the test's, marked with its pid. */
export function startWorker(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => process.stderr.write(`[worker ${child.pid}] ${d}`));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const lines = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, out: () => out, lines, exited };
}

/** SIGKILLs every worker started here that is still running, and waits for them to go. */
export async function stopWorkers(): Promise<void> {
  const alive = running.splice(0).filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(alive.map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGKILL')))));
}

/** Polls `fn` until it returns a value, or fails after `ms` naming `what`. */
export async function until<T>(fn: () => Promise<T | null | false>, what: string, ms = 90_000, everyMs = 50): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
