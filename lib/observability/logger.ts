// JSON log lines (pino): one object per line on stdout with time, level, msg and the current
// request id, so lines from the proxy, the app and the queue workers can be joined on it.
// pino rather than a hand-made writer: it is fast (no blocking formatting on the request path),
// escapes safely, and log shippers read its format as is.
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '../env';
import { currentRequestId } from './context';

const KEY = Symbol.for('seedprint.logger');
const g = globalThis as typeof globalThis & { [KEY]?: Logger };

function create(dest?: DestinationStream, level?: string): Logger {
  const e = env();
  const options = {
    level: level ?? e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  // Synchronous stdout writes: a worker that exits on SIGTERM must not lose its last lines.
  return pino(options, dest ?? pino.destination({ dest: 1, sync: true }));
}

/** The process-wide logger. */
export function logger(): Logger {
  return (g[KEY] ??= create());
}

/** Sends log lines to `dest` (tests read them back), from `level` up; without arguments, back to the default. */
export function setLogDestination(dest?: DestinationStream, level?: string): void {
  g[KEY] = create(dest, level);
}
