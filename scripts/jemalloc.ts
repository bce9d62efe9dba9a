// jemalloc for the store's long-running processes where Debian's libjemalloc2 is installed
// (`apt-get install libjemalloc2`). glibc's malloc keeps freed native memory in per-thread arenas:
// libvips/librsvg renders of changing sizes and ONNX Runtime's buffers fragment them, and an app
// process's resident memory kept creeping up under steady traffic while its V8 heap stayed flat.
// jemalloc hands freed pages back, and sharp (libvips) is tuned for it: it renders on all cores
// with jemalloc and on one thread under glibc. Where the library is missing, glibc's malloc is used.
import fs from 'node:fs';

const LIBRARY_PATHS = ['/usr/lib/x86_64-linux-gnu/libjemalloc.so.2', '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2', '/usr/lib64/libjemalloc.so.2', '/usr/lib/libjemalloc.so.2'];

/** The jemalloc shared library on this machine, or undefined. */
export function jemallocLibrary(): string | undefined {
  return process.platform === 'linux' ? LIBRARY_PATHS.find((p) => fs.existsSync(p)) : undefined;
}

/** `env` for a child process that loads jemalloc (LD_PRELOAD) where the library is installed. */
export function withJemalloc(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const lib = jemallocLibrary();
  if (!lib || env.LD_PRELOAD?.includes('libjemalloc')) return env;
  return { ...env, LD_PRELOAD: env.LD_PRELOAD ? `${env.LD_PRELOAD}:${lib}` : lib };
}

/** Whether process `pid` runs with jemalloc (it is mapped into its memory). */
export function usesJemalloc(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/maps`, 'utf8').includes('libjemalloc');
  } catch {
    return false;
  }
}
