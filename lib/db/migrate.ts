// Applies the checked-in migrations (prisma/migrations) with Prisma's own `migrate deploy`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnv } from '../env';

const root = path.resolve(import.meta.dirname, '..', '..');

export function runPrisma(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const bin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: childEnv({ DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        if (!opts.quiet) process.stdout.write(out);
        resolve(out);
      } else reject(new Error(`prisma ${args.join(' ')} failed (exit ${code}):\n${out}`));
    });
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await runPrisma(['migrate', 'deploy'], databaseUrl, { quiet: true });
}
