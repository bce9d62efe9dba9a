// One-click try-on in Chromium against the real store: product page → "See it on our model"
// (the gallery shows the design, checked by pixels) → "Try it on me" → upload a photo → switch
// to a second product and see the same photo reused, rendered for it without a new upload.
// Also the admin page for the shop's own models (upload with a model release). Screenshots at
// 1280 and 390 px land in test-results/tryon-shots.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { dominantColours, shareOfColour } from './pixels';
import { signIn } from './shopper';

const SHOTS = path.resolve('test-results/tryon-shots');
const PHOTO = path.resolve('tests/tryon/astronaut.png');
const MANNEQUIN = path.resolve('public/tryon/models/mannequin.png');

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const loaded = (page: Page, sel: string) =>
  expect.poll(async () => page.locator(sel).first().evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 120_000 }).toBeGreaterThan(0);

test('one-click try-on: product → model gallery → my photos, reused on a second product', async ({ page, request }) => {
  test.setTimeout(420_000);
  const gen = await request.post('/api/generate', { data: { prompt: 'yellow dots on teal', seed: 42, steps: 4 } });
  expect(gen.ok()).toBe(true);
  const done = (await gen.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .find((e) => e.type === 'done');
  const designId: string = done.designIds[0];
  const tile = Buffer.from(await (await request.get(`/r/${designId}.png`)).body());
  // The design's two main colours (ground and motif): together they cover the garment however
  // large the motifs are drawn.
  const designColours = (await dominantColours(tile, 2)).map((c) => c.rgb);
  const designShare = async (png: Buffer) => {
    const small = await sharp(png).resize(384).png().toBuffer();
    let share = 0;
    for (const rgb of designColours) share += await shareOfColour(small, rgb, 45);
    return share;
  };

  // the product page: one click opens the gallery of our model wearing this design on this product
  await page.goto(`/products/hoodie?design=${designId}`);
  const open = page.getByRole('button', { name: 'See it on our model' });
  await expect(open).toBeVisible();
  await shot(page, 'product-control');
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Your design on our model' });
  await expect(dialog).toBeVisible();
  // the built-in model (the shop's own uploads, if any, come before it)
  const img = dialog.locator('img[src*="/mannequin-photo.jpg"]');
  await expect(img).toHaveAttribute('alt', /wearing the .*hoodie with your design — as photographed/);
  await loaded(page, 'dialog img[src*="/mannequin-photo.jpg"]');
  const src = (await img.getAttribute('src'))!;
  expect(src).toContain(`/api/tryon/site/${designId}/hoodie/mannequin-photo.jpg`);
  const jpg = Buffer.from(await (await request.get(src)).body());
  const worn = await designShare(jpg);
  const bare = await designShare(fs.readFileSync(MANNEQUIN));
  expect(worn, `design colours ${designColours.join(' / ')} on the model`).toBeGreaterThan(bare + 0.06);
  await shot(page, 'model-gallery');

  // "Try it on me": the shopper's photos with the design and product chosen
  await dialog.getByRole('link', { name: 'Try it on me' }).click();
  await expect(page).toHaveURL(new RegExp(`/try-on\\?design=${designId}&product=hoodie`));
  await expect(page.getByRole('heading', { name: /Try on your .*hoodie/ })).toBeVisible();
  await page.getByLabel(/These are photos of me/).check();
  const me = await sharp(PHOTO).jpeg({ quality: 90 }).toBuffer();
  await page.locator('input[type=file]').setInputFiles([{ name: 'me.jpg', mimeType: 'image/jpeg', buffer: me }]);
  const gallery = page.getByTestId('personal-gallery');
  await expect(gallery.locator('img')).toHaveCount(7, { timeout: 240_000 });
  await expect(gallery.locator('img').first()).toHaveAttribute('alt', /You wearing the .*hoodie/);

  // a second product: the same photo, no upload, rendered for the tee
  await page.goto(`/products/tee?design=${designId}`);
  await page.getByRole('button', { name: 'See it on our model' }).click();
  await page.getByRole('dialog', { name: 'Your design on our model' }).getByRole('link', { name: 'Try it on me' }).click();
  await expect(page.getByRole('heading', { name: /Try on your .*tee/ })).toBeVisible();
  const rows = page.getByTestId('photo-list').locator('li[data-photo-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('me.jpg');
  await expect(gallery.locator('img')).toHaveCount(7, { timeout: 240_000 });
  const teeImg = gallery.locator('img').first();
  await expect(teeImg).toHaveAttribute('alt', /You wearing the .*tee/);
  const teeJpg = Buffer.from(await (await page.request.get((await teeImg.getAttribute('src'))!)).body());
  const onMe = await designShare(teeJpg);
  const meBare = await designShare(me);
  expect(onMe, 'the design on my reused photo').toBeGreaterThan(meBare + 0.04);
  await shot(page, 'tryon-reused');
});

test('admin: the shop uploads a model photo with its model release', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@seedprint.local');
  await page.goto('/admin/models');
  await expect(page.getByRole('heading', { name: 'Try-on models' })).toBeVisible();
  const form = page.getByTestId('site-model-form');
  await form.getByLabel(/^Photo/).setInputFiles({ name: 'ana.jpg', mimeType: 'image/jpeg', buffer: await sharp(PHOTO).jpeg().toBuffer() });
  await form.getByLabel('Shown as (alt text)').fill('Our model Eileen');
  await form.getByLabel(/Signed by/).fill('Eileen Example');
  await form.getByLabel('Signed on').fill('2026-11-02');
  // the release box is required: the browser does not send the form without it
  await form.getByRole('button', { name: 'Add to the gallery' }).click();
  await expect(page.getByTestId('site-model-list').locator('li[data-model-id]')).toHaveCount(0);
  await form.getByLabel(/I confirm that this person signed a model release/).check();
  await form.getByRole('button', { name: 'Add to the gallery' }).click();
  await expect(page.getByText('Our model Eileen is in the gallery now.')).toBeVisible({ timeout: 90_000 });
  const item = page.getByTestId('site-model-list').locator('li[data-model-id]');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Eileen Example');
  await loaded(page, 'li[data-model-id] img');
  await shot(page, 'admin-models');
});
