// Seller profiles and listings: validation, price floors, moderation, ownership and the
// draft → published → archived life cycle.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CurrentUser } from '../auth';
import { formatMoney, listProducts } from '../catalog';
import { DESIGN_ID_RE, isDesignId, repeatInSchema } from '../design';
import { badRequest, conflict, forbidden, HttpError, notFound, parseOrThrow, unprocessable } from '../http/errors';
import { findDesignSummary, moderate } from '../generation';
import { assertDeadlineAllowed, MAX_MIN_ORDERS } from '../campaigns';
import { priceFloorMinor, sizeFloors, STORE_MARGIN, type SizeFloor } from './pricing';
import { enqueueListingPhotos } from './photos';
import * as listings from '../listings';
import { isUniqueViolation } from '../db/client';
import * as repo from './seller-repository';

export type Product = Awaited<ReturnType<typeof listProducts>>[number];

// ---- seller profiles ----
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const RESERVED_SLUGS = new Set(['new', 'edit', 'admin', 'api', 'seedprint', 'sell', 'shop', 'shops', 'listings']);

export const sellerProfileSchema = z.object({
  shopName: z.string().trim().min(2, 'must be at least 2 characters').max(60, 'must be at most 60 characters'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, 'must be at least 3 characters')
    .max(40, 'must be at most 40 characters')
    .regex(SLUG_RE, 'may contain lowercase letters, digits and single dashes')
    .refine((s) => !RESERVED_SLUGS.has(s), 'is reserved'),
  bio: z.string().trim().max(500, 'must be at most 500 characters').optional().transform((v) => v || null),
  payoutEmail: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.email('must be an e-mail address').optional()),
});

export const sellerUpdateSchema = sellerProfileSchema.omit({ slug: true }).partial();

/** A signed-in shopper (or seller without a shop yet) opens a shop and becomes a SELLER. */
export async function becomeSeller(user: CurrentUser, input: unknown) {
  if (user.role === 'FACTORY') throw forbidden('Factory accounts cannot open a shop.');
  const data = parseOrThrow(sellerProfileSchema, input);
  if (await repo.findSellerByUserId(user.id)) throw conflict('You already have a shop.', 'seller_exists');
  if (moderate(data.shopName).ok === false) throw unprocessable(`That shop name is not allowed: ${moderate(data.shopName).reason}`, 'moderation');
  try {
    return await repo.createSellerProfile(user.id, {
      shopName: data.shopName,
      slug: data.slug,
      bio: data.bio,
      payoutDetails: data.payoutEmail ? { method: 'placeholder', email: data.payoutEmail } : null,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`The shop address "${data.slug}" is taken: please choose another.`, 'slug_taken');
    throw err;
  }
}

export async function updateSellerProfile(user: CurrentUser, input: unknown) {
  const seller = await requireSeller(user);
  const data = parseOrThrow(sellerUpdateSchema, input);
  const updated = await repo.updateSellerProfile(seller.id, {
    ...(data.shopName !== undefined ? { shopName: data.shopName } : {}),
    ...(data.bio !== undefined ? { bio: data.bio } : {}),
    ...(data.payoutEmail !== undefined ? { payoutDetails: { method: 'placeholder', email: data.payoutEmail } } : {}),
  });
  listings.listingsChanged(); // the shop's name is on its listing pages and search results
  return updated;
}

export const getSellerForUser = (userId: string) => repo.findSellerByUserId(userId);

/** The caller's shop; 403 when they have none yet. */
export async function requireSeller(user: CurrentUser) {
  const seller = await repo.findSellerByUserId(user.id);
  if (!seller) throw forbidden('Open your shop first: /sell.');
  return seller;
}

// ---- listings ----
// A design id anywhere in pasted text (a URL, a /r/<id>.png link), any case.
const DESIGN_IN_TEXT = new RegExp(`(${DESIGN_ID_RE.source.slice(1, -1)})`, 'i');

const money = z.union([
  z.number().int('must be in cents').positive('must be more than 0'),
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, 'must be an amount like 34.00')
    .transform((s) => Math.round(Number(s) * 100)),
]);

const tagsSchema = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => {
    const list = (Array.isArray(v) ? v : v.split(',')).map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean);
    return [...new Set(list)];
  })
  .pipe(z.array(z.string().max(30, 'each tag must be at most 30 characters').regex(/^[\p{L}\p{N}-]+$/u, 'may use letters, digits and dashes')).max(10, 'at most 10 tags'));

const listingProductSchema = z
  .object({
    product: z.string().trim().min(1, 'choose a product'), // slug or id
    /** the price of every size not in sizePrices (and of a sizeless product) */
    priceMinor: money.optional(),
    /** size label → price, e.g. { "12x18": 1900, "24x36": 4500 } */
    sizePrices: z.record(z.string().trim().min(1).max(40), money).optional(),
    variantIds: z.array(z.string().min(1)).max(100).default([]),
  })
  .refine((p) => p.priceMinor !== undefined || (p.sizePrices && Object.keys(p.sizePrices).length > 0), { message: 'enter a price', path: ['priceMinor'] });

const campaignSchema = z
  .object({
    minOrders: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_MIN_ORDERS, `must be at most ${MAX_MIN_ORDERS}`),
    deadline: z.coerce.date({ message: 'must be a date and time' }),
  })
  .nullable()
  .optional();

const title = z.string().trim().min(3, 'must be at least 3 characters').max(120, 'must be at most 120 characters');
const description = z.string().trim().max(5000, 'must be at most 5000 characters');
const repeatIn = repeatInSchema;
const products = z.array(listingProductSchema).min(1, 'choose at least one product').max(12);

export const listingSchema = z.object({
  design: z
    .string()
    .trim()
    .transform((s) => s.match(DESIGN_IN_TEXT)?.[1]?.toLowerCase() ?? '')
    .pipe(z.string().length(64, 'paste a design id (64 hex characters) or pick one of your designs')),
  title,
  description: description.default(''),
  tags: tagsSchema.default([]),
  repeatIn: repeatIn.default(4),
  products,
  campaign: campaignSchema,
});

/** Edits: only the fields sent change (no defaults here). */
export const listingUpdateSchema = z.object({
  title: title.optional(),
  description: description.optional(),
  tags: tagsSchema.optional(),
  repeatIn: repeatIn.optional(),
  products: products.optional(),
  campaign: campaignSchema,
});

export interface PriceFloor {
  productId: string;
  slug: string;
  name: string;
  /** the highest size floor: one price at or above it is valid for every size */
  floorMinor: number;
  maxCostMinor: number;
  retailMinor: number;
  currency: string;
  /** each size's own floor (one entry with size null for a sizeless product) */
  sizes: SizeFloor[];
}

/** Floors for every product (or only the offered variants when given). */
export function floorFor(product: Product, variantIds: string[] = []): PriceFloor {
  const offered = variantIds.length ? product.variants.filter((v) => variantIds.includes(v.id)) : product.variants;
  return {
    productId: product.id,
    slug: product.slug,
    name: product.name,
    floorMinor: priceFloorMinor(offered),
    maxCostMinor: Math.max(...offered.map((v) => v.costMinor)),
    retailMinor: Math.min(...offered.map((v) => v.priceMinor)),
    currency: offered[0]?.currency ?? 'usd',
    sizes: sizeFloors(offered),
  };
}

const MAX_PRICE_MINOR = 100_000;

/**
 * The seller's price for every offered size, each checked against that size's own floor (400
 * with the floor in the message). A size without its own price takes `priceMinor`.
 */
function priceSizes(product: Product, floor: PriceFloor, input: { priceMinor?: number; sizePrices?: Record<string, number> }) {
  const money = (m: number) => formatMoney(m, floor.currency);
  const sized = floor.sizes.filter((s): s is SizeFloor & { size: string } => s.size !== null);
  const unknown = Object.keys(input.sizePrices ?? {}).find((k) => !sized.some((s) => s.size === k));
  if (unknown) throw badRequest(`${product.name}: "${unknown}" is not one of its sizes${sized.length ? ` (${sized.map((s) => s.size).join(', ')})` : ''}.`, 'unknown_size');
  const check = (label: string, f: SizeFloor, price: number | undefined) => {
    if (price === undefined) throw badRequest(`${label}: enter a price (at least ${money(f.floorMinor)}).`, 'price_missing');
    if (price < f.floorMinor) {
      throw badRequest(
        `${label}: the price must be at least ${money(f.floorMinor)} (production cost ${money(f.maxCostMinor)} + ${Math.round(STORE_MARGIN * 100)} % store margin); you asked ${money(price)}.`,
        'price_below_floor',
      );
    }
    if (price > MAX_PRICE_MINOR) throw badRequest(`${label}: the price must be at most ${money(MAX_PRICE_MINOR)}.`, 'price_too_high');
    return price;
  };
  if (sized.length === 0) {
    const f = floor.sizes[0];
    return { priceMinor: check(product.name, f, input.priceMinor ?? undefined), sizePrices: {} };
  }
  const sizePrices: Record<string, number> = {};
  for (const f of sized) sizePrices[f.size] = check(`${product.name} (${f.size})`, f, input.sizePrices?.[f.size] ?? input.priceMinor);
  return { priceMinor: Math.min(...Object.values(sizePrices)), sizePrices };
}

export async function priceFloors(): Promise<PriceFloor[]> {
  return (await listProducts()).filter((p) => p.variants.length > 0).map((p) => floorFor(p));
}

async function resolveProducts(input: z.infer<typeof listingProductSchema>[]): Promise<listings.ListingProductInput[]> {
  const catalog = await listProducts();
  const seen = new Set<string>();
  const out: listings.ListingProductInput[] = [];
  for (const p of input) {
    const product = catalog.find((c) => c.id === p.product || c.slug === p.product);
    if (!product || product.variants.length === 0) throw badRequest(`Unknown product "${p.product}".`, 'unknown_product');
    if (seen.has(product.id)) throw badRequest(`${product.name} is listed twice.`, 'duplicate_product');
    seen.add(product.id);
    const variantIds = [...new Set(p.variantIds)];
    const unknown = variantIds.find((id) => !product.variants.some((v) => v.id === id));
    if (unknown) throw badRequest(`${product.name}: variant ${unknown} is not one of its options.`, 'unknown_variant');
    const prices = priceSizes(product, floorFor(product, variantIds), p);
    out.push({ productId: product.id, ...prices, variantIds });
  }
  return out;
}

/** 422 when a text (design prompt, title, tags) would not pass the studio's moderation. */
export function assertModerated(what: string, text: string) {
  const m = moderate(text);
  if (!m.ok) throw unprocessable(`${what} cannot be sold on Seedprint: ${m.reason} (matched "${m.term}")`, `moderation_${m.code}`);
}

function newListingSlug(title: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${base || 'listing'}-${randomBytes(3).toString('hex')}`;
}

function checkCampaign(c: { minOrders: number; deadline: Date } | null | undefined) {
  if (c) assertDeadlineAllowed(c.deadline);
}

/**
 * A shop may sell only designs its owner made (signed in, in the studio) or that the design's
 * maker licensed to it. Anything else (another shopper's design, another shop's design, a
 * design made while signed out) is 403.
 */
async function assertMaySell(seller: { id: string; userId: string }, design: { id: string; createdById: string | null }) {
  if (design.createdById === seller.userId) return;
  if (await repo.hasDesignLicense(design.id, seller.id)) return;
  if (!design.createdById) {
    throw new HttpError(403, 'You can only sell designs you made while signed in: this one was made without an account, so no one owns it. Make a new design in the studio (/design) while signed in (another seed, or “more like this” from this one) and list that.', 'design_not_yours');
  }
  throw new HttpError(403, 'You can only sell designs you made yourself: this design was made by someone else. Make your own in the studio (/design), or ask its maker to license it to your shop.', 'design_not_yours');
}

export async function createListing(user: CurrentUser, input: unknown) {
  const seller = await requireSeller(user);
  const data = parseOrThrow(listingSchema, input);
  const design = await findDesignSummary(data.design);
  if (!design) throw notFound('That design was not found: make one in the studio (/design) and paste its id.');
  await assertMaySell(seller, design);
  assertModerated('This design', design.prompt);
  assertModerated('This title', `${data.title} ${data.tags.join(' ')}`);
  const products = await resolveProducts(data.products);
  checkCampaign(data.campaign);
  for (let attempt = 0; ; attempt++) {
    try {
      const listing = await listings.createListing({
        sellerId: seller.id,
        designId: design.id,
        slug: newListingSlug(data.title),
        title: data.title,
        description: data.description,
        tags: data.tags,
        repeatIn: data.repeatIn,
        products,
        campaign: data.campaign ?? null,
      });
      await enqueueListingPhotos(listing.id);
      return listing;
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** The listing if `user` owns it (or is an admin). Anyone else gets 404: no hint it exists. */
export async function getOwnedListing(user: CurrentUser, listingId: string) {
  const listing = await listings.findListingById(listingId);
  if (!listing || (listing.seller.userId !== user.id && user.role !== 'ADMIN')) throw notFound('Listing not found.');
  return listing;
}

export async function updateListing(user: CurrentUser, listingId: string, input: unknown) {
  const listing = await getOwnedListing(user, listingId);
  const data = parseOrThrow(listingUpdateSchema, input);
  if (listing.status === 'ARCHIVED') throw conflict('This listing is archived: it can no longer be edited.', 'listing_archived');
  if (listing.status !== 'DRAFT' && (data.products !== undefined || data.campaign !== undefined || data.repeatIn !== undefined)) {
    throw conflict('Products, prices, pattern scale and the campaign are fixed once a listing is published (buyers have ordered at these terms).', 'listing_published');
  }
  if (data.title !== undefined || data.tags !== undefined) assertModerated('This title', `${data.title ?? listing.title} ${(data.tags ?? listing.tags).join(' ')}`);
  const products = data.products ? await resolveProducts(data.products) : undefined;
  if (data.campaign !== undefined) checkCampaign(data.campaign);
  const updated = await listings.updateListing(listing.id, {
    title: data.title,
    description: data.description,
    tags: data.tags,
    repeatIn: data.repeatIn,
    products,
    campaign: data.campaign,
  });
  const rescaled = data.repeatIn !== undefined && data.repeatIn !== listing.repeatIn;
  if (rescaled) await listings.deleteAllPhotos(listing.id);
  if (rescaled || products) {
    await enqueueListingPhotos(listing.id);
    return (await listings.findListingById(listing.id))!;
  }
  return updated;
}

/** Renders the photos again from scratch (e.g. after the mockup templates improved). */
export async function regeneratePhotos(user: CurrentUser, listingId: string) {
  const listing = await getOwnedListing(user, listingId);
  if (listing.status === 'ARCHIVED') throw conflict('This listing is archived.', 'listing_archived');
  await listings.deleteAllPhotos(listing.id);
  await enqueueListingPhotos(listing.id);
}


export async function publishListing(user: CurrentUser, listingId: string) {
  const listing = await getOwnedListing(user, listingId);
  if (listing.status === 'PUBLISHED') return listing;
  if (listing.status === 'ARCHIVED') throw conflict('This listing is archived: create a new listing to sell it again.', 'listing_archived');
  if (listing.photos.length === 0) {
    throw conflict('A listing needs at least one rendered photo before it can be published: wait for the product photos to finish (see "Photos" below) and try again.', 'no_photos');
  }
  const design = await findDesignSummary(listing.designId);
  if (!design) throw notFound('The design of this listing no longer exists.');
  await assertMaySell(listing.seller, design);
  assertModerated('This design', design.prompt);
  assertModerated('This title', `${listing.title} ${listing.tags.join(' ')}`);
  if (listing.campaign) assertDeadlineAllowed(listing.campaign.deadline);
  if (!listing.coverPhotoId) await listings.setCoverPhoto(listing.id, listing.photos[0].id);
  return listings.setListingStatus(listing.id, 'PUBLISHED', { publishedAt: new Date() });
}

export async function archiveListing(user: CurrentUser, listingId: string) {
  const listing = await getOwnedListing(user, listingId);
  if (listing.status === 'ARCHIVED') return listing;
  return listings.setListingStatus(listing.id, 'ARCHIVED');
}

export async function chooseCover(user: CurrentUser, listingId: string, photoId: string) {
  const listing = await getOwnedListing(user, listingId);
  if (!listing.photos.some((p) => p.id === photoId)) throw badRequest('That photo does not belong to this listing.', 'unknown_photo');
  await listings.setCoverPhoto(listing.id, photoId);
  return listings.findListingById(listing.id);
}

// ---- design licences ----
const licenseSchema = z.object({ shop: z.string().trim().toLowerCase().min(1, 'name the shop (its address, e.g. sams-shop)').max(40) });

/** The design if `user` made it (or is an admin): only its maker licenses it. */
async function designToLicense(user: CurrentUser, designId: string) {
  const design = isDesignId(designId) ? await findDesignSummary(designId) : null;
  if (!design) throw notFound('That design was not found.');
  if (design.createdById !== user.id && user.role !== 'ADMIN') throw new HttpError(403, 'Only the person who made a design can license it to a shop.', 'design_not_yours');
  return design;
}

/** The design's maker lets a shop (by its address) sell the design. Idempotent. */
export async function grantDesignLicense(user: CurrentUser, designId: string, input: unknown) {
  const design = await designToLicense(user, designId);
  const { shop } = parseOrThrow(licenseSchema, input);
  const seller = await repo.findSellerBySlug(shop);
  if (!seller) throw notFound(`There is no shop at /shops/${shop}.`);
  return repo.upsertDesignLicense(design.id, seller.id, user.id);
}

/** Withdraws a licence: the shop can no longer list or publish the design (published listings stay). */
export async function revokeDesignLicense(user: CurrentUser, designId: string, input: unknown) {
  const design = await designToLicense(user, designId);
  const { shop } = parseOrThrow(licenseSchema, input);
  const seller = await repo.findSellerBySlug(shop);
  if (!seller) throw notFound(`There is no shop at /shops/${shop}.`);
  await repo.deleteDesignLicense(design.id, seller.id);
}

export const listListingsForSeller = listings.listListingsForSeller;
