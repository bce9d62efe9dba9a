// A shopper's everyday features on the real store: catalog search from the header (desktop and
// phone), /products?q=, hostile queries; the size chart and phone models on product pages; the
// order page in shopper words; shipped and delivered e-mails with the tracking link after the
// factory's status calls. Screenshots of each page at 1280 and 390 px in test-results/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { buyAsGuest, generateDesign, signIn } from './shopper';

test.describe.configure({ mode: 'serial' });

const WIDTHS = [1280, 390] as const;
const run = Date.now().toString(36);

async function shoot(page: Page, name: string, width: number) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at ${width}px must not scroll sideways`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
}

test('search from the desktop header: results, the query kept, empty state, /products?q=', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const box = page.getByRole('search').getByLabel('Search products and designs');
  await box.fill('mug');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=mug$/);
  await expect(page.getByTestId('search-products').getByRole('link')).toHaveText(['Ceramic Mug 11 oz']);
  await expect(page.locator('#search-page-q')).toHaveValue('mug');
  await shoot(page, 'search-results', 1280);

  await page.goto('/search?q=hoodies');
  await expect(page.getByTestId('search-products').getByRole('link')).toHaveText(['All-Over Print Hoodie']);

  // A fresh store has no seller listings of cats: the empty state, with the query kept.
  await page.goto('/search?q=cats');
  await expect(page.getByTestId('search-empty')).toContainText('Nothing found for “cats”');
  await expect(page.locator('#search-page-q')).toHaveValue('cats');
  await expect(page.getByRole('link', { name: 'Design it yourself' })).toHaveAttribute('href', '/design');
  await shoot(page, 'search-empty', 1280);

  await page.goto('/products?q=mug');
  await expect(page.getByTestId('products-filter')).toContainText('1 product matching “mug”');
  await expect(page.locator('main ul > li')).toHaveCount(1);
  await shoot(page, 'products-q', 1280);
  await page.goto('/products?q=zebra');
  await expect(page.getByTestId('products-empty')).toBeVisible();
});

test('hostile queries give results or an empty state, never an error', async ({ page }) => {
  const hostile = ['%', '%%', "'", '"', "cat's", '&|!:*', 'mug & | ! : *', "' OR 1=1 --", '\\', '<script>alert(1)</script>', 'a'.repeat(5000), 'mug '.repeat(1500), '😀🐈', '\u0000mug', '((((', 'mug:*A'];
  for (const q of hostile) {
    for (const path of ['/search', '/products']) {
      const res = await page.request.get(`${path}?q=${encodeURIComponent(q)}`);
      expect(res.status(), `${path} ${q.slice(0, 40)}`).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('<script>alert(1)</script>');
    }
  }
  await page.goto(`/search?q=${encodeURIComponent("mug' & | ! %")}`);
  await expect(page.getByTestId('search-products').getByRole('link')).toHaveText(['Ceramic Mug 11 oz']);
});

test('the phone header has Sell and a search box', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Shop', 'Design', 'Sell']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  // Everything in the header fits on the phone's screen.
  for (const el of await nav.locator('a:visible, button:visible').all()) {
    const b = (await el.boundingBox())!;
    expect(b.x + b.width, (await el.textContent()) ?? '').toBeLessThanOrEqual(390);
  }
  await shoot(page, 'header-phone', 390);
  await nav.getByRole('button', { name: 'Search' }).click();
  const box = page.locator('#site-search-mobile');
  await expect(box).toBeFocused();
  await shoot(page, 'header-phone-search-open', 390);
  await box.fill('phone case');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=phone\+case$/);
  await expect(page.getByTestId('search-products').getByRole('link')).toHaveText(['Tough Phone Case']);
  await shoot(page, 'search-results', 390);
  await page.goto('/search?q=cats');
  await shoot(page, 'search-empty', 390);
  await page.goto('/products?q=mug');
  await shoot(page, 'products-q', 390);
});

test('product pages: a size chart per garment, ten or more phone models', async ({ page }) => {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/products/hoodie');
    const chart = page.getByTestId('size-chart');
    await chart.getByText('Size chart').click();
    const row = chart.getByRole('row', { name: /^M / });
    await expect(row).toContainText('22 in · 56 cm');
    await expect(row).toContainText('28 in · 71 cm');
    await expect(row).toHaveAttribute('aria-current', 'true'); // M is the chosen size
    await page.getByRole('group', { name: 'Size' }).getByText('XL', { exact: true }).click();
    await expect(chart.getByRole('row', { name: /^XL / })).toHaveAttribute('aria-current', 'true');
    await shoot(page, 'product-hoodie-size-chart', width);

    await page.goto('/products/tee');
    await page.getByTestId('size-chart').getByText('Size chart').click();
    await expect(page.getByTestId('size-chart').getByRole('row', { name: /^XS / })).toContainText('16.5 in · 42 cm');

    await page.goto('/products/mug');
    await expect(page.getByTestId('size-chart')).toHaveCount(0);

    await page.goto('/products/phone-case');
    const models = page.getByRole('group', { name: 'Phone model' }).getByRole('radio');
    expect(await models.count()).toBeGreaterThanOrEqual(10);
    await page.getByRole('group', { name: 'Phone model' }).getByText('Galaxy S24 Ultra', { exact: true }).click();
    await expect(page.getByText('Case back for Galaxy S24 Ultra: 3.7 × 7.2 in, 300 DPI')).toBeVisible();
    await shoot(page, 'product-phone-case', width);
  }
});

test('order page in shopper words; shipped and delivered e-mails with the tracking link', async ({ page, browser }) => {
  test.setTimeout(480_000);
  const buyer = `shopper-${run}@example.com`;
  const designId = await generateDesign(page.request, 'lemons on blue', 5);
  const { orderPath, orderNumber } = await buyAsGuest(page, 'mug', designId, buyer);

  // The shopper sees the design's words and its picture, no sampler settings.
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(orderPath);
    const design = page.getByTestId('order-item-design');
    await expect(design).toContainText('lemons on blue');
    await expect(page.getByTestId('order-item').getByRole('img', { name: /lemons on blue/ })).toBeVisible();
    await expect(page.getByTestId('order-item-recipe')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(/steps|guidance|seed \d|64×64|unipc|ddim/);
    await shoot(page, 'order-page', width);
  }

  // The factory ships with a tracking link, then reports the parcel delivered.
  const factory = await browser.newPage();
  await signIn(factory, 'factory@seedprint.local');
  // Other specs' orders may be in the console too: act on this order's job only.
  const job = factory.getByTestId('factory-job').filter({ hasText: `Order ${orderNumber}` });
  await expect(async () => {
    await factory.goto('/factory');
    await expect(job.getByRole('button', { name: 'Claim job' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 300_000, intervals: [2000] });
  await job.getByRole('button', { name: 'Claim job' }).click();
  await job.getByRole('button', { name: 'Mark received' }).click();
  await job.getByRole('button', { name: 'Mark printed' }).click();
  await job.getByLabel('Tracking number').fill(`1ZE2E${run}`.toUpperCase());
  await job.getByLabel('Tracking URL').fill(`https://www.ups.com/track?tracknum=1ZE2E${run}`);
  await job.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(job.getByRole('button', { name: 'Mark delivered' })).toBeVisible();

  const outbox = `/dev/outbox?to=${encodeURIComponent(buyer)}`;
  await expect(async () => {
    await page.goto(outbox);
    await expect(page.getByText(/has shipped/)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator(`a[href="https://www.ups.com/track?tracknum=1ZE2E${run}"]`).first()).toBeVisible();

  await job.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(job).toHaveCount(0); // delivered jobs leave the console's lists
  await expect(async () => {
    await page.goto(outbox);
    await expect(page.getByText(/was delivered/)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText(/has shipped/)).toHaveCount(1);
  await page.goto(orderPath);
  await expect(page.getByTestId('order-status')).toHaveText('Delivered');
});
