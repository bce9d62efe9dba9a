// Screenshot of the studio (not a vitest test): npx tsx tests/generation/studio.screenshot.ts [baseUrl] [outDir]
// Drives it with the keyboard only: type, pick a suggestion with ArrowDown+Enter, submit, choose.
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '/tmp';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
await page.goto(`${base}/design?product=${process.env.PRODUCT ?? 'tee'}`, { waitUntil: 'networkidle' });
const input = page.getByRole('combobox', { name: 'Describe your pattern' });
await input.focus();
await page.keyboard.type('small red he', { delay: 30 });
await page.waitForSelector('[role=listbox]:not([hidden]) [role=option]');
await page.keyboard.press('ArrowDown');
await page.screenshot({ path: `${out}/studio-autocomplete.png` });
await page.keyboard.press('Enter'); // take the suggestion
await page.keyboard.type(', sparkly');
await page.keyboard.press('Escape');
await page.keyboard.press('Enter'); // submit
await page.waitForSelector('text=/step [1-9]/', { timeout: 60_000 }).catch(() => {});
await page.screenshot({ path: `${out}/studio-progress.png` });
await page.waitForSelector('text=Pick your favourite', { timeout: 120_000 });
// keyboard: Tab into the radio group and choose design 2 with the arrow key
await page.locator('input[type=radio]').first().focus();
await page.keyboard.press('ArrowRight');
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/studio-done.png`, fullPage: true });
console.log('focused:', await page.evaluate(() => document.activeElement?.getAttribute('aria-label')));
await browser.close();
