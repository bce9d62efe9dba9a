// Storefront at phone and desktop widths: the pages render, fit the screen (no sideways
// scrolling), show the test-mode banner, and leave screenshots in test-results/screenshots/.
import { expect, test, type Page } from '@playwright/test';

const WIDTHS = [390, 1280] as const;

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page must not scroll sideways').toBeLessThanOrEqual(1);
}

async function shoot(page: Page, name: string, width: number) {
  await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
}

for (const width of WIDTHS) {
  test.describe(`storefront at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('home: hero, product grid with prices, how it works', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Patterns nobody has designed yet' })).toBeVisible();
      await expect(page.getByTestId('test-mode-banner')).toContainText('4242 4242 4242 4242');
      const cards = page.locator('#shop li');
      await expect(cards.first()).toContainText(/from \$\d+\.\d\d/);
      expect(await cards.count()).toBeGreaterThanOrEqual(6);
      await expect(page.getByRole('heading', { name: 'How it works' })).toBeVisible();
      await noSidewaysScroll(page);
      await shoot(page, 'home', width);
    });

    test('product page: options, print areas, design first, JSON-LD', async ({ page }) => {
      await page.goto('/products/tee');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pattern Tee');
      await expect(page.getByRole('link', { name: 'Design your pattern' })).toHaveAttribute('href', '/design?product=tee');
      await expect(page.getByTestId('add-to-cart')).toBeDisabled();
      await expect(page.getByText('Front 12 × 16 in, 300 DPI')).toBeVisible();
      await page.getByRole('radio', { name: 'Navy' }).check({ force: true });
      await expect(page.getByText('Colour: Navy')).toBeVisible();
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}');
      expect(ld['@type']).toBe('Product');
      expect(ld.offers.priceCurrency).toBe('USD');
      await noSidewaysScroll(page);
      await shoot(page, 'product', width);
    });

    test('studio: four pattern designs and what it understood, as pictures', async ({ page }) => {
      await page.goto('/design?product=tee');
      await page.getByLabel('Describe your pattern').fill('lemons on light blue');
      await page.getByRole('button', { name: 'Generate 4 designs' }).click();
      await expect(page.getByRole('heading', { name: 'Pick your favourite' })).toBeVisible({ timeout: 60_000 });
      const motifs = page.getByRole('list', { name: 'Motifs' });
      await expect(motifs).toContainText('lemon');
      await expect(motifs.locator('img')).toHaveJSProperty('naturalWidth', 64);
      await expect(page.getByText('Background').locator('xpath=following-sibling::dd[1]')).toContainText('light blue');
      await expect(page.locator('input[name="design"]')).toHaveCount(4);
      await noSidewaysScroll(page);
      await shoot(page, 'studio', width);
    });

    test('cart: empty state', async ({ page }) => {
      await page.goto('/cart');
      await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
      await noSidewaysScroll(page);
      await shoot(page, 'cart-empty', width);
    });

    test('an unknown address is a 404 page whose scripts run (the CSP nonce is on them)', async ({ page }) => {
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      const res = await page.goto('/no-such-page/at-all');
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: /couldn’t find that page/ })).toBeVisible();
      // The header's session check is client code: its sign-in link shows only once scripts ran.
      await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
      expect(blocked).toEqual([]);
      await noSidewaysScroll(page);
    });

    test('unknown product is a 404 page', async ({ page }) => {
      const res = await page.goto('/products/no-such-thing');
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: /couldn’t find that page/ })).toBeVisible();
      await noSidewaysScroll(page);
    });
  });
}
