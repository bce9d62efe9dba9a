// What the e2e specs do as a shopper or a staff member: the cart's checkout form, the local
// Stripe-compatible payment page, signing in through the dev outbox.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** The cart's checkout form, the visible one: while the streamed cart page is swapped in, a
 *  hidden second copy can briefly exist, and strict-mode locators would fail on it. */
export function checkoutForm(page: Page): Locator {
  return page.locator('form[aria-labelledby="summary-heading"]').filter({ visible: true });
}

/** Fills the test-mode hosted payment page (the local Stripe-compatible server) and pays with `card`. */
export async function payOnHostedPage(page: Page, card = '4242 4242 4242 4242', timeout = 60_000) {
  await page.waitForURL(/\/c\/pay\//, { timeout });
  await expect(page.getByText(/test mode/i).first()).toBeVisible();
  await page.locator('#f-name').fill('Ada Shopper');
  await page.locator('#f-line1').fill('1 Main St');
  await page.locator('#f-city').fill('Springfield');
  await page.locator('#f-postal_code').fill('12345');
  await page.locator('#f-country').selectOption('US');
  await page.locator('#f-card').fill(card);
  await page.locator('#f-exp').fill('12 / 34');
  await page.locator('#f-cvc').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** Signs in with the magic link the dev outbox shows (test mode). */
export async function signIn(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('E-mail address').press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  const href = await page.locator('a[href*="/api/auth/callback/"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  await page.goto(href!);
  await expect(page).not.toHaveURL(/signin/);
}

/** Makes one design through the studio's generation API (as the page's visitor); returns its id. */
export async function generateDesign(request: APIRequestContext, prompt: string, seed: number): Promise<string> {
  const res = await request.post('/api/generate', { data: { prompt, seed }, timeout: 180_000 });
  expect(res.ok()).toBeTruthy();
  const done = (await res.text()).trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.type === 'done');
  expect(done?.designIds?.length).toBeGreaterThan(0);
  return done.designIds[0];
}

/** A guest buys one `product` with `designId` (shipping to the US) and pays with the test card;
 *  returns the signed order link and the order number from the success page. */
export async function buyAsGuest(page: Page, product: string, designId: string, email: string) {
  await page.goto(`/products/${product}?design=${designId}`);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByText(/added to your cart/i)).toBeVisible();
  await page.goto('/cart');
  const form = checkoutForm(page);
  await form.locator('#checkout-country').selectOption('US');
  await form.locator('#checkout-email').fill(email);
  await form.locator('button[type="submit"]').click();
  await payOnHostedPage(page);
  await page.waitForURL(/\/checkout\/success/);
  await expect(page.getByTestId('order-status')).toHaveText('Paid', { timeout: 30_000 });
  const orderPath = (await page.getByTestId('order-link').getAttribute('href'))!;
  const orderNumber = (await page.getByTestId('order-number').textContent())!.trim();
  return { orderPath, orderNumber };
}
