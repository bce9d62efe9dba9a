// Deterministic PNG writer (RGB8, no timestamps, fixed zlib settings) with tEXt chunks, and a
// reader for those chunks. Same pixels + same text -> same bytes, in any process.
import zlib from 'node:zlib';
import { idatInRenderThread } from './ort-pool';
import { DEFLATE, filterRows, pngIdat } from './png-idat.mjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(head.subarray(4))), 0); // native: big previews' chunks cost no event-loop time
  return Buffer.concat([head, data, crc]);
}

/** tEXt keys are Latin-1 (1-79 chars); values here are ASCII-escaped JSON/text. */
function textChunk(key: string, value: string): Buffer {
  if (!/^[\x20-\x7e]{1,79}$/.test(key)) throw new Error(`invalid PNG text key: ${key}`);
  // Keep the value Latin-1-safe: non-Latin-1 characters become \uXXXX escapes.
  const safe = value.replace(/[^\x09\x0a\x20-\x7e\xa0-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return chunk('tEXt', Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(safe, 'latin1')]));
}

/** Encodes interleaved RGB8 pixels (row filters and zlib settings: png-idat.mjs). */
export function encodePng(rgb: Uint8Array, width: number, height: number, text: [string, string][] = []): Buffer {
  return assemblePng(width, height, text, pngIdat(rgb, width, height));
}

/**
 * encodePng off the event loop: the same bytes. Filtering and compression run in a render worker
 * thread (lower priority: page requests get the CPU first), or on libuv's thread pool where there is none.
 */
export async function encodePngAsync(rgb: Uint8Array, width: number, height: number, text: [string, string][] = []): Promise<Buffer> {
  const idat =
    (await idatInRenderThread(rgb, width, height)) ??
    (await new Promise<Buffer>((resolve, reject) => zlib.deflate(filterRows(rgb, width, height), DEFLATE, (err, out) => (err ? reject(err) : resolve(out)))));
  return assemblePng(width, height, text, idat);
}

function assemblePng(width: number, height: number, text: [string, string][], idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    ...text.map(([k, v]) => textChunk(k, v)),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function isPng(buf: Uint8Array): boolean {
  return buf.length > 8 && Buffer.from(buf.subarray(0, 8)).equals(SIGNATURE);
}

/** All tEXt chunks of a PNG (CRC checked). */
export function readPngText(png: Buffer): Record<string, string> {
  if (!isPng(png)) throw new Error('not a PNG');
  const out: Record<string, string> = {};
  let p = 8;
  while (p + 12 <= png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    const crc = png.readUInt32BE(p + 8 + len);
    if (zlib.crc32(data, zlib.crc32(png.subarray(p + 4, p + 8))) !== crc) throw new Error(`PNG chunk ${type}: bad CRC`);
    if (type === 'tEXt') {
      const z = data.indexOf(0);
      if (z > 0) out[data.toString('latin1', 0, z)] = data.toString('latin1', z + 1);
    }
    if (type === 'IEND') break;
    p += 12 + len;
  }
  return out;
}
