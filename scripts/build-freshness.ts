// Whether the Next.js build in `.next` is older than the sources it was built from. `npm start`
// rebuilds when it is; the root-start e2e reuses the repo's build only when it is not.
import fs from 'node:fs';
import path from 'node:path';

/** What a build is made from, relative to the repo root. */
export const BUILD_INPUTS = ['app', 'lib', 'public', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'package.json'] as const;

/** The newest modification time under `dir`, skipping node_modules and dot entries. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The build inputs changed after `root`'s build; null when there is no build. */
export function staleBuildInputs(root: string): string[] | null {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return null;
  const built = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.filter((input) => {
    const p = path.join(root, input);
    if (!fs.existsSync(p)) return false;
    return (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs) > built;
  });
}

/** True when `root` has no build or one older than its sources. */
export function needsBuild(root: string): boolean {
  const stale = staleBuildInputs(root);
  return stale === null || stale.length > 0;
}
