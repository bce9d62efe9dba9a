// Upload intake: content sniffing, bombs, truncation, polyglots, SVG/HEIC, limits, and
// metadata (EXIF, GPS) stripped with orientation applied.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { acceptPhoto, MAX_PHOTO_BYTES, sniff, UploadError } from '../../lib/tryon/upload';
import { astronautJpeg, astronautPng, HEIC, jpegHtmlPolyglot, jpegWithGps, jpegZipPolyglot, pngBomb, SVG } from './fixtures';

async function refused(buf: Buffer): Promise<UploadError> {
  try {
    await acceptPhoto(buf);
  } catch (err) {
    expect(err).toBeInstanceOf(UploadError);
    return err as UploadError;
  }
  throw new Error('expected the photo to be refused');
}

describe('acceptPhoto', () => {
  it('accepts JPEG, PNG and WebP by content and re-encodes them as JPEG', async () => {
    const webp = await sharp(astronautPng()).webp().toBuffer();
    for (const buf of [await astronautJpeg(), astronautPng(), webp]) {
      const r = await acceptPhoto(buf);
      expect(sniff(r.jpeg)).toBe('jpeg');
      expect([r.width, r.height]).toEqual([512, 512]);
    }
    expect(sniff(webp)).toBe('webp');
  });

  it('refuses a decompression bomb from its header, before decoding (413)', async () => {
    const bomb = pngBomb(30000, 30000); // 900 megapixels in a few kB
    expect(bomb.length).toBeLessThan(200_000);
    const t = performance.now();
    const e = await refused(bomb);
    expect(e.status).toBe(413);
    expect(e.code).toBe('too_many_pixels');
    expect(e.message).toMatch(/30000×30000/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('refuses a truncated JPEG (422)', async () => {
    const jpg = await astronautJpeg();
    const e = await refused(jpg.subarray(0, Math.floor(jpg.length * 0.6)));
    expect(e.status).toBe(422);
    expect(e.code).toBe('truncated');
  });

  it('refuses SVG (415) and HEIC with a clear reason (415)', async () => {
    const svg = await refused(SVG);
    expect(svg.status).toBe(415);
    expect(svg.code).toBe('svg_refused');
    const heic = await refused(HEIC);
    expect(heic.status).toBe(415);
    expect(heic.message).toMatch(/HEIC/);
  });

  it('refuses polyglots: JPEG+ZIP and JPEG with an HTML/script payload (422)', async () => {
    for (const buf of [await jpegZipPolyglot(), await jpegHtmlPolyglot()]) {
      const e = await refused(buf);
      expect(e.status).toBe(422);
      expect(e.code).toBe('polyglot');
    }
  });

  it('refuses anything else (text, GIF, PDF, empty, too large, too small)', async () => {
    expect((await refused(Buffer.from('just some text, not a photo'))).status).toBe(415);
    expect((await refused(Buffer.from('GIF89a....'))).status).toBe(415);
    expect((await refused(Buffer.from('%PDF-1.7\n...'))).status).toBe(415);
    expect((await refused(Buffer.alloc(0))).status).toBe(400);
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect((await refused(big)).status).toBe(413);
    const tiny = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#abc' } }).jpeg().toBuffer();
    expect((await refused(tiny)).code).toBe('too_small');
  });

  it('strips EXIF and GPS, applies the orientation, and keeps only pixels', async () => {
    const src = await jpegWithGps();
    const before = await sharp(src).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPS IFD pointer tag 0x8825
    expect(src.includes(Buffer.from('Secret Model 9'))).toBe(true);

    const { jpeg, width, height } = await acceptPhoto(src);
    const after = await sharp(jpeg).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(jpeg.includes(Buffer.from('Exif'))).toBe(false);
    expect(jpeg.includes(Buffer.from('Secret Model 9'))).toBe(false);
    expect(jpeg.includes(Buffer.from('TestCam'))).toBe(false);
    // 600×400 stored with "rotate 90°": upright it is 400×600
    expect([width, height]).toEqual([400, 600]);
    expect(after.space).toBe('srgb');
  });

  it('scales big photos down to 2048 px on the long edge', async () => {
    const big = await sharp(astronautPng()).resize(3000, 2500, { fit: 'fill' }).jpeg().toBuffer();
    const r = await acceptPhoto(big);
    expect(Math.max(r.width, r.height)).toBe(2048);
  });
});
