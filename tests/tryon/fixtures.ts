// Test images made on the fly: the public-domain NASA portrait of Eileen Collins (as shipped by
// scikit-image, in astronaut.png beside this file), and crafted files for the upload matrix.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

export const ASTRONAUT = path.resolve(import.meta.dirname, 'astronaut.png');
export const astronautPng = () => fs.readFileSync(ASTRONAUT);
export const astronautJpeg = () => sharp(ASTRONAUT).jpeg({ quality: 90 }).toBuffer();

/** A plain picture with nobody in it (sky over a field). */
export async function landscapeJpeg(w = 640, h = 420): Promise<Buffer> {
  const d = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = 3 * (y * w + x);
      const sky = y < h * 0.55;
      d[i] = sky ? 130 + y / 5 : 70;
      d[i + 1] = sky ? 170 + y / 8 : 120 + (x % 7);
      d[i + 2] = sky ? 225 : 60;
    }
  return sharp(d, { raw: { width: w, height: h, channels: 3 } }).jpeg().toBuffer();
}

/** Two astronauts side by side. */
export async function twoPeopleJpeg(): Promise<Buffer> {
  const one = await sharp(ASTRONAUT).resize(512, 512).toBuffer();
  return sharp({ create: { width: 1024, height: 512, channels: 3, background: '#888' } })
    .composite([
      { input: one, left: 0, top: 0 },
      { input: await sharp(one).flop().toBuffer(), left: 512, top: 0 },
    ])
    .jpeg()
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A decompression bomb: a tiny PNG whose header says width × height (all zero pixels). */
export function pngBomb(width = 30000, height = 30000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // a few rows of zeros, deflated (the full image would be 900 MB)
  const idat = zlib.deflateSync(Buffer.alloc((width + 1) * 64));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

export const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script><rect width="400" height="400"/></svg>');

/** A JPEG with a ZIP archive glued after its end (a classic polyglot). */
export async function jpegZipPolyglot(): Promise<Buffer> {
  const zipLocalHeader = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]), Buffer.alloc(20), Buffer.from('evil.js')]);
  return Buffer.concat([await astronautJpeg(), zipLocalHeader, Buffer.from('alert(document.cookie)')]);
}

/** A JPEG carrying an HTML/script payload in a comment segment (a JPEG/HTML polyglot). */
export async function jpegHtmlPolyglot(): Promise<Buffer> {
  const jpg = await astronautJpeg();
  const payload = Buffer.from('<html><script>alert(1)</script></html>');
  const com = Buffer.alloc(4);
  com[0] = 0xff;
  com[1] = 0xfe;
  com.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpg.subarray(0, 2), com, payload, jpg.subarray(2)]);
}

/** An ISO-BMFF header with the HEIC brand (what an iPhone sends). */
export const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1'), Buffer.alloc(2000)]);

/** A JPEG with camera, GPS and orientation metadata. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp(ASTRONAUT)
    .resize(600, 400, { fit: 'fill' })
    .jpeg()
    .withMetadata({ orientation: 6 }) // "rotate 90° clockwise to view"
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Secret Model 9', Copyright: 'Jane Doe' },
      IFD3: { GPSVersionID: '2 2 0 0', GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4020/100' },
    })
    .toBuffer();
}
