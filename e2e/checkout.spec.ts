// The foundation, end to end on the real store (npm start, embedded PostgreSQL, the local
// Stripe-compatible server): design in the studio → product → cart → pay with the test card →
// webhook → order paid; a replayed webhook changes nothing; a declined card leaves no paid
// order; then the worker makes the print files, the factory console downloads them and marks
// the job shipped, and the shopper sees the tracking number.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { matchPreview } from '../lib/print';
import { checkoutForm, payOnHostedPage, signIn } from './shopper';

test.describe.configure({ mode: 'serial' });

const STRIPE = `http://127.0.0.1:${process.env.E2E_STRIPE_PORT ?? 12191}`;
const stripeAuth = { authorization: 'Bearer sk_test_local' };
const run = Date.now().toString(36);
const buyer = `buyer-${run}@example.com`;
let orderPath = '';
let orderNumber = '';
let designId = '';

async function checkoutFromCart(page: Page, email: string) {
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  const form = checkoutForm(page);
  await form.locator('#checkout-country').selectOption('US');
  await expect(form.getByTestId('shipping-estimate')).toContainText('$4.99');
  await form.locator('#checkout-email').fill(email);
  await form.locator('button[type="submit"]').click();
}

test('design → cart → pay with the test card → the order is paid, once', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/test mode/i).first()).toBeVisible();
  // The product page is the same HTML for everyone: served from the ISR cache, no cookies read.
  const first = await page.request.get('/products/tee');
  const again = await page.request.get('/products/tee');
  expect(again.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await again.text()).toBe(await first.text());
  await page.goto('/products/tee');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tee');
  await expect(page.getByTestId('cart-count')).toHaveText('0');
  await page.getByRole('link', { name: /Design your pattern/ }).first().click();
  await expect(page).toHaveURL(/\/design\?product=tee/);

  await page.getByLabel('Describe your pattern').fill('red hearts on navy');
  await page.getByRole('button', { name: 'Generate 4 designs' }).click();
  await expect(page.getByRole('heading', { name: 'Pick your favourite' })).toBeVisible({ timeout: 180_000 });
  await page.locator('label:has(input[name="design"])').first().click();
  await expect(page.locator('input[name="design"]').first()).toBeChecked();
  await page.getByRole('button', { name: /Continue to/ }).click();
  await expect(page).toHaveURL(/\/products\/tee\?design=[0-9a-f]{64}/);
  designId = page.url().match(/design=([0-9a-f]{64})/)![1];

  await page.getByRole('group', { name: 'Size' }).getByText('M', { exact: true }).click();
  await expect(page.getByAltText('Your pattern tile')).toBeVisible(); // ?design= read in the browser
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByText(/added to your cart/i)).toBeVisible();
  await expect(page.getByTestId('cart-count')).toHaveText('1'); // header count from /api/session
  await page.reload();
  await expect(page.getByTestId('cart-count')).toHaveText('1');

  await checkoutFromCart(page, buyer);
  await payOnHostedPage(page, '4242 4242 4242 4242');
  await page.waitForURL(/\/checkout\/success/);
  await expect(page.getByTestId('order-status')).toHaveText('Paid', { timeout: 30_000 });
  await expect(page.getByTestId('cart-count')).toHaveText('0'); // the paid lines left the cart, and the badge says so
  orderPath = (await page.getByTestId('order-link').getAttribute('href'))!;
  orderNumber = (await page.getByTestId('order-number').textContent())!.trim();
  expect(orderPath).toMatch(/^\/orders\/ord_[0-9a-f]+\?t=/);

  // Replay every event Stripe sent: the order, its history and its e-mail stay as they were.
  const events = (await (await page.request.get(`${STRIPE}/v1/events?limit=100`, { headers: stripeAuth })).json()).data as { id: string }[];
  expect(events.length).toBeGreaterThan(2);
  for (const e of events) {
    const r = await page.request.post(`${STRIPE}/_test/events/${e.id}/resend`, { headers: stripeAuth });
    expect(r.ok()).toBeTruthy();
  }
  await page.goto(orderPath);
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  await expect(page.getByText('Payment received')).toHaveCount(1);
  await page.goto(`/dev/outbox?to=${encodeURIComponent(buyer)}`);
  await expect(page.getByText(/Your Seedprint order SP-/)).toHaveCount(1);
  // The guest link is signed: a wrong token is a 404.
  const forged = await page.request.get(orderPath.replace(/t=[^&]+/, 't=forged'));
  expect(forged.status()).toBe(404);
});

test('a declined card leaves no paid order', async ({ page }) => {
  const gen = await page.request.post('/api/generate', { data: { prompt: 'small white dots on black', seed: 99 }, timeout: 180_000 });
  expect(gen.ok()).toBeTruthy();
  const done = (await gen.text()).trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.type === 'done');
  await page.goto(`/products/mug?design=${done.designIds[0]}`);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByText(/added to your cart/i)).toBeVisible();
  await checkoutFromCart(page, `declined-${run}@example.com`);
  await payOnHostedPage(page, '4000 0000 0000 0002');
  await expect(page.getByText(/declined/i).first()).toBeVisible();
  await expect(page).toHaveURL(/\/c\/pay\//);
  const sessionId = page.url().match(/cs_test_[A-Za-z0-9]+/)![0];
  await page.goto(`/checkout/success?session_id=${sessionId}`);
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting payment');
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1); // kept for another try
});

test('the worker makes the print files; the factory downloads them and ships; the shopper sees tracking', async ({ page, browser }) => {
  test.setTimeout(300_000);
  expect(orderPath).not.toBe('');
  expect(orderNumber).toMatch(/^SP-/);
  const factory = await browser.newPage();
  await signIn(factory, 'factory@seedprint.local');
  // Other specs' orders may be in the console too: act on this order's job only.
  const job = factory.getByTestId('factory-job').filter({ hasText: `Order ${orderNumber}` });
  await expect(async () => {
    await factory.goto('/factory');
    await expect(job.getByRole('button', { name: 'Claim job' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 240_000, intervals: [2000] });
  await job.getByRole('button', { name: 'Claim job' }).click();
  // The claimed job moves to "In production" with its download links.
  await expect(job.getByRole('button', { name: 'Mark received' })).toBeVisible();
  const download = factory.waitForEvent('download');
  await job.getByRole('link', { name: 'Download front' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-front\.png$/);
  // The downloaded file is the design the shopper picked: its first 4 in repeat is the preview.
  const preview = Buffer.from(await (await factory.request.get(`/r/${designId}.png`)).body());
  const match = await matchPreview(fs.readFileSync((await file.path())!), preview, { left: 0, top: 0, sizePx: 4 * 300 });
  expect(match, JSON.stringify(match)).toMatchObject({ ok: true });
  await expect(job.getByRole('img', { name: 'Print file for the front' })).toBeVisible();
  await expect(job.getByLabel('Ship to')).toContainText('1 Main St');
  await expect(job.getByText('Preflight passed').first()).toBeVisible();
  for (const width of [1280, 390]) {
    await factory.setViewportSize({ width, height: 900 });
    expect(await factory.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await factory.screenshot({ path: `test-results/screenshots/factory-console-${width}.png`, fullPage: true });
  }
  await factory.setViewportSize({ width: 1280, height: 900 });
  await job.getByRole('button', { name: 'Mark received' }).click();
  await expect(job.getByRole('button', { name: 'Mark printed' })).toBeVisible();
  await job.getByRole('button', { name: 'Mark printed' }).click();
  await expect(job.getByLabel('Tracking number')).toBeVisible();
  await job.getByLabel('Tracking number').fill('1Z-E2E-123');
  await job.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(job.getByRole('button', { name: 'Mark delivered' })).toBeVisible();

  await page.goto(orderPath);
  await expect(page.getByTestId('order-status')).toHaveText('Shipped');
  await expect(page.getByText('1Z-E2E-123').first()).toBeVisible();
});

test('every page carries the security headers: cached pages from next.config, the others from the proxy', async ({ page }) => {
  for (const path of ['/', '/products/tee', '/cart', '/products']) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['strict-transport-security'], path).toBeUndefined();
    // Cached pages have no per-request nonce; the others do.
    expect(/'nonce-/.test(h['content-security-policy']), path).toBe(!['/', '/products/tee'].includes(path));
    const https = (await page.request.get(path, { headers: { 'x-forwarded-proto': 'https' } })).headers();
    expect(https['strict-transport-security'], path).toMatch(/^max-age=\d{7,}/);
  }
});
