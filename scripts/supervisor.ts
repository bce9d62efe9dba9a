// Keeps one child process (the Next.js server) running for `npm start`. A child that dies on its
// own (a crash, an OOM kill, `kill -9`) is started again after a short pause; one that keeps
// dying (maxRestarts within windowMs) is given up on, and onGiveUp receives a non-zero code so
// the caller can release what it holds (PostgreSQL, the Stripe server) and exit non-zero for a
// process manager to act on.
import type { ChildProcess } from 'node:child_process';

export type SupervisorOptions = {
  /** Starts a fresh child. */
  start: () => ChildProcess;
  /** Called once when the child keeps dying; the caller shuts down (and awaits stop()). */
  onGiveUp: (code: number) => void;
  log?: (message: string) => void;
  /** At most this many restarts within windowMs before giving up (default 3 per minute). */
  maxRestarts?: number;
  windowMs?: number;
  /** Pause before a restart (default 500 ms). */
  restartDelayMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL (default 10 s). */
  killAfterMs?: number;
};

export type Supervisor = {
  /** The child running now. */
  current(): ChildProcess;
  restarts(): number;
  /** Stops supervising and the child (SIGTERM, then SIGKILL); resolves once it is gone. */
  stop(): Promise<void>;
};

export function hasExited(child: ChildProcess): boolean {
  // A signal death leaves exitCode null: signalCode says it is gone all the same.
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves once `child` has exited, sending SIGTERM (then SIGKILL after killAfterMs); at once if it already has. */
export function stopChild(child: ChildProcess, killAfterMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (hasExited(child)) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function supervise(opts: SupervisorOptions): Supervisor {
  const log = opts.log ?? (() => {});
  const maxRestarts = opts.maxRestarts ?? 3;
  const windowMs = opts.windowMs ?? 60_000;
  const restartDelayMs = opts.restartDelayMs ?? 500;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  const recent: number[] = [];
  let total = 0;
  let child: ChildProcess;

  const launch = () => {
    child = opts.start();
    const mine = child;
    mine.once('error', (err) => log(`could not start the app: ${err.message}`));
    mine.once('exit', (code, signal) => {
      if (stopping || mine !== child) return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const now = Date.now();
      while (recent.length && now - recent[0] > windowMs) recent.shift();
      if (recent.length >= maxRestarts) {
        log(`the app ${how}; it died ${recent.length + 1} times within ${Math.round(windowMs / 1000)} s, giving up`);
        stopping = true;
        opts.onGiveUp(code && code !== 0 ? code : 1);
        return;
      }
      recent.push(now);
      total += 1;
      log(`the app ${how}; restarting it`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (!stopping) launch();
      }, restartDelayMs);
    });
  };
  launch();

  return {
    current: () => child,
    restarts: () => total,
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      await stopChild(child, opts.killAfterMs);
    },
  };
}
