// The factory's HTTP API on the real store: an admin creates an API key in the admin console; a
// shopper's paid order becomes a ready job; the factory claims it and reports received, printed
// and shipped (with a tracking number and link) through /api/factory/v1; the shopper gets the
// shipped e-mail with the tracking link and the order page shows the tracking number.
import { expect, test } from '@playwright/test';
import { checkoutForm, payOnHostedPage, signIn } from './shopper';

const run = Date.now().toString(36);

test('shipped e-mail with the tracking link after the factory’s status call', async ({ page, browser }) => {
  test.setTimeout(480_000);
  const buyer = `api-ship-${run}@example.com`;
  const gen = await page.request.post('/api/generate', { data: { prompt: 'blue waves on white', seed: 21 }, timeout: 180_000 });
  expect(gen.ok()).toBeTruthy();
  const done = (await gen.text()).trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.type === 'done');
  await page.goto(`/products/mug?design=${done.designIds[0]}`);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByText(/added to your cart/i)).toBeVisible();
  await page.goto('/cart');
  const form = checkoutForm(page);
  await form.locator('#checkout-country').selectOption('US');
  await form.locator('#checkout-email').fill(buyer);
  await form.locator('button[type="submit"]').click();
  await payOnHostedPage(page);
  await page.waitForURL(/\/checkout\/success/);
  await expect(page.getByTestId('order-status')).toHaveText('Paid', { timeout: 30_000 });
  const orderPath = (await page.getByTestId('order-link').getAttribute('href'))!;
  const orderNumber = (await page.getByTestId('order-number').textContent())!.trim();

  // An admin makes a key for the factory; the key is shown once.
  const admin = await browser.newPage();
  await signIn(admin, 'admin@seedprint.local');
  await admin.goto('/admin/factories');
  await admin.getByLabel('Label').fill(`e2e ${run}`);
  await admin.getByRole('button', { name: 'Create key' }).click();
  const key = (await admin.getByTestId('secret-once').textContent())!.trim();
  expect(key).toMatch(/^spf_/);
  await admin.close();
  const auth = { authorization: `Bearer ${key}` };

  // The job turns ready once the worker has made its print files.
  let jobId = '';
  await expect(async () => {
    const res = await page.request.get('/api/factory/v1/jobs?status=ready&limit=100', { headers: auth });
    expect(res.status()).toBe(200);
    const jobs = (await res.json()).jobs as { id: string; orderNumber: string }[];
    jobId = jobs.find((j) => j.orderNumber === orderNumber)?.id ?? '';
    expect(jobId).not.toBe('');
  }).toPass({ timeout: 300_000, intervals: [3000] });

  const post = (path: string, data?: object) => page.request.post(`/api/factory/v1/jobs/${jobId}${path}`, { headers: auth, data });
  expect((await post('/claim')).status()).toBe(200);
  expect((await post('/status', { status: 'received' })).status()).toBe(200);
  expect((await post('/status', { status: 'printed' })).status()).toBe(200);
  const tracking = `1ZAPI${run}`.toUpperCase();
  const trackingUrl = `https://www.ups.com/track?tracknum=${tracking}`;
  // Shipped without a tracking number is refused with a clear 400.
  expect((await post('/status', { status: 'shipped' })).status()).toBe(400);
  const shipped = await post('/status', { status: 'shipped', carrier: 'UPS', trackingNumber: tracking, trackingUrl });
  expect(shipped.status()).toBe(200);

  await expect(async () => {
    await page.goto(`/dev/outbox?to=${encodeURIComponent(buyer)}`);
    await expect(page.getByText(`Your Seedprint order ${orderNumber} has shipped`)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator(`a[href="${trackingUrl}"]`).first()).toBeVisible();
  await page.goto(orderPath);
  await expect(page.getByTestId('order-status')).toHaveText('Shipped');
  await expect(page.getByTestId('tracking')).toContainText(tracking);
});
