// `npm start` supervision with real child processes: a child killed with SIGKILL (what an OOM
// kill or `kill -9` of next-server does) is restarted within seconds, a child that keeps dying is
// given up on with a non-zero code, and stopping never waits for an exit that already happened.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { stopChild, supervise, type Supervisor } from '../../scripts/supervisor';

const started: ChildProcess[] = [];
let sup: Supervisor | undefined;
afterEach(async () => {
  // Bounded: a stop that waits for an exit event already fired must fail the test, not hang the run.
  if (sup) await Promise.race([sup.stop(), new Promise((r) => setTimeout(r, 2000))]);
  sup = undefined;
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  started.length = 0;
});

/** A long-running child, like next-server. */
function sleeper(): ChildProcess {
  const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  started.push(c);
  return c;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(what: string, fn: () => T | undefined | false, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start supervisor', () => {
  it('restarts the app within 10 s after kill -9', async () => {
    sup = supervise({ start: sleeper, onGiveUp: () => {} });
    const first = sup.current();
    await waitFor('first child', () => first.pid, 5000);
    const t0 = Date.now();
    process.kill(first.pid!, 'SIGKILL');
    const second = await waitFor('a restarted child', () => sup!.current() !== first && sup!.current().pid, 10_000);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(second).not.toBe(first.pid);
    expect(alive(second)).toBe(true);
    expect(sup.restarts()).toBe(1);
    await sup.stop();
    expect(alive(second)).toBe(false);
  });

  it('gives up with a non-zero code when the app keeps dying, and the shutdown completes within 10 s', async () => {
    let gaveUp: number | undefined;
    let shutDown = false;
    sup = supervise({
      start: sleeper,
      maxRestarts: 0,
      onGiveUp: (code) => {
        gaveUp = code;
        // What start.ts's shutdown does: release everything, the app first.
        void sup!.stop().then(() => (shutDown = true));
      },
    });
    const child = sup.current();
    await waitFor('child', () => child.pid, 5000);
    process.kill(child.pid!, 'SIGKILL');
    await waitFor('the supervisor to give up and finish its shutdown', () => shutDown, 10_000);
    expect(gaveUp).toBeGreaterThan(0);
  });

  it('stopChild resolves at once for a child that already died of a signal', async () => {
    const c = sleeper();
    await new Promise<void>((r) => c.once('exit', () => r()) && c.kill('SIGKILL'));
    expect(c.exitCode).toBeNull(); // a signal death: no exit code
    const stopped = await Promise.race([stopChild(c).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 2000))]);
    expect(stopped).toBe(true);
  });
});
