import type { Locator, Page } from '@playwright/test';

/** The cart's checkout form, the visible one: while the streamed cart page is swapped in, a
 *  hidden second copy can briefly exist, and strict-mode locators would fail on it. */
export function checkoutForm(page: Page): Locator {
  return page.locator('form[aria-labelledby="summary-heading"]').filter({ visible: true });
}
