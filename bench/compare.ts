// Side by side: the bench of another commit and of this tree, in one run, on the same machine.
//   npx tsx bench/compare.ts <base-ref> [area …] [--base-dir DIR]     (default areas: mockup http)
// The base is checked out into a temporary git worktree (its node_modules hard-linked from this
// tree's, its Prisma client generated there); each area runs base, then this tree, then base and
// this tree again, and the better of the two runs of each side is kept, so a burst of other load
// on the machine does not decide the comparison. Writes bench/compare-results.json (every run's
// figure is kept there too: base, this tree, base, this tree). With --base-dir the base's worktree
// is kept in DIR (made there the first time), so its app build is reused by the next comparison.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Metric, Metrics } from './types';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dirFlag = args.indexOf('--base-dir');
const keptBase = dirFlag >= 0 ? path.resolve(args.splice(dirFlag, 2)[1] ?? '') : undefined;
const [baseRef, ...rest] = args;
if (!baseRef || keptBase === '') throw new Error('usage: npx tsx bench/compare.ts <base-ref> [area …] [--base-dir DIR]');
const areas = rest.length ? rest : ['mockup', 'http'];

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const baseDir = keptBase ?? fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-bench-base-'));
const reuse = keptBase !== undefined && fs.existsSync(path.join(baseDir, 'node_modules'));
if (reuse) {
  const at = run('git', ['rev-parse', 'HEAD'], baseDir).trim();
  if (at !== run('git', ['rev-parse', `${baseRef}^{commit}`], root).trim()) throw new Error(`${baseDir} holds ${at.slice(0, 12)}, not ${baseRef}: remove it (git worktree remove --force ${baseDir}) or name another folder`);
} else {
  fs.rmSync(baseDir, { recursive: true, force: true });
  run('git', ['worktree', 'add', '--detach', baseDir, baseRef], root);
}
try {
  if (!reuse) {
    run('cp', ['-al', path.join(root, 'node_modules'), path.join(baseDir, 'node_modules')], root);
    run(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'], baseDir, { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/seedprint' });
  }

  /** One area's metrics from a tree's own bench (it writes that tree's bench/results.json). */
  const benchOnce = (dir: string, area: string): Metrics => {
    const file = path.join(dir, 'bench', 'results.json');
    const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
    run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/run.ts', area], dir);
    const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Metrics;
    if (before && dir === root) fs.writeFileSync(file, before); // this tree's results stay those of `npm run bench`
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(`${area}.`)));
  };
  const better = (a: Metric | undefined, b: Metric | undefined): Metric | undefined => {
    if (!a || !b) return a ?? b;
    return (a.better === 'lower' ? a.value <= b.value : a.value >= b.value) ? a : b;
  };

  const rows: Record<string, { unit: string; better: string; goal?: number; base?: number; head?: number; runs: (number | undefined)[] }> = {};
  for (const area of areas) {
    console.log(`running ${area}: base, this tree, base, this tree…`);
    const runs = [benchOnce(baseDir, area), benchOnce(root, area), benchOnce(baseDir, area), benchOnce(root, area)];
    const keys = new Set(runs.flatMap((m) => Object.keys(m)));
    for (const k of keys) {
      const b = better(runs[0][k], runs[2][k]);
      const h = better(runs[1][k], runs[3][k]);
      const any = (h ?? b)!;
      rows[k] = { unit: any.unit, better: any.better, goal: any.goal, base: b?.value, head: h?.value, runs: runs.map((m) => m[k]?.value) };
    }
  }

  const fmt = (n?: number) => (n === undefined ? '—' : String(n));
  const table = Object.entries(rows).map(([k, r]) => {
    const worse = r.base !== undefined && r.head !== undefined && (r.better === 'lower' ? r.head > r.base * 1.1 : r.head < r.base / 1.1);
    return [k, fmt(r.base), fmt(r.head), r.unit, worse ? 'WORSE' : ''];
  });
  const head = ['metric', baseRef.slice(0, 12), 'this tree', 'unit', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${table.map(line).join('\n')}`);
  fs.writeFileSync(path.join(root, 'bench', 'compare-results.json'), JSON.stringify({ base: baseRef, rows }, null, 2) + '\n');
  console.log('\nwrote bench/compare-results.json (WORSE: more than 10 % worse than the base)');
} finally {
  if (!keptBase) run('git', ['worktree', 'remove', '--force', baseDir], root);
}
