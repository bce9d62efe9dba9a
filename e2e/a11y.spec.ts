// Accessibility and layout of every page on the real store, at 1280 and 390 px: axe-core
// (WCAG 2.0/2.1 A and AA rules) on every page a shopper, a seller, the factory and an admin use,
// each signed in as that role. Any serious or critical violation fails the test; the list names
// the page, the rule and the elements. Each page must not scroll sideways and leaves a full-page
// screenshot in test-results/screenshots/page-*.png.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { checkoutForm, payOnHostedPage, signIn } from './shopper';

const run = Date.now().toString(36);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; returns one line per serious or critical violation. */
async function audit(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').slice(0, 200)}`).join('\n    ')}`);
}

/** Scrolls through the page so lazy images load, waits for the images (product shots are
 *  rendered on request), and returns to the top so the sticky header sits where it belongs. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 30_000 }).catch(() => undefined);
}

/** Sampler settings belong to staff pages and the PNG, never to what a shopper or seller reads. */
const RECIPE_JARGON = /\bunipc\b|\bddim\b|\d+ steps\b|guidance \d|\bseed \d|\d+×\d+ latent/i;

/** Every page at phone and desktop widths: axe (a soft failure, so one run lists every page's
 *  violations), no sideways scrolling, no recipe jargon outside staff pages, and a full-page
 *  screenshot in test-results/screenshots/. */
async function check(page: Page, name: string, { staff = false } = {}) {
  if (!staff) expect.soft(await page.locator('body').innerText(), `${name} shows recipe settings`).not.toMatch(RECIPE_JARGON);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForLoadState('load');
    await settle(page);
    const lines = await audit(page, `${name} @${width}`);
    expect.soft(lines, lines.join('\n')).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, `${name} at ${width}px must not scroll sideways`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `test-results/screenshots/page-${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${width}.png`, fullPage: true });
  }
}

test('shopper pages: home, catalog, search, product, studio, cart, checkout, order, try-on', async ({ page }) => {
  test.setTimeout(400_000);
  const plain: [string, string][] = [
    ['/', 'home'],
    ['/products', 'products'],
    ['/search?q=mug', 'search'],
    ['/search?q=zzzz', 'search empty'],
    ['/products/tee', 'product'],
    ['/signin', 'sign-in'],
    ['/attributions', 'attributions'],
    ['/no-such-page', '404'],
    ['/cart', 'cart empty'],
    ['/design?product=tee', 'studio'],
  ];
  for (const [path, name] of plain) {
    await page.goto(path);
    await check(page, name);
  }
  await page.getByLabel('Describe your pattern').fill('red hearts on navy');
  await page.getByRole('button', { name: 'Generate 4 designs' }).click();
  await expect(page.getByRole('heading', { name: 'Pick your favourite' })).toBeVisible({ timeout: 180_000 });
  await page.locator('label:has(input[name="design"])').first().click();
  await check(page, 'studio with designs');
  await page.getByRole('button', { name: /Continue to/ }).click();
  await expect(page).toHaveURL(/\/products\/tee\?design=[0-9a-f]{64}/);
  const designId = page.url().match(/design=([0-9a-f]{64})/)![1];
  await expect(page.getByAltText('Your pattern tile')).toBeVisible();
  await check(page, 'product with design');

  await page.goto(`/d/${designId}`);
  await check(page, 'share page');
  await page.goto(`/try-on?design=${designId}&product=hoodie`);
  await expect(page.getByTestId('model-gallery').locator('img').first()).toBeVisible({ timeout: 120_000 });
  await check(page, 'try-on');
  await page.goto('/my-designs');
  await check(page, 'my designs');

  await page.goto(`/products/tee?design=${designId}`);
  await page.getByRole('group', { name: 'Size' }).getByText('M', { exact: true }).click();
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByText(/added to your cart/i)).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await check(page, 'cart');

  const form = checkoutForm(page);
  await form.locator('#checkout-country').selectOption('US');
  await form.locator('#checkout-email').fill(`a11y-${run}@example.com`);
  await form.locator('button[type="submit"]').click();
  // The hosted payment page is the store's own local Stripe-compatible server (test mode).
  await page.waitForURL(/\/c\/pay\//, { timeout: 60_000 });
  await check(page, 'checkout local Stripe page');
  await payOnHostedPage(page);
  await page.waitForURL(/\/checkout\/success/);
  await expect(page.getByTestId('order-status')).toHaveText('Paid', { timeout: 30_000 });
  await check(page, 'checkout success');
  const orderPath = (await page.getByTestId('order-link').getAttribute('href'))!;
  await page.goto(orderPath);
  await check(page, 'order');
});

test('seller pages: sell, dashboard, new listing, listing editor, shop, listing; account', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, `a11y-seller-${run}@example.com`);
  await page.goto('/account');
  await check(page, 'account');
  await page.goto('/sell');
  await check(page, 'sell (no shop yet)');
  await page.getByLabel('Shop name').fill(`A11y Prints ${run}`);
  await page.getByLabel('Shop address').fill(`a11y-${run}`);
  await page.getByRole('button', { name: 'Open my shop' }).click();
  await expect(page.getByRole('heading', { name: 'Seller dashboard' })).toBeVisible();
  await check(page, 'seller dashboard');

  const gen = await page.request.post('/api/generate', { data: { prompt: 'green leaves on cream', seed: 11 }, timeout: 180_000 });
  expect(gen.ok()).toBeTruthy();
  const own = (await gen.text()).trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.type === 'done').designIds[0];
  await page.goto(`/sell/listings/new?design=${own}`);
  await check(page, 'new listing');
  await page.getByLabel('Title').fill(`Leaves ${run}`);
  await page.locator('#price_tee').fill('34.00');
  await page.getByRole('button', { name: 'Save draft and render photos' }).click();
  await page.waitForURL(/\/sell\/listings\/c[a-z0-9]+\?created=1/);
  await expect(page.getByTestId('photo-progress')).toContainText('3 of 3 product views rendered', { timeout: 180_000 });
  await check(page, 'listing editor');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published: your listing is live.')).toBeVisible();
  const listingPath = (await page.getByRole('link', { name: /^\/listings\// }).textContent())!.trim();
  await page.goto(listingPath);
  await check(page, 'listing');
  await page.goto(`/shops/a11y-${run}`);
  await check(page, 'shop');
  await page.goto('/account/orders');
  await check(page, 'account orders');
});

test('staff pages: admin and factory console', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, 'admin@seedprint.local');
  // On a phone the header has no room for an Admin link: the account page leads to the console.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/account');
  await page.getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ['/admin', '/admin/orders', '/admin/products', '/admin/factories', '/admin/mockups']) {
    await page.goto(path);
    await check(page, path, { staff: true });
  }
  await page.goto('/admin/orders');
  await page.locator('a[href^="/admin/orders/"]').first().click();
  await expect(page).toHaveURL(/\/admin\/orders\/[^/]+$/);
  await check(page, 'admin order', { staff: true });
  await page.goto('/admin/products');
  await page.locator('a[href^="/admin/products/"]').first().click();
  await expect(page).toHaveURL(/\/admin\/products\/[^/]+$/);
  await check(page, 'admin product', { staff: true });

  const factoryContext = await browser.newContext();
  const factory = await factoryContext.newPage();
  await signIn(factory, 'factory@seedprint.local');
  await factory.goto('/account');
  await expect(factory.getByRole('heading', { name: 'Factory console' })).toBeVisible();
  await factory.goto('/factory');
  await check(factory, 'factory', { staff: true });
  await factoryContext.close();
});
