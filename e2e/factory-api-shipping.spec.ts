// The factory's HTTP API on the real store: an admin creates an API key in the admin console; a
// shopper's paid order becomes a ready job; the factory claims it and reports received, printed
// and shipped (with a tracking number and link) through /api/factory/v1; the shopper gets the
// shipped e-mail with the tracking link and the order page shows the tracking number.
import { expect, test } from '@playwright/test';
import { buyAsGuest, generateDesign, signIn } from './shopper';

const run = Date.now().toString(36);

test('shipped e-mail with the tracking link after the factory’s status call', async ({ page, browser }) => {
  test.setTimeout(480_000);
  const buyer = `api-ship-${run}@example.com`;
  const designId = await generateDesign(page.request, 'blue waves on white', 21);
  const { orderPath, orderNumber } = await buyAsGuest(page, 'mug', designId, buyer);

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
