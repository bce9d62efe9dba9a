// Try-on end to end, in Chromium against the real store (npm start on a fresh data dir):
// make a design, see it on the store's model, upload photos (one usable, one not), watch
// the personal gallery appear, then "Delete my photos" and check the files are gone from
// blob storage.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';

const DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? '.tmp/e2e-data');
const ASTRONAUT = path.resolve('tests/tryon/astronaut.png');

function blobFiles(): Set<string> {
  const root = path.join(DATA_DIR, 'blobs');
  const out = new Set<string>();
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'refs' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.add(e.name);
    }
  };
  walk(root);
  return out;
}

test('try-on: model gallery, upload, personal gallery, delete my photos', async ({ page, request }) => {
  test.setTimeout(300_000);

  // a design, made the way the studio makes one
  const gen = await request.post('/api/generate', { data: { prompt: 'yellow dots on teal', seed: 42, steps: 4 } });
  expect(gen.ok()).toBe(true);
  const events = (await gen.text()).trim().split('\n').map((l) => JSON.parse(l));
  const done = events.find((e) => e.type === 'done');
  expect(done?.designIds?.length).toBeGreaterThan(0);
  const designId: string = done.designIds[0];

  await page.goto(`/try-on?design=${designId}&product=hoodie`);
  await expect(page.getByRole('heading', { name: /Try on your hoodie/ })).toBeVisible();

  // the store's model wears the design
  const modelImg = page.getByTestId('model-gallery').locator('img').first();
  await expect(modelImg).toHaveAttribute('alt', /wearing the hoodie/);
  await expect.poll(async () => modelImg.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 120_000 }).toBeGreaterThan(0);

  // uploads need consent
  const fileInput = page.locator('input[type=file]');
  await expect(fileInput).toBeDisabled();
  await page.getByLabel(/These are photos of me/).check();
  await expect(fileInput).toBeEnabled();

  const before = blobFiles();
  // a picture no other spec uploads, so the new blobs counted below are this test's alone
  const me = await sharp(ASTRONAUT).modulate({ brightness: 1.02 }).jpeg({ quality: 90 }).toBuffer();
  const field = await sharp({ create: { width: 640, height: 420, channels: 3, background: '#7fb2e5' } }).jpeg().toBuffer();
  await fileInput.setInputFiles([
    { name: 'me.png', mimeType: 'image/png', buffer: me }, // really a JPEG: accepted by content
    { name: 'field.jpg', mimeType: 'image/jpeg', buffer: field },
    { name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
  ]);

  // per-photo results: the SVG is refused at upload, the field has nobody in it
  const list = page.getByTestId('photo-list');
  await expect(list.getByText(/SVG files are not accepted/)).toBeVisible({ timeout: 60_000 });
  await expect(list.getByText(/could not find a person/)).toBeVisible({ timeout: 180_000 });

  // the personal gallery appears with the lighting and scene variants
  const gallery = page.getByTestId('personal-gallery');
  await expect(gallery.locator('img')).toHaveCount(7, { timeout: 180_000 });
  const first = gallery.locator('img').first();
  await expect(first).toHaveAttribute('alt', /You wearing the hoodie/);
  await expect.poll(async () => first.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const renderUrl = (await first.getAttribute('src'))!;
  expect(renderUrl).toMatch(/\/api\/tryon\/files\/render\/.+\?exp=\d+&sig=/);
  expect((await request.get(renderUrl)).status()).toBe(200);

  const added = [...blobFiles()].filter((k) => !before.has(k));
  expect(added.length).toBeGreaterThanOrEqual(9); // 2 photos + 7 renders (+ design previews)

  // delete my photos: gone from the page, from the API and from storage
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete my photos' }).click();
  await expect(page.getByText('Your photos and try-on pictures were deleted.')).toBeVisible();
  await expect(page.getByTestId('personal-gallery')).toHaveCount(0);
  expect((await request.get(renderUrl)).status()).toBe(404);
  const after = blobFiles();
  const tryonLeft = added.filter((k) => after.has(k));
  // what remains of the new blobs can only be the design's own previews, never a photo or render
  for (const k of tryonLeft) {
    const buf = fs.readFileSync(path.join(DATA_DIR, 'blobs', k.slice(0, 2), k.slice(2, 4), k));
    expect(buf.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), `a JPEG blob survived: ${k}`).toBe(false);
  }
  await page.reload();
  await expect(page.getByTestId('photo-list')).toHaveCount(0);
});
