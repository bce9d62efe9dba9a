// A purchase with the keyboard only, on the real store: Tab / Shift+Tab to move, Enter and Space
// to press, arrow keys in radio groups, typing in fields; no mouse and no locator clicks. Every
// element the focus lands on must show a visible focus indicator (an outline or a ring on it or
// on the label that wraps it). Screenshots of focused states go to test-results/screenshots/.
import { expect, test, type Locator, type Page } from '@playwright/test';

const run = Date.now().toString(36);

/** Whether the focused element shows focus: an outline or a ring (a solid box-shadow with a
 *  spread) on it, or, for a visually hidden control, on the label that wraps it or the element
 *  drawn next to it (Tailwind's peer pattern), or a ring on the card around it. Drop shadows
 *  alone do not count. */
function focusShown(page: Page): Promise<{ ok: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: true, what: 'body' };
    const ring = (shadow: string) =>
      shadow
        .split(/,(?![^(]*\))/)
        .map((seg) => seg.trim().match(/^rgba?\(([^)]*)\) 0px 0px 0px ([\d.]+)px/))
        .some((m) => m && parseFloat(m[2]) >= 1 && (m[1].split(',')[3] === undefined || parseFloat(m[1].split(',')[3]) > 0.3));
    const marked = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || ring(s.boxShadow);
    };
    const r = el.getBoundingClientRect();
    const hidden = r.width <= 2 || r.height <= 2;
    // A card whose whole area is the link shows its ring on the card (focus-within).
    const ringed = [el.parentElement, el.parentElement?.parentElement, el.parentElement?.parentElement?.parentElement].some((a) => a?.matches(':focus-within') && ring(getComputedStyle(a).boxShadow));
    const ok = (!hidden && marked(el)) || marked(el.closest('label')) || (hidden && marked(el.nextElementSibling)) || ringed;
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`;
    return { ok, what };
  });
}

const unmarked: string[] = [];

/** Presses Tab (or Shift+Tab) until one of `target`'s elements has the focus; checks each stop shows its focus. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    let shown = await focusShown(page);
    // Rings fade in (CSS transitions): look again once they have settled.
    if (!shown.ok) shown = await page.waitForTimeout(400).then(() => focusShown(page));
    if (!shown.ok) unmarked.push(`${new URL(page.url()).pathname}: ${shown.what}`);
    if (await target.evaluateAll((els) => els.some((e) => e === document.activeElement))) return;
  }
  throw new Error(`${target} not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses on ${page.url()}`);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/keyboard-${name}.png` });
}

test('keyboard only: pick a product, generate, choose a design, add to cart, check out, pay, see the order', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');

  // Home → the tee's product page.
  const tee = page.locator('#shop a[href="/products/tee"]').first();
  await tabTo(page, tee);
  await shoot(page, 'home-product-link');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/products\/tee$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pattern Tee');

  // Product → studio.
  await tabTo(page, page.getByRole('link', { name: 'Design your pattern' }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/design\?product=tee/);

  // Studio: describe, generate, pick the second design with the arrow keys, continue.
  const prompt = page.getByLabel('Describe your pattern');
  await tabTo(page, prompt);
  await page.keyboard.type('red hearts on navy');
  await page.keyboard.press('Escape'); // closes the suggestions
  await tabTo(page, page.getByRole('button', { name: 'Generate 4 designs' }));
  await shoot(page, 'studio-generate');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pick your favourite' })).toBeVisible({ timeout: 180_000 });
  const designs = page.locator('input[name="design"]');
  await expect(designs).toHaveCount(4);
  await expect(designs.first()).toBeEnabled({ timeout: 180_000 });
  await tabTo(page, designs);
  await page.keyboard.press('Space');
  await expect(designs.first()).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(designs.nth(1)).toBeChecked();
  await shoot(page, 'studio-design-chosen');
  await tabTo(page, page.getByRole('button', { name: /Continue to/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/products\/tee\?design=[0-9a-f]{64}/);
  await expect(page.getByAltText('Your pattern tile')).toBeVisible();

  // Product with the design: size M with the arrow keys, then add to cart.
  const sizes = page.getByRole('group', { name: 'Size' }).getByRole('radio');
  await tabTo(page, sizes); // a radio group is one tab stop
  const focusedSize = async () => page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  for (let i = 0; i < 8 && (await focusedSize()) !== 'M'; i++) await page.keyboard.press('ArrowRight');
  expect(await focusedSize()).toBe('M');
  await shoot(page, 'product-size');
  await tabTo(page, page.getByTestId('add-to-cart'));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/added to your cart/i)).toBeVisible();

  // Back up to the header's cart link with Shift+Tab.
  await tabTo(page, page.getByRole('link', { name: /cart/i }).first(), { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toContainText('M');

  // Cart: country and e-mail, then check out.
  const form = page.locator('form[aria-labelledby="summary-heading"]').filter({ visible: true });
  const country = form.locator('#checkout-country');
  await tabTo(page, country);
  await page.keyboard.type('United States');
  await expect(country).toHaveValue('US');
  await expect(form.getByTestId('shipping-estimate')).toContainText('$4.99');
  await tabTo(page, form.locator('#checkout-email'));
  await page.keyboard.type(`keys-${run}@example.com`);
  await shoot(page, 'cart-email');
  await tabTo(page, form.locator('button[type="submit"]'));
  await page.keyboard.press('Enter');

  // The local Stripe-compatible payment page.
  await page.waitForURL(/\/c\/pay\//, { timeout: 60_000 });
  const fields: [string, string][] = [
    ['#f-name', 'Ada Keyboard'],
    ['#f-line1', '1 Main St'],
    ['#f-city', 'Springfield'],
    ['#f-postal_code', '12345'],
    ['#f-country', 'United States'],
    ['#f-card', '4242 4242 4242 4242'],
    ['#f-exp', '12 / 34'],
    ['#f-cvc', '123'],
  ];
  for (const [sel, text] of fields) {
    await tabTo(page, page.locator(sel));
    await page.keyboard.type(text);
  }
  await expect(page.locator('#f-country')).toHaveValue('US');
  await tabTo(page, page.getByRole('button', { name: /^Pay / }));
  await shoot(page, 'pay-button');
  await page.keyboard.press('Enter');

  // Paid: the success page links to the order page.
  await page.waitForURL(/\/checkout\/success/, { timeout: 60_000 });
  await expect(page.getByTestId('order-status')).toHaveText('Paid', { timeout: 30_000 });
  await tabTo(page, page.getByTestId('order-link'));
  await shoot(page, 'order-link');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\/ord_[0-9a-f]+\?t=/);
  await expect(page.getByTestId('order-item')).toHaveCount(1);
  await shoot(page, 'order-page');

  expect(unmarked, `focus not visible on:\n${unmarked.join('\n')}`).toEqual([]);
});
