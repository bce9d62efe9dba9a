// Photo templates a shop uploads in admin: the photo, the print area's four corners on it, and
// optionally a mask of the printable surface. Stored under DATA_DIR and found by listTemplates.
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { z } from 'zod';
import { badRequest, parseOrThrow } from '../http/errors';
import { registerTemplate, templateJsonSchema, uploadedTemplatesDir } from './template';

const corner = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
export const photoTemplateSchema = z.object({
  product: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be a product slug'),
  view: z.string().regex(/^[a-z0-9-]{2,40}$/, 'may use lower-case letters, digits and dashes'),
  printArea: z.object({ name: z.string().min(1).max(40), widthIn: z.number().positive().max(100), heightIn: z.number().positive().max(100) }),
  // The print area's corners as fractions of the photo: top-left, top-right, bottom-right, bottom-left.
  quad: z.tuple([corner, corner, corner, corner]),
});
export type PhotoTemplateInput = z.infer<typeof photoTemplateSchema>;

const MAX_BYTES = 15 * 1024 * 1024;
/** The whole upload request: the photo and a mask of up to 15 MB each, plus the form fields. */
export const MAX_TEMPLATE_UPLOAD_BYTES = 2 * MAX_BYTES + 1024 * 1024;
const LONG_EDGE = 1024;

/**
 * The admin upload form (multipart fields product, view, area, widthIn, heightIn, the corners
 * tlx…bly in % of the photo, photo and optional mask) saved as a template.
 */
export async function saveTemplateFromForm(form: FormData): Promise<{ product: string; view: string; dir: string }> {
  const photo = form.get('photo');
  const mask = form.get('mask');
  if (!(photo instanceof Blob) || photo.size === 0) throw badRequest('Choose a photo to upload.');
  const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? NaN : Number(v) / 100);
  const corners = ['tl', 'tr', 'br', 'bl'].map((c) => [num(form.get(`${c}x`)), num(form.get(`${c}y`))]);
  return saveUploadedTemplate(
    {
      product: form.get('product'),
      view: form.get('view'),
      printArea: { name: String(form.get('area') || 'front'), widthIn: Number(form.get('widthIn')), heightIn: Number(form.get('heightIn')) },
      quad: corners,
    },
    Buffer.from(await photo.arrayBuffer()),
    mask instanceof Blob && mask.size > 0 ? Buffer.from(await mask.arrayBuffer()) : null,
  );
}

export async function saveUploadedTemplate(input: unknown, photo: Buffer, mask?: Buffer | null): Promise<{ product: string; view: string; dir: string }> {
  const t = parseOrThrow(photoTemplateSchema, input);
  if (photo.length === 0 || photo.length > MAX_BYTES) throw badRequest('The photo must be a JPEG, PNG or WebP of at most 15 MB.');
  let img: Sharp;
  let meta: Metadata;
  try {
    img = sharp(photo, { limitInputPixels: 40_000_000 }).rotate();
    meta = await img.metadata();
  } catch {
    throw badRequest('The photo could not be read: upload a JPEG, PNG or WebP.');
  }
  if (!meta.format || !['jpeg', 'png', 'webp'].includes(meta.format)) throw badRequest('The photo must be a JPEG, PNG or WebP.');
  const background = await img.resize(LONG_EDGE, LONG_EDGE, { fit: 'inside', withoutEnlargement: true }).removeAlpha().toColourspace('srgb').png().toBuffer({ resolveWithObject: true });
  const { width, height } = background.info;
  const dir = path.join(uploadedTemplatesDir(), t.product, t.view);
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'background.png'), background.data);
  const layers: Record<string, string> = { background: 'background.png' };
  if (mask?.length) {
    try {
      const m = await sharp(mask, { limitInputPixels: 40_000_000 }).rotate().resize(width, height, { fit: 'fill' }).greyscale().png().toBuffer();
      fs.writeFileSync(path.join(tmp, 'mask.png'), m);
      layers.mask = 'mask.png';
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw badRequest('The mask could not be read: upload a greyscale PNG (white = printable).');
    }
  }
  const json = templateJsonSchema.parse({
    version: 1,
    product: t.product,
    view: t.view,
    title: `${t.product} ${t.view} (uploaded photo)`,
    width,
    height,
    printArea: t.printArea,
    layers,
    mapping: { type: 'quad', quad: t.quad.map(([x, y]) => [Math.round(x * width * 10) / 10, Math.round(y * height * 10) / 10]) },
    displacement: { auto: true, scalePx: 4, blurPx: 4 },
  });
  fs.writeFileSync(path.join(tmp, 'template.json'), JSON.stringify(json, null, 2));
  // Swap the folder in whole: a render never sees a half-written template.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.renameSync(tmp, dir);
  registerTemplate(t.product, t.view, dir);
  return { product: t.product, view: t.view, dir };
}
