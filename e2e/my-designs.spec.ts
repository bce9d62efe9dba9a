// "My designs" and share links in Chromium against the real store: a guest saves and chooses
// designs in the studio, finds them on /my-designs, reopens one in the studio, deletes one, signs
// in and keeps the rest, adds one to the cart from the list; another account sees none of them
// and cannot delete them; the share link opens for a signed-out visitor with the design on the
// product and an og:image that shows the design's colours. Screenshots at 1280 and 390 px in
// test-results/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { dominantColours, pngSize, shareOfColour } from './pixels';
import { signIn } from './shopper';

test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const owner = `designer-${run}@example.com`;
let sharedId = '';

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width}px must not scroll sideways`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const cards = (page: Page) => page.getByTestId('my-design');

test('my designs: a guest saves and chooses designs, reopens, deletes, signs in, adds to cart; others cannot touch them', async ({ page, browser }) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/my-designs');
  await expect(page.getByRole('heading', { name: 'No designs yet' })).toBeVisible();

  await page.goto('/design?product=tee');
  await page.getByLabel('Describe your pattern').fill('red hearts on navy');
  await page.getByRole('button', { name: 'Generate 4 designs' }).click();
  await expect(page.getByRole('heading', { name: 'Pick your favourite' })).toBeVisible({ timeout: 180_000 });
  const picks = page.locator('label:has(input[name="design"])');
  await picks.nth(0).click();
  await page.getByRole('button', { name: 'Save to My designs' }).click();
  await expect(page.getByText('Saved to My designs.')).toBeVisible();
  const first = await page.locator('input[name="design"]').nth(0).getAttribute('value');
  await picks.nth(1).click();
  await page.getByRole('button', { name: /Continue to/ }).click();
  await expect(page).toHaveURL(/\/products\/tee\?design=[0-9a-f]{64}/);
  const second = page.url().match(/design=([0-9a-f]{64})/)![1];
  expect(second).not.toBe(first);

  await page.goto('/my-designs');
  await expect(cards(page)).toHaveCount(2);
  await expect(cards(page).first()).toHaveAttribute('data-design-id', second); // newest first
  await expect(cards(page).first()).toContainText('“red hearts on navy”');
  await expect(cards(page).first()).toContainText('for the');
  await shoot(page, 'my-designs');

  // Open in studio: the design is the chosen one, with the shopper's words in the prompt box.
  await cards(page).nth(1).getByRole('link', { name: 'Open in studio' }).click();
  await expect(page).toHaveURL(new RegExp(`/design\\?design=${first}`));
  await expect(page.getByRole('heading', { name: 'Your design' })).toBeVisible();
  await expect(page.getByLabel('Describe your pattern')).toHaveValue('red hearts on navy');
  await expect(page.locator('input[name="design"]')).toBeChecked();
  await shoot(page, 'studio-reopened');

  // Delete asks first, then the list no longer has it.
  await page.goto('/my-designs');
  const card = page.locator(`[data-design-id="${first}"]`);
  await card.getByRole('button', { name: /^Delete/ }).click();
  await expect(card).toContainText('Orders with it are not affected');
  await card.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(cards(page)).toHaveCount(1);
  await page.reload();
  await expect(cards(page)).toHaveCount(1);

  // Signing in keeps the guest's designs, now in the account.
  await signIn(page, owner);
  await page.goto('/my-designs');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toHaveAttribute('data-design-id', second);
  await expect(page.getByText('Every design you chose or added to your cart')).toBeVisible();

  // Add to cart from the list: the product page of the design, a size, the cart.
  await cards(page).first().getByRole('link', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(new RegExp(`/products/tee\\?design=${second}`));
  await page.getByRole('group', { name: 'Size' }).getByText('M', { exact: true }).click();
  await expect(page.getByAltText('Your pattern tile')).toBeVisible();
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByText(/added to your cart/i)).toBeVisible();
  await expect(page.getByTestId('cart-count')).toHaveText('1');

  // Another account lists none of them and cannot delete them.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, `other-${run}@example.com`);
  await otherPage.goto('/my-designs');
  await expect(otherPage.getByRole('heading', { name: 'No designs yet' })).toBeVisible();
  const listed = await (await otherPage.request.get('/api/my-designs')).json();
  expect(listed.designs).toEqual([]);
  const del = await otherPage.request.delete(`/api/my-designs/${second}`);
  expect(del.status()).toBe(200);
  expect(await del.json()).toEqual({ removed: false });
  const bad = await otherPage.request.delete(`/api/my-designs/${'f'.repeat(64)}`);
  expect(bad.status()).toBe(404);
  expect((await bad.json()).error.message).toMatch(/No design with that id/);
  await other.close();
  await page.goto('/my-designs');
  await expect(cards(page)).toHaveCount(1);
  sharedId = second;
});

test('share link opens for a signed-out visitor, with the design on the product and a real og:image', async ({ page, browser, context }) => {
  test.setTimeout(240_000);
  expect(sharedId).toMatch(/^[0-9a-f]{64}$/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, owner);
  await page.goto('/my-designs');
  await page.locator(`[data-design-id="${sharedId}"]`).getByRole('button', { name: /^Share/ }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`/d/${sharedId}$`));

  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  await v.setViewportSize({ width: 1280, height: 900 });
  const res = await v.goto(new URL(link).pathname);
  expect(res?.status()).toBe(200);
  await expect(v.getByRole('heading', { level: 1 })).toHaveText('“red hearts on navy”');
  const mockup = v.getByTestId('share-mockup');
  await expect(mockup).toHaveJSProperty('complete', true, { timeout: 60_000 });
  expect(await mockup.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const html = await v.content();
  expect(html).not.toContain(owner); // the owner is never shown
  await expect(v.locator('meta[property="og:title"]')).toHaveAttribute('content', '“red hearts on navy”: a Seedprint pattern');

  // og:image: a 1200×630 PNG whose product half shows the design's own dominant colours.
  const ogUrl = (await v.locator('meta[property="og:image"]').getAttribute('content'))!;
  expect(ogUrl).toMatch(new RegExp(`/d/${sharedId}/opengraph-image`));
  const og = await v.request.get(ogUrl);
  expect(og.status()).toBe(200);
  expect(og.headers()['content-type']).toBe('image/png');
  const png = await og.body();
  expect(await pngSize(png)).toEqual({ width: 1200, height: 630 });
  const tile = await (await v.request.get(`/r/${sharedId}.png`)).body();
  for (const c of await dominantColours(tile, 2)) {
    // The tee prints a chest rectangle, about a sixth of the card's mockup half; each colour is a visible part of it.
    expect(await shareOfColour(png, c.rgb, 50, { left: 620, top: 0, width: 580, height: 630 }), `colour ${c.rgb}`).toBeGreaterThan(0.005);
  }
  await shoot(v, 'share-page');

  // The visitor can take it to a product.
  await v.getByRole('link', { name: /Get it on a/ }).click();
  await expect(v).toHaveURL(new RegExp(`/products/tee\\?design=${sharedId}`));

  // A bad or deleted link is a 404 with a message.
  const missing = await v.goto(`/d/${'f'.repeat(64)}`);
  expect(missing?.status()).toBe(404);
  await expect(v.getByRole('heading', { name: 'This design link does not work' })).toBeVisible();
  await shoot(v, 'share-missing');
  await visitor.close();
});
