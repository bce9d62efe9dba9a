// What the e2e specs do as a shopper or a staff member: the cart's checkout form, the local
// Stripe-compatible payment page, signing in through the dev outbox.
import { expect, type Locator, type Page } from '@playwright/test';

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
