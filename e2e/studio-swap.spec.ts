// The studio's one-click swaps, in Chromium against the real store: type a prompt, see what it
// understood as pictures, swap the motif for an alternative and the background for a named
// colour (by keyboard), and check the new candidates' pixels show the swapped motif and colour.
// Leaves screenshots at 1280 and 390 px in test-results/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { colourByName, deltaE2000, rgbToHex } from '../lib/pattern/colours';
import { motifMainColour } from '../lib/pattern/design';

/** The four candidates' PNGs as the page shows them. */
async function candidatePngs(page: Page): Promise<Buffer[]> {
  const urls = await page.locator('[role="img"][aria-label^="Design "]').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.backgroundImage.match(/url\("?([^")]+)"?\)/)?.[1] ?? ''));
  expect(urls).toHaveLength(4);
  return Promise.all(
    urls.map(async (u) => {
      expect(u).toMatch(/^\/r\/[0-9a-f]{64}\.png$/);
      const res = await page.request.get(u);
      expect(res.ok()).toBe(true);
      return res.body();
    }),
  );
}

/** Share of the pixels within ΔE2000 `limit` of `hex`. */
async function share(png: Buffer, hex: string, limit: number): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const counts = new Map<string, number>();
  for (let i = 0; i < data.length; i += 3) {
    const k = rgbToHex(data[i] & 0xfc, data[i + 1] & 0xfc, data[i + 2] & 0xfc);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let near = 0;
  for (const [k, n] of counts) if (deltaE2000(k, hex) < limit) near += n;
  return near / (info.width * info.height);
}

async function designsReady(page: Page) {
  await expect(page.getByRole('heading', { name: 'Pick your favourite' })).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('fieldset:has(input[name="design"])')).toBeEnabled();
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page must not scroll sideways').toBeLessThanOrEqual(1);
}

test('studio: swap a motif and a colour in one click each; the new designs show them', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/design');
  await page.getByLabel('Describe your pattern').fill('lemons on navy, zorbly');
  await page.getByRole('button', { name: 'Generate 4 designs' }).click();
  await designsReady(page);

  const panel = page.getByTestId('understood');
  await expect(page.getByRole('list', { name: 'Motifs' })).toContainText('lemon');
  await expect(page.getByTestId('ignored-words')).toHaveText('We could not use “zorbly”, so it changed nothing in these designs.');
  const background = panel.locator('dt', { hasText: 'Background' }).locator('xpath=following-sibling::dd[1]');
  await expect(background).toContainText('navy');
  const before = await candidatePngs(page);
  const [lemonInk, limeInk] = [await motifMainColour('lemon'), await motifMainColour('lime')];

  // One click: lemons → limes, with the same words and seed otherwise.
  const lime = page.getByRole('button', { name: 'Swap lemon for lime' });
  await expect(lime.locator('img')).toHaveJSProperty('naturalWidth', 64);
  await lime.click();
  await expect(page.getByTestId('swaps')).toContainText('lemons → limes');
  await designsReady(page);
  await expect(page.getByLabel('Describe your pattern')).toHaveValue('limes on navy, zorbly');
  await expect(page.getByRole('list', { name: 'Motifs' })).toContainText('lime');
  const limes = await candidatePngs(page);
  for (const [i, png] of limes.entries()) {
    expect(await share(png, limeInk, 6), `design ${i + 1} shows limes`).toBeGreaterThan((await share(before[i], limeInk, 6)) + 0.005);
    expect(await share(before[i], lemonInk, 6), `design ${i + 1} no longer shows lemons`).toBeGreaterThan((await share(png, lemonInk, 6)) + 0.005);
  }

  // The background, by keyboard: open the colour picker and choose teal.
  await panel.locator('summary[aria-label="Other colours for background"]').focus();
  await page.keyboard.press('Enter');
  const teal = page.getByRole('button', { name: 'Background: teal' });
  await teal.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('swaps')).toContainText('navy → teal');
  await designsReady(page);
  await expect(page.getByLabel('Describe your pattern')).toHaveValue('limes on teal, zorbly');
  const tealHex = colourByName('teal')!.hex;
  const teals = await candidatePngs(page);
  for (const [i, png] of teals.entries()) {
    expect(await share(png, tealHex, 10), `design ${i + 1} is on teal`).toBeGreaterThan(0.25);
    expect(await share(limes[i], tealHex, 10), `design ${i + 1} was not on teal`).toBeLessThan(0.02);
    expect(await share(png, limeInk, 6), `design ${i + 1} keeps its limes`).toBeGreaterThan(0.005);
  }

  // Shown at desktop and phone widths, nothing off screen.
  await panel.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await noSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/studio-swap-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await expect(page.getByRole('button', { name: 'Swap lime for lemon' })).toBeVisible();
  await expect(background).toContainText('teal');
  await expect(page.getByRole('button', { name: /^Background: (lighter|darker|muted) — / }).first()).toBeVisible();
  // Everything the studio shows fits the phone's width (the site header is checked by screenshots.spec).
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="understood"] *, main *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${(e.getAttribute('class') ?? '').split(' ').slice(0, 3).join('.')}`),
  );
  expect(wide, 'elements wider than the screen').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/studio-swap-390.png', fullPage: true });
});
