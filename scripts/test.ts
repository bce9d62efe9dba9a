// `npm test`: the architecture check, ESLint (no warnings), the type check, unit + integration tests (vitest, real PostgreSQL), then end-to-end tests
// (Playwright in Debian's Chromium against the real store). Prints one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ONNXRUNTIME_NODE_INSTALL: 'skip' };
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(cmd: string, args: string[]) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function firstLine(text: string | undefined) {
  return (text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';
}

type PlaywrightSuite = {
  title?: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title?: string; ok?: boolean; tests?: { results?: { status?: string; error?: { message?: string } }[] }[] }[];
};

function collectPlaywrightFailures(suites: PlaywrightSuite[], titles: string[]) {
  for (const suite of suites) {
    const here = [...titles, suite.title ?? ''].filter(Boolean);
    for (const spec of suite.specs ?? []) {
      if (spec.ok !== false) continue;
      const results = spec.tests?.flatMap((t) => t.results ?? []) ?? [];
      const error = results.find((res) => res.error)?.error?.message;
      failures.push(`${[...here, spec.title].join(' › ')}: ${firstLine(error)}`);
    }
    collectPlaywrightFailures(suite.suites ?? [], here);
  }
}

const only = process.argv[2]; // "unit" | "e2e" | undefined (both)
let passed = 0;
let failed = 0;
let skipped = 0;
let exit = 0;
// Names of failed tests, repeated after the summary so a log's tail says what failed.
const failures: string[] = [];

// Quick first: the architecture check (domain loops, internal imports) runs in seconds.
if (only !== 'e2e' && run(bin('tsx'), [path.join('scripts', 'check-architecture.ts')]) !== 0) {
  console.error('\nThe architecture check failed: fix the findings above first.');
  process.exit(1);
}

// Then the linter (no warnings allowed) and the type check, still before anything starts a server.
if (only !== 'e2e') {
  if (run(bin('eslint'), ['.', '--max-warnings', '0']) !== 0) {
    console.error('\nESLint found problems: fix them (or `npx eslint . --fix`) first.');
    process.exit(1);
  }
  if (run(bin('tsc'), ['--noEmit']) !== 0) {
    console.error('\nThe type check failed: fix the errors above first.');
    process.exit(1);
  }
}

if (only !== 'e2e') {
  const out = path.join(resultsDir, 'vitest.json');
  fs.rmSync(out, { force: true });
  exit ||= run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const r = readJson(out) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
    testResults?: { name?: string; message?: string; assertionResults?: { status?: string; fullName?: string; failureMessages?: string[] }[] }[];
  } | null;
  if (!r) failed += 1;
  else {
    for (const file of r.testResults ?? []) {
      const name = path.relative(root, file.name ?? '');
      const failing = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failing) failures.push(`${name} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      if (!failing.length && file.message) failures.push(`${name}: ${firstLine(file.message)}`);
    }
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
}

if (only !== 'unit') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium) && process.getuid?.() === 0) {
    // A fresh Debian machine: the e2e tests use Debian's Chromium, never a downloaded browser.
    run('sh', ['-c', 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium']);
  }
  if (!fs.existsSync(chromium)) {
    console.error('Chromium is missing: install it with `apt-get install -y chromium` (Debian), then run again.');
    process.exit(1);
  }
  const out = path.join(resultsDir, 'e2e.json');
  fs.rmSync(out, { force: true });
  exit ||= run(bin('playwright'), ['test']);
  const r = readJson(out) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number }; suites?: PlaywrightSuite[] } | null;
  if (!r?.stats) failed += 1;
  else {
    collectPlaywrightFailures(r.suites ?? [], []);
    passed += (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected ?? 0;
    skipped += r.stats.skipped ?? 0;
  }
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exit || (failed > 0 ? 1 : 0));
