// Shopper photo intake: the type is decided by content (magic bytes), never by the name; the
// size in pixels is read from the header before anything is decoded (decompression bombs);
// truncated files, polyglots (an image that is also HTML/script/ZIP/PDF…), SVG and anything
// else are refused with a reason. Accepted photos are re-encoded: upright (EXIF orientation
// applied), sRGB, at most 2048 px, and with every byte of metadata (EXIF, GPS, XMP, ICC,
// comments) gone — only pixels survive.
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { HttpError } from '../http/errors';

export const MAX_PHOTOS_PER_OWNER = 12;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const NORMALISED_EDGE = 2048;
export const MIN_PHOTO_EDGE = 256;

export type SniffedType = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif' | 'gif' | 'svg' | 'pdf' | 'zip' | 'html' | 'unknown';

/** A photo we refuse, with an HTTP status and a sentence for the shopper. */
export class UploadError extends HttpError {}

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

export function sniff(buf: Buffer): SniffedType {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 12 && buf.toString('latin1', 4, 8) === 'ftyp') {
    const brand = buf.toString('latin1', 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
    if (['avif', 'avis'].includes(brand)) return 'avif';
  }
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  const head = buf.toString('utf8', 0, Math.min(buf.length, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  if (head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<script')) return 'html';
  return 'unknown';
}

/** Active content that has no business inside a photo (the other half of a polyglot). */
const ACTIVE_MARKERS = ['<script', '<html', '<svg', '<?php', '<!doctype', '<iframe', '<object', 'javascript:', '<?xml-stylesheet'];
/** Other file formats glued after an image's end. */
const TRAILER_MAGIC: [string, number[]][] = [
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['EXE', [0x4d, 0x5a]],
];

function findActiveContent(buf: Buffer): string | null {
  // case-insensitive search over the raw bytes (latin1 keeps one char per byte)
  const text = buf.toString('latin1').toLowerCase();
  for (const m of ACTIVE_MARKERS) if (text.includes(m)) return m;
  return null;
}

/** End of a JPEG's image data (index just past EOI), walking its segments; -1 if none. */
export function jpegEnd(buf: Buffer): number {
  let i = 2;
  while (i + 2 <= buf.length) {
    if (buf[i] !== 0xff) return -1;
    const marker = buf[i + 1];
    if (marker === 0xd9) return i + 2;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker >= 0xd0 && marker <= 0xd7) {
      i += 2;
      continue;
    }
    if (i + 4 > buf.length) return -1;
    const segLen = buf.readUInt16BE(i + 2);
    i += 2 + segLen;
    if (marker === 0xda) {
      // entropy-coded data: runs until a marker that is not a stuffed byte or a restart
      while (i + 1 < buf.length) {
        if (buf[i] === 0xff && buf[i + 1] !== 0x00 && !(buf[i + 1] >= 0xd0 && buf[i + 1] <= 0xd7) && buf[i + 1] !== 0xff) break;
        i++;
      }
    }
  }
  return -1;
}

/** End of a PNG (just past the IEND chunk); -1 if none. */
export function pngEnd(buf: Buffer): number {
  let i = 8;
  while (i + 12 <= buf.length) {
    const len = buf.readUInt32BE(i);
    const type = buf.toString('latin1', i + 4, i + 8);
    i += 12 + len;
    if (type === 'IEND') return i;
  }
  return -1;
}

export function webpEnd(buf: Buffer): number {
  return buf.length >= 8 ? 8 + buf.readUInt32LE(4) : -1;
}

export interface AcceptedPhoto {
  /** normalised JPEG: no metadata at all */
  jpeg: Buffer;
  width: number;
  height: number;
  sourceType: SniffedType;
  sourceWidth: number;
  sourceHeight: number;
}

const bad = (status: number, code: string, message: string) => new UploadError(status, message, code);

/** Checks one uploaded file and returns its normalised, metadata-free JPEG, or throws UploadError. */
export async function acceptPhoto(buf: Buffer): Promise<AcceptedPhoto> {
  if (buf.length === 0) throw bad(400, 'empty_file', 'The file is empty.');
  if (buf.length > MAX_PHOTO_BYTES) throw bad(413, 'file_too_large', `The file is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  const type = sniff(buf);
  if (type === 'svg') throw bad(415, 'svg_refused', 'SVG files are not accepted: upload a photo (JPEG, PNG or WebP).');
  if (type === 'heic')
    throw bad(415, 'heic_unsupported', 'HEIC photos are not supported yet (the bundled image library has no HEVC decoder): export the photo as JPEG and try again.');
  if (type !== 'jpeg' && type !== 'png' && type !== 'webp')
    throw bad(415, 'unsupported_type', 'This file is not a JPEG, PNG or WebP photo (we look at its content, not its name).');

  // polyglots: active content anywhere, or another file glued after the image's end
  const active = findActiveContent(buf);
  if (active) throw bad(422, 'polyglot', `This file hides other content (${active.replace('<', '')}) inside the image, so we refuse it.`);
  const end = type === 'jpeg' ? jpegEnd(buf) : type === 'png' ? pngEnd(buf) : webpEnd(buf);
  if (end < 0 || end > buf.length) throw bad(422, 'truncated', 'This image file is cut short (truncated): upload the complete photo.');
  if (end < buf.length) {
    const trailer = buf.subarray(end);
    const glued = TRAILER_MAGIC.find(([, m]) => {
      for (let i = 0; i + m.length <= Math.min(trailer.length, 64 * 1024); i++) if (m.every((x, k) => trailer[i + k] === x)) return true;
      return false;
    });
    if (glued) throw bad(422, 'polyglot', `This file is an image with a ${glued[0]} file attached after it, so we refuse it.`);
    // other trailers (phones' motion-photo video, padding) are dropped by re-encoding
  }

  // dimensions from the header only, before any pixel is decoded
  let meta: Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false, failOn: 'none' }).metadata();
  } catch {
    throw bad(422, 'unreadable', 'We could not read this image: the file may be damaged.');
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (!w || !h) throw bad(422, 'unreadable', 'We could not read the size of this image: the file may be damaged.');
  if (w * h > MAX_PHOTO_PIXELS)
    throw bad(413, 'too_many_pixels', `This image is ${w}×${h} (${((w * h) / 1e6).toFixed(0)} megapixels); the limit is ${MAX_PHOTO_PIXELS / 1e6} megapixels.`);
  if (Math.min(w, h) < MIN_PHOTO_EDGE) throw bad(422, 'too_small', `This image is only ${w}×${h} pixels: use a photo at least ${MIN_PHOTO_EDGE} pixels on each side.`);
  if ((meta.pages ?? 1) > 1) throw bad(415, 'animated', 'Animated images are not accepted: upload a still photo.');

  // decode for real: truncated or corrupt data fails here
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await sharp(buf, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'truncated', sequentialRead: true })
      .rotate() // EXIF orientation, then the tag is gone with the rest of the metadata
      .resize(NORMALISED_EDGE, NORMALISED_EDGE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    const msg = (err as Error).message ?? '';
    if (/pixel limit/i.test(msg)) throw bad(413, 'too_many_pixels', `The image is larger than ${MAX_PHOTO_PIXELS / 1e6} megapixels.`);
    throw bad(422, 'truncated', 'This image file is damaged or cut short (truncated): upload the complete photo.');
  }
  return { jpeg: out.data, width: out.info.width, height: out.info.height, sourceType: type, sourceWidth: w, sourceHeight: h };
}
