// A shop's own photo as a mockup template: saved under DATA_DIR, found by name, and the
// pattern lands inside the given corners only.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderMockup, resolveTemplate, saveUploadedTemplate } from '../../lib/mockup';

const grey = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#c8c8c8' } }).jpeg().toBuffer();
const red = () => sharp({ create: { width: 32, height: 32, channels: 3, background: '#ff0000' } }).png().toBuffer();

describe('uploaded photo templates', () => {
  it('maps the pattern into the quad of an uploaded photo', async () => {
    const t = await saveUploadedTemplate(
      { product: 'tote', view: 'shop-photo', printArea: { name: 'front', widthIn: 15, heightIn: 16 }, quad: [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75]] },
      await grey(800, 600),
    );
    expect(resolveTemplate('tote', 'shop-photo')?.dir).toBe(t.dir);
    const png = await renderMockup({ product: 'tote', view: 'shop-photo', variantColorHex: 'ffffff', tile: await red(), repeatIn: 4, size: 512 });
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const px = (fx: number, fy: number) => {
      const i = (Math.round(fy * (info.height - 1)) * info.width + Math.round(fx * (info.width - 1))) * 3;
      return [data[i], data[i + 1], data[i + 2]];
    };
    const [r, g] = px(0.5, 0.5);
    expect(r).toBeGreaterThan(g + 60); // red pattern inside the quad (shaded by the photo)
    const [r2, g2, b2] = px(0.05, 0.05);
    expect(Math.abs(r2 - g2)).toBeLessThan(12); // outside: the grey photo untouched
    expect(Math.abs(g2 - b2)).toBeLessThan(12);
  });

  it('refuses bad input with clear 400s', async () => {
    const quad = [[0, 0], [1, 0], [1, 1], [0, 1]];
    await expect(saveUploadedTemplate({ product: 'tote', view: 'Bad View!', printArea: { name: 'front', widthIn: 1, heightIn: 1 }, quad }, await grey(10, 10))).rejects.toMatchObject({ status: 400 });
    await expect(saveUploadedTemplate({ product: 'tote', view: 'ok-view', printArea: { name: 'front', widthIn: 1, heightIn: 1 }, quad }, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).rejects.toMatchObject({ status: 400 });
  });
});
