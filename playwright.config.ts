import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;
// A fresh data folder outside the work tree for every run (the embedded server may run as an
// unprivileged user, hence the open mode).
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-e2e-'));
fs.chmodSync(dataDir, 0o777);
process.env.E2E_DATA_DIR = dataDir; // worker processes load this file again: keep one folder

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // The real store, started the way a person starts it, on a throw-away data folder.
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: `${baseURL}/api/health`,
    timeout: 900_000, // a first build on a busy 2-core machine can take over 5 minutes
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATA_DIR: dataDir,
      PORT: String(PORT),
      PUBLIC_URL: baseURL,
      EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54391)),
      LOCAL_STRIPE_PORT: String(Number(process.env.E2E_STRIPE_PORT ?? 12191)),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
