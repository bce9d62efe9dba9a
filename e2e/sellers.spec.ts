// Sellers, end to end on the real store (npm start): a shopper opens a shop, lists a studio
// design with generated product photos, publishes it as a sell-first campaign; two shoppers
// pre-order (cards authorised only); the minimum is reached, every payment is captured and the
// orders go to production. A second campaign misses its deadline (forced by an admin through
// the ADMIN-only API) and every authorisation is cancelled, each buyer told by e-mail.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { checkoutForm, payOnHostedPage, signIn } from './shopper';

test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const sellerEmail = `seller-${run}@example.com`;
const shopSlug = `e2e-shop-${run}`;
let listingId = '';
let listingSlug = '';
let designId = '';

/** Makes a design through the studio's generation API; returns its id. */
/** A design made by the signed-in user (a design belongs to whoever made it first: specs use their own seeds). */
async function generateDesign(request: APIRequestContext, prompt: string, seed = 7): Promise<string> {
  const res = await request.post('/api/generate', { data: { prompt, seed }, timeout: 180_000 });
  expect(res.ok()).toBeTruthy();
  const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
  const done = lines.find((l) => l.type === 'done');
  expect(done?.designIds?.length, JSON.stringify(lines.filter((l) => l.type === 'error'))).toBeGreaterThan(0);
  return done.designIds[0];
}

/** A guest shopper pre-orders one tee from the listing page and pays on the (local) Stripe page. */
async function preorder(browser: Browser, slug: string, email: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`/listings/${slug}`);
  await expect(page.getByTestId('campaign-progress')).toBeVisible();
  await page.getByRole('button', { name: /Pre-order/ }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  // Marked as a pre-order, delivery estimated from the campaign's end (not "3–6 business days").
  await expect(page.getByTestId('preorder-label')).toContainText(/Pre-order\s*Made after the campaign ends on/);
  await expect(page.getByTestId('shipping-estimate')).toContainText('Pre-order: printed after the campaign ends on');
  await expect(page.getByTestId('shipping-estimate')).not.toContainText('business days');
  const form = checkoutForm(page);
  await form.locator('#checkout-email').fill(email);
  await form.locator('#checkout-country').selectOption('US');
  await form.locator('button[type="submit"]').click();
  await payOnHostedPage(page);
  await page.waitForURL(/\/checkout\/success/, { timeout: 30_000 });
  const number = (await page.getByTestId('order-number').textContent())!.trim();
  return { ctx, page, number };
}

async function createCampaignListing(page: Page, title: string, minOrders: number) {
  await page.goto(`/sell/listings/new?design=${designId}`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('Made only if enough people want it.');
  await page.getByLabel(/^Tags/).fill('hearts, e2e');
  await page.locator('#price_tee').fill('34.00');
  await page.getByLabel(/Run as a campaign/).check();
  await page.getByLabel('Minimum orders').fill(String(minOrders));
  await page.getByRole('button', { name: 'Save draft and render photos' }).click();
  await page.waitForURL(/\/sell\/listings\/c[a-z0-9]+\?created=1/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  // The store renders the photos in a queue job; the page shows progress until they are done.
  await expect(page.getByTestId('photo-progress')).toContainText('3 of 3 product views rendered', { timeout: 180_000 });
  // Three studio mockups (tee front, back, detail), plus the site model wearing it once lib/tryon has rendered it.
  expect(await page.getByTestId('listing-photo').count()).toBeGreaterThanOrEqual(3);
  return id;
}

test('a shopper opens a shop and lists a design: price floor, generated photos, cover, publish', async ({ page }) => {
  test.setTimeout(400_000);
  await signIn(page, sellerEmail);
  await page.goto('/sell');
  await page.getByLabel('Shop name').fill(`E2E Prints ${run}`);
  await page.getByLabel('Shop address').fill(shopSlug);
  await page.getByRole('button', { name: 'Open my shop' }).click();
  await expect(page.getByRole('heading', { name: 'Seller dashboard' })).toBeVisible();
  await expect(page.getByTestId('demand-chart')).toBeVisible();

  designId = await generateDesign(page.request, 'red hearts on navy');

  // Below the floor: refused with the floor in the message.
  await page.goto(`/sell/listings/new?design=${designId}`);
  await page.getByLabel('Title').fill('Too cheap');
  await page.locator('#price_tee').fill('10.00');
  await page.getByRole('button', { name: 'Save draft and render photos' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Pattern Tee' })).toContainText('at least $14.95');

  listingId = await createCampaignListing(page, `Hearts pre-order ${run}`, 2);
  await page.screenshot({ path: 'test-results/screenshots/sell-listing-photos.png', fullPage: true });
  await page.getByRole('button', { name: 'Use as cover' }).first().click();
  await expect(page).toHaveURL(/cover=1/);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published: your listing is live.')).toBeVisible();
  listingSlug = (await page.getByRole('link', { name: /^\/listings\// }).textContent())!.replace('/listings/', '').trim();

  // Only the owner may touch it: another seller gets 404 from the API.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, `other-${run}@example.com`);
  expect((await otherPage.request.post('/api/sellers', { data: { shopName: 'Other shop', slug: `other-${run}` } })).status()).toBe(201);
  expect((await otherPage.request.get(`/api/listings/${listingId}`)).status()).toBe(404);
  expect((await otherPage.request.patch(`/api/listings/${listingId}`, { data: { title: 'Mine now' } })).status()).toBe(404);
  expect((await otherPage.request.post(`/api/listings/${listingId}/publish`)).status()).toBe(404);
  await other.close();

  // Public pages: listing with SEO, shop, sitemap-ready.
  await page.goto(`/listings/${listingSlug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hearts pre-order ${run}`);
  await expect(page.getByTestId('campaign-progress')).toContainText('0 of 2 sold');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}');
  expect(ld['@type']).toBe('Product');
  expect(ld.offers.availability).toBe('https://schema.org/PreOrder');
  expect(await page.locator('meta[property="og:image"]').first().getAttribute('content')).toMatch(/\/listings\/[^/]+\/opengraph-image/);
  await page.goto(`/shops/${shopSlug}`);
  await expect(page.getByTestId('shop-listing')).toHaveCount(1);
});

test('two shoppers pre-order: the minimum is reached, both payments are captured and the orders go to production', async ({ browser, page }) => {
  test.setTimeout(600_000);
  const a = await preorder(browser, listingSlug, `ann-${run}@example.com`);
  await expect(a.page.getByTestId('order-status')).toContainText(/authori[sz]ed/i);
  const b = await preorder(browser, listingSlug, `bob-${run}@example.com`);

  // The campaign sweep settles within seconds: both orders become paid.
  for (const s of [a, b]) {
    await expect(async () => {
      await s.page.reload();
      await expect(s.page.getByTestId('order-status')).toContainText(/paid|production/i);
    }).toPass({ timeout: 90_000, intervals: [2_000] });
  }
  await page.goto(`/listings/${listingSlug}`);
  await expect(page.getByTestId('campaign-progress')).toContainText('2 of 2 sold: funded');

  // Confirmation e-mails went out, and the print jobs reach the factory queue.
  await page.goto(`/dev/outbox?to=${encodeURIComponent(`ann-${run}@example.com`)}`);
  await expect(page.getByText(`Your Seedprint order ${a.number}`)).toBeVisible();
  await signIn(page, 'factory@seedprint.local');
  await expect(async () => {
    await page.goto('/factory');
    await expect(page.getByText(`Order ${a.number}`)).toBeVisible();
    await expect(page.getByText(`Order ${b.number}`)).toBeVisible();
  }).toPass({ timeout: 420_000, intervals: [5_000] });
  await a.ctx.close();
  await b.ctx.close();
});

test('a campaign that misses its deadline cancels every authorisation and tells the buyer', async ({ browser, page }) => {
  test.setTimeout(400_000);
  await signIn(page, sellerEmail);
  const id = await createCampaignListing(page, `Waves pre-order ${run}`, 3);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published: your listing is live.')).toBeVisible();
  const slug = (await page.getByRole('link', { name: /^\/listings\// }).textContent())!.replace('/listings/', '').trim();
  const c = await preorder(browser, slug, `cy-${run}@example.com`);

  // The seller cannot force the deadline; an admin can (ADMIN-only API).
  expect((await page.request.patch(`/api/listings/${id}/campaign`, { data: { deadline: new Date(Date.now() - 60_000).toISOString() } })).status()).toBe(403);
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, 'admin@seedprint.local');
  const res = await adminPage.request.patch(`/api/listings/${id}/campaign`, { data: { deadline: new Date(Date.now() - 60_000).toISOString() } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.settled).toMatchObject({ status: 'FAILED', cancelled: 1, captured: 0 });

  await expect(async () => {
    await c.page.reload();
    await expect(c.page.getByTestId('order-status')).toContainText(/cancel/i);
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  await adminPage.goto(`/dev/outbox?to=${encodeURIComponent(`cy-${run}@example.com`)}`);
  await expect(adminPage.getByText(`Your pre-order ${c.number} was not charged`)).toBeVisible();
  await c.page.goto(`/listings/${slug}`);
  await expect(c.page.getByTestId('campaign-progress')).toContainText('nobody was charged');
  await expect(c.page.getByRole('button', { name: /Add to cart|Pre-order/ })).toBeDisabled();
  await c.ctx.close();
  await admin.close();
});

test('a seller prices each size; the listing photo follows the picked product; cart and Stripe charge the size price', async ({ page, browser }) => {
  test.setTimeout(400_000);
  await signIn(page, `sizes-${run}@example.com`);
  await page.goto('/sell');
  await page.getByLabel('Shop name').fill(`Sizes ${run}`);
  await page.getByLabel('Shop address').fill(`sizes-${run}`);
  await page.getByRole('button', { name: 'Open my shop' }).click();
  await expect(page.getByRole('heading', { name: 'Seller dashboard' })).toBeVisible();
  const design = await generateDesign(page.request, 'red hearts on navy', 90_017);

  // The poster's sizes each show their own floor; 24x36 below its floor is refused.
  await page.goto(`/sell/listings/new?design=${design}`);
  await page.getByLabel('Title').fill(`Hearts poster ${run}`);
  await page.getByTestId('product-poster').getByRole('checkbox', { name: 'Matte Poster' }).check();
  const poster = page.getByTestId('product-poster');
  await expect(poster).toContainText('floor $9.10');
  await expect(poster).toContainText('floor $22.10');
  await page.locator('#price_tee').fill('34.00'); // every tee size
  await page.locator('#price_poster_12x18').fill('19.00');
  await page.locator('#price_poster_24x36').fill('21.00');
  for (const w of [1280, 390]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/sell-new-size-prices-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Save draft and render photos' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Matte Poster' })).toContainText('Matte Poster (24x36): the price must be at least $22.10');
  await page.locator('#price_poster_24x36').fill('45.00');
  await page.getByRole('button', { name: 'Save draft and render photos' }).click();
  await page.waitForURL(/\/sell\/listings\/c[a-z0-9]+\?created=1/);
  await expect(page.getByTestId('photo-progress')).toContainText('4 of 4 product views rendered', { timeout: 180_000 });
  await expect(page.getByTestId('size-prices-poster')).toContainText(/12x18\s*\$19\.00.*18x24\s*\$29\.00.*24x36\s*\$45\.00/);
  // The counter counts every photo the page shows (model photos included).
  await expect(async () => {
    await page.reload();
    const shown = await page.getByTestId('listing-photo').count();
    await expect(page.getByTestId('photo-progress')).toContainText(`${shown} photos`);
  }).toPass({ timeout: 30_000 });
  for (const w of [1280, 390]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/sell-manage-size-prices-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published: your listing is live.')).toBeVisible();
  const slug = (await page.getByRole('link', { name: /^\/listings\// }).textContent())!.replace('/listings/', '').trim();

  // A shopper: the main photo follows the product picked; each size shows its own price.
  const ctx = await browser.newContext();
  const shopper = await ctx.newPage();
  await shopper.goto(`/listings/${slug}`);
  const main = shopper.getByTestId('gallery-main');
  await expect(main).toHaveAttribute('data-product', 'tee');
  await shopper.getByRole('radio', { name: 'Matte Poster' }).check();
  await expect(main).toHaveAttribute('data-product', 'poster');
  await shopper.getByRole('radio', { name: '24x36' }).check({ force: true }); // a visually hidden input under its label
  await expect(shopper.getByRole('button', { name: /Add to cart/ })).toHaveText('Add to cart · $45.00');
  for (const w of [1280, 390]) {
    await shopper.setViewportSize({ width: w, height: 900 });
    await shopper.screenshot({ path: `test-results/screenshots/listing-size-prices-${w}.png`, fullPage: true });
  }
  await shopper.setViewportSize({ width: 1280, height: 900 });
  await shopper.getByRole('button', { name: /Add to cart/ }).click();
  await expect(shopper.getByText('Added to your cart.')).toBeVisible();
  await expect(shopper.getByTestId('cart-count').first()).toHaveText('1');
  await shopper.getByRole('radio', { name: '12x18' }).check({ force: true });
  await expect(shopper.getByRole('button', { name: /Add to cart/ })).toHaveText('Add to cart · $19.00');
  await shopper.getByRole('button', { name: /Add to cart/ }).click();
  // The first add's message is still shown: wait for the cart's own count instead.
  await expect(shopper.getByTestId('cart-count').first()).toHaveText('2');

  const lines = shopper.getByTestId('cart-line');
  await expect(async () => {
    await shopper.goto('/cart');
    await expect(lines).toHaveCount(2, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(lines.filter({ hasText: '24x36' })).toContainText('$45.00');
  await expect(lines.filter({ hasText: '12x18' })).toContainText('$19.00');
  await expect(shopper.getByTestId('preorder-label')).toHaveCount(0);
  await expect(shopper.getByTestId('shipping-estimate')).toContainText('business days');
  const form = checkoutForm(shopper);
  await form.locator('#checkout-email').fill(`sizes-buyer-${run}@example.com`);
  await form.locator('#checkout-country').selectOption('US');
  await form.locator('button[type="submit"]').click();
  // The hosted page lists the Stripe line items: each size at its own price.
  await shopper.waitForURL(/\/c\/pay\//, { timeout: 60_000 });
  const body = shopper.locator('body');
  await expect(body).toContainText('$45.00');
  await expect(body).toContainText('$19.00');
  await expect(body).toContainText('$64.00');
  await ctx.close();
});
