// Product photography for listings, made by the store: a mockup of every chosen product and
// view, rendered by a queue job (QUEUES.listingPhotos) and stored as content-addressed blobs.
// The seller sees progress ("3 of 6 photos") and picks the cover.
//
// Renderer: lib/mockup's renderMockup (procedural studio templates, pattern at true print scale).
// For a product/view without a template (or if the compositor fails) this module draws its own
// simpler studio shot with sharp: the silhouette filled with the tiled design, softly lit.
import { createHash } from 'node:crypto';
import { listProducts } from '../catalog';
import { isProductSlug } from '../design';
import { debugSwitch } from '../env';
import { findDesignSummary } from '../generation';
import { enqueue, QUEUES } from '../queue';
import { putBlob } from '../storage';
import { viewsFor } from './photo-views';
import * as listings from '../listings';

const W = 800;

interface Shape {
  /** Printable body, filled with the pattern. */
  body: string;
  /** Drawn over the pattern: seams, folds, rims (stroke only). */
  details?: string;
  /** Parts that are not printed (mug handle, tote straps), drawn in the variant colour. */
  plain?: string;
  /** Pixels per inch on the photo, so the pattern appears at the listing's real scale. */
  ppi: number;
}

const SHAPES: Record<string, Record<string, Shape>> = {
  tee: {
    front: {
      body: 'M290 110 Q400 185 510 110 L640 160 L725 300 L632 348 L590 292 L592 720 L208 720 L210 292 L168 348 L75 300 L160 160 Z',
      details: 'M290 110 Q400 205 510 110 M590 292 L574 170 M210 292 L226 170',
      ppi: 30,
    },
    back: {
      body: 'M290 110 Q400 135 510 110 L640 160 L725 300 L632 348 L590 292 L592 720 L208 720 L210 292 L168 348 L75 300 L160 160 Z',
      details: 'M290 110 Q400 150 510 110 M590 292 L574 170 M210 292 L226 170',
      ppi: 30,
    },
  },
  hoodie: {
    front: {
      body: 'M300 140 C300 40 500 40 500 140 L640 175 L745 560 L662 584 L592 335 L600 735 L200 735 L208 335 L138 584 L55 560 L160 175 Z',
      details: 'M330 150 C340 90 460 90 470 150 Q400 215 330 150 M290 560 L510 560 L540 680 L260 680 Z M388 215 L384 330 M412 215 L416 330',
      ppi: 26,
    },
    back: {
      body: 'M300 140 C300 40 500 40 500 140 L640 175 L745 560 L662 584 L592 335 L600 735 L200 735 L208 335 L138 584 L55 560 L160 175 Z',
      details: 'M300 140 Q400 190 500 140',
      ppi: 26,
    },
  },
  mug: {
    front: {
      body: 'M215 215 L565 215 L555 610 Q390 650 225 610 Z',
      details: 'M215 215 Q390 250 565 215',
      plain: 'M560 300 C700 290 700 520 556 515 L558 470 C640 470 640 345 562 345 Z',
      ppi: 40,
    },
  },
  tote: {
    front: {
      body: 'M190 300 L610 300 L625 740 L175 740 Z',
      plain: 'M280 300 C280 110 360 100 360 300 L340 300 C340 130 300 130 300 300 Z M440 300 C440 110 520 100 520 300 L500 300 C500 130 460 130 460 300 Z',
      ppi: 25,
    },
  },
  poster: {
    front: { body: 'M215 90 L585 90 L585 710 L215 710 Z', details: 'M215 90 L585 90 L585 710 L215 710 Z', ppi: 20 },
  },
  'phone-case': {
    back: {
      body: 'M320 120 L480 120 Q530 120 530 170 L530 650 Q530 700 480 700 L320 700 Q270 700 270 650 L270 170 Q270 120 320 120 Z',
      details: 'M300 150 L400 150 Q415 150 415 165 L415 265 Q415 280 400 280 L300 280 Q285 280 285 265 L285 165 Q285 150 300 150 Z',
      ppi: 60,
    },
  },
};

function shapeFor(slug: string, view: string): Shape {
  return SHAPES[slug]?.[view] ?? SHAPES[slug]?.front ?? SHAPES.poster.front;
}

/** A small repeatable tile when the design's own preview cannot be had (e.g. model files missing). */
function placeholderTile(designId: string): string {
  const h = createHash('sha256').update(designId).digest();
  const hue = (i: number) => Math.round((h[i] / 255) * 360);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue(0)},45%,88%)"/><circle cx="16" cy="16" r="${6 + (h[1] % 8)}" fill="hsl(${hue(2)},60%,45%)"/><circle cx="48" cy="48" r="${6 + (h[3] % 8)}" fill="hsl(${hue(4)},55%,40%)"/><path d="M0 40 L24 64 M40 0 L64 24" stroke="hsl(${hue(5)},50%,30%)" stroke-width="4"/></svg>`;
}

/** The design's seamless tile (lib/generation's one loader), else a placeholder. */
export async function designTile(design: { id: string }): Promise<Buffer> {
  try {
    // Loaded on use: pages that only import lib/sellers must not load the generation engine.
    const { designTilePng } = await import('../generation');
    const png = await designTilePng(design.id, { cachedOnly: debugSwitch('LISTING_PHOTOS_RENDER') === '0' });
    if (png) return png;
  } catch {
    /* model files missing or recipe from another model: placeholder */
  }
  const sharp = (await import('sharp')).default;
  return sharp(Buffer.from(placeholderTile(design.id))).png().toBuffer();
}

/** One studio photo of `productSlug` seen from `view`, printed with `tile` at `repeatIn` inches. */
export async function renderProductPhoto(o: { tile: Buffer; productSlug: string; view: string; repeatIn: number; colorHex: string }): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const shape = shapeFor(o.productSlug, o.view);
  const tilePx = Math.max(24, Math.min(600, Math.round(o.repeatIn * shape.ppi)));
  const tile = await sharp(o.tile).resize(tilePx, tilePx, { kernel: 'lanczos3' }).removeAlpha().ensureAlpha().png().toBuffer();
  const pattern = await sharp({ create: { width: W, height: W, channels: 4, background: o.colorHex } })
    .composite([{ input: tile, tile: true, left: 0, top: 0 }])
    .png()
    .toBuffer();
  const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${W}"><path d="${shape.body}" fill="#fff"/></svg>`);
  const printed = await sharp(pattern).composite([{ input: mask, blend: 'dest-in' }]).png().toBuffer();
  const studio = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${W}">
    <defs>
      <radialGradient id="bg" cx="50%" cy="38%" r="75%"><stop offset="0" stop-color="#fbfaf8"/><stop offset="1" stop-color="#e7e3dc"/></radialGradient>
      <filter id="blur"><feGaussianBlur stdDeviation="18"/></filter>
    </defs>
    <rect width="${W}" height="${W}" fill="url(#bg)"/>
    <ellipse cx="400" cy="752" rx="270" ry="26" fill="#000" opacity="0.16" filter="url(#blur)"/>
    <path d="${shape.body}" transform="translate(10 14)" fill="#000" opacity="0.14" filter="url(#blur)"/>
    ${shape.plain ? `<path d="${shape.plain}" fill="${o.colorHex}" stroke="#00000040" stroke-width="2"/>` : ''}
  </svg>`);
  const light = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${W}">
    <defs>
      <linearGradient id="l" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.28"/><stop offset="0.45" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.22"/></linearGradient>
      <clipPath id="c"><path d="${shape.body}"/></clipPath>
    </defs>
    <path d="${shape.body}" fill="url(#l)"/>
    ${shape.details ? `<path d="${shape.details}" fill="none" stroke="#00000033" stroke-width="3" clip-path="url(#c)"/>` : ''}
    <path d="${shape.body}" fill="none" stroke="#00000040" stroke-width="2.5"/>
  </svg>`);
  return sharp(studio)
    .composite([{ input: printed }, { input: light }])
    .png({ compressionLevel: 8 })
    .toBuffer();
}

/** lib/mockup's studio template when there is one, else the built-in silhouette. */
export async function photograph(o: { tile: Buffer; productSlug: string; view: string; repeatIn: number; colorHex: string }): Promise<Buffer> {
  if (debugSwitch('LISTING_PHOTOS_MOCKUP') !== '0') {
    try {
      // Loaded on use: pages that only import lib/sellers must not load the template registry.
      const { renderMockup } = await import('../mockup');
      return await renderMockup({ product: o.productSlug, view: o.view, variantColorHex: o.colorHex, tile: o.tile, repeatIn: o.repeatIn, size: 1024, format: 'png' });
    } catch (err) {
      if ((err as Error).name !== 'MockupNotFoundError' && !/No mockup template/.test((err as Error).message)) console.warn(`[sellers] mockup ${o.productSlug}/${o.view} failed, using the built-in shot: ${(err as Error).message}`);
    }
  }
  return renderProductPhoto(o);
}

export interface PhotoSlot {
  kind: 'mockup' | 'model';
  productSlug: string;
  productName: string;
  view: string;
  photoId: string | null;
}

/** Which photos a listing should have and which are done. */
export async function photoProgress(listing: listings.ListingRow) {
  const catalog = await listProducts();
  const slots: PhotoSlot[] = [];
  for (const lp of listing.products) {
    const product = catalog.find((p) => p.id === lp.productId);
    if (!product) continue;
    for (const view of viewsFor(product.slug)) {
      const photo = listing.photos.find((ph) => ph.kind === 'mockup' && ph.productSlug === product.slug && ph.view === view);
      slots.push({ kind: 'mockup', productSlug: product.slug, productName: product.name, view, photoId: photo?.id ?? null });
    }
  }
  const done = slots.filter((s) => s.photoId).length;
  const total = slots.length;
  // Photos of the site's model wearing the design (lib/tryon) are a bonus: shown and usable as
  // the cover once they exist, never waited for.
  for (const ph of listing.photos.filter((p) => p.kind === 'model')) {
    const product = catalog.find((p) => p.slug === ph.productSlug);
    slots.push({ kind: 'model', productSlug: ph.productSlug, productName: `${product?.name ?? ph.productSlug} on our model`, view: ph.view, photoId: ph.id });
  }
  // `shown` counts every photo on the page (bonus model photos too); done/total only product views.
  const shown = slots.filter((s) => s.photoId).length;
  return { slots, done, total, shown, modelPhotos: shown - done, complete: total > 0 && done === total };
}

/** Queues the photo job (after create, product or scale changes). */
export function enqueueListingPhotos(listingId: string) {
  return enqueue(QUEUES.listingPhotos, { listingId }, { singletonKey: `listing-photos-${listingId}` });
}

/** Garments the site's model can wear (lib/tryon), one photo each. */
export const MODEL_PRODUCTS = ['tee', 'hoodie'];

async function modelPhotos(listing: listings.ListingRow, designId: string, slugs: string[]) {
  if (debugSwitch('LISTING_PHOTOS_TRYON') === '0') return;
  for (const slug of slugs.filter((s) => MODEL_PRODUCTS.includes(s))) {
    if (listing.photos.some((ph) => ph.kind === 'model' && ph.productSlug === slug)) continue;
    try {
      const tryon = await import('../tryon');
      const model = (await tryon.listSiteModels())[0];
      if (!model || !isProductSlug(slug)) return;
      const jpg = await tryon.siteRender(model.id, designId, slug, 'photo', listing.repeatIn);
      const { key } = await putBlob(jpg, { contentType: 'image/jpeg' });
      await listings.upsertPhoto({ listingId: listing.id, kind: 'model', productSlug: slug, view: model.id, blobKey: key });
    } catch (err) {
      console.warn(`[sellers] model photo for ${slug} skipped: ${(err as Error).message}`);
      return;
    }
  }
}

/** The job: renders every missing photo, one at a time so progress is visible; safe to re-run. */
export async function handleListingPhotos({ listingId }: { listingId: string }): Promise<void> {
  const listing = await listings.findListingById(listingId);
  if (!listing || listing.status === 'ARCHIVED') return;
  const catalog = await listProducts();
  const design = await findDesignSummary(listing.designId);
  if (!design) return;
  const keep: string[] = [];
  let tile: Buffer | undefined;
  for (const lp of listing.products) {
    const product = catalog.find((p) => p.id === lp.productId);
    if (!product) continue;
    keep.push(product.slug);
    const variant = product.variants.find((v) => lp.variantIds.length === 0 || lp.variantIds.includes(v.id)) ?? product.variants[0];
    for (const view of viewsFor(product.slug)) {
      if (listing.photos.some((ph) => ph.kind === 'mockup' && ph.productSlug === product.slug && ph.view === view)) continue;
      tile ??= await designTile(design);
      const png = await photograph({ tile, productSlug: product.slug, view, repeatIn: listing.repeatIn, colorHex: variant?.colorHex ?? '#ffffff' });
      const { key } = await putBlob(png, { contentType: 'image/png' });
      await listings.upsertPhoto({ listingId, kind: 'mockup', productSlug: product.slug, view, blobKey: key });
    }
  }
  await modelPhotos(listing, design.id, keep);
  await listings.prunePhotos(listingId, keep);
  const fresh = await listings.findListingById(listingId);
  if (fresh && !fresh.coverPhotoId && fresh.photos[0]) await listings.setCoverPhoto(listingId, fresh.photos[0].id);
}
