// Seller, listing, photo and stat data access: the only lib/sellers module that touches Prisma.
import { db, Prisma, type ListingStatus } from '../db/client';

export type Tx = Prisma.TransactionClient;

/** Order statuses that count as a sale (authorised campaign orders included). */
export const SOLD_STATUSES = ['AUTHORIZED', 'PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'] as const;
/** Order statuses where the money has been taken. */
export const CHARGED_STATUSES = ['PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'] as const;

export const listingInclude = {
  seller: true,
  design: { select: { id: true, prompt: true, previewSha256: true, createdById: true, tileable: true } },
  products: { orderBy: { id: 'asc' as const } },
  photos: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] },
  campaign: true,
} satisfies Prisma.ListingInclude;

export type ListingRow = Prisma.ListingGetPayload<{ include: typeof listingInclude }>;

// ---- seller profiles ----
export function findSellerByUserId(userId: string) {
  return db.sellerProfile.findUnique({ where: { userId } });
}

export function findSellerBySlug(slug: string) {
  return db.sellerProfile.findUnique({ where: { slug } });
}

export function findSellerById(id: string) {
  return db.sellerProfile.findUnique({ where: { id } });
}

/** Creates the profile and makes a shopper a seller, in one transaction. Admins stay admins. */
export async function createSellerProfile(userId: string, data: { shopName: string; slug: string; bio: string | null; payoutDetails: Prisma.InputJsonValue | null }) {
  return db.$transaction(async (tx) => {
    const profile = await tx.sellerProfile.create({
      data: { userId, shopName: data.shopName, slug: data.slug, bio: data.bio, payoutDetails: data.payoutDetails ?? Prisma.JsonNull },
    });
    await tx.user.updateMany({ where: { id: userId, role: 'SHOPPER' }, data: { role: 'SELLER' } });
    return profile;
  });
}

export function updateSellerProfile(id: string, data: { shopName?: string; bio?: string | null; payoutDetails?: Prisma.InputJsonValue | null }) {
  const { payoutDetails, ...rest } = data;
  return db.sellerProfile.update({
    where: { id },
    data: { ...rest, ...(payoutDetails !== undefined ? { payoutDetails: payoutDetails ?? Prisma.JsonNull } : {}) },
  });
}

export async function slugTaken(table: 'seller' | 'listing', slug: string): Promise<boolean> {
  if (table === 'seller') return (await db.sellerProfile.count({ where: { slug } })) > 0;
  return (await db.listing.count({ where: { slug } })) > 0;
}

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

// ---- designs ----
export function findDesign(id: string) {
  return db.design.findUnique({ where: { id }, select: { id: true, prompt: true, negativePrompt: true, recipe: true, previewSha256: true, createdById: true, tileable: true } });
}

/** Whether the design's owner has licensed it to this shop. */
export async function hasDesignLicense(designId: string, sellerId: string): Promise<boolean> {
  return (await db.designLicense.count({ where: { designId, sellerId } })) > 0;
}

/** Grants (idempotent) a shop the right to sell a design. */
export function upsertDesignLicense(designId: string, sellerId: string, grantedById: string) {
  return db.designLicense.upsert({ where: { designId_sellerId: { designId, sellerId } }, create: { designId, sellerId, grantedById }, update: {} });
}

export function deleteDesignLicense(designId: string, sellerId: string) {
  return db.designLicense.deleteMany({ where: { designId, sellerId } });
}

export function listDesignsByUser(userId: string, take = 24) {
  return db.design.findMany({ where: { createdById: userId }, select: { id: true, prompt: true, previewSha256: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take });
}

// ---- listings ----
export interface ListingProductInput {
  productId: string;
  priceMinor: number;
  variantIds: string[];
}

export interface CampaignInput {
  minOrders: number;
  deadline: Date;
}

export function findListingById(id: string) {
  return db.listing.findUnique({ where: { id }, include: listingInclude });
}

export function findListingBySlug(slug: string) {
  return db.listing.findUnique({ where: { slug }, include: listingInclude });
}

export function listListingsForSeller(sellerId: string, opts: { status?: ListingStatus[] } = {}) {
  return db.listing.findMany({
    where: { sellerId, ...(opts.status ? { status: { in: opts.status } } : {}) },
    include: listingInclude,
    orderBy: [{ publishedAt: 'desc' }, { createdAt: 'desc' }],
  });
}

export function createListing(data: {
  sellerId: string;
  designId: string;
  slug: string;
  title: string;
  description: string;
  tags: string[];
  repeatIn: number;
  products: ListingProductInput[];
  campaign: CampaignInput | null;
}) {
  return db.listing.create({
    data: {
      sellerId: data.sellerId,
      designId: data.designId,
      slug: data.slug,
      title: data.title,
      description: data.description,
      tags: data.tags,
      repeatIn: data.repeatIn,
      products: { create: data.products },
      ...(data.campaign ? { campaign: { create: data.campaign } } : {}),
    },
    include: listingInclude,
  });
}

/** Replaces the listing's fields; products and campaign are replaced when given (drafts only). */
export function updateListing(
  id: string,
  data: { title?: string; description?: string; tags?: string[]; repeatIn?: number; products?: ListingProductInput[]; campaign?: CampaignInput | null },
) {
  return db.$transaction(async (tx) => {
    const { products, campaign, ...fields } = data;
    await tx.listing.update({ where: { id }, data: fields });
    if (products) {
      await tx.listingProduct.deleteMany({ where: { listingId: id } });
      await tx.listingProduct.createMany({ data: products.map((p) => ({ ...p, listingId: id })) });
    }
    if (campaign === null) await tx.campaign.deleteMany({ where: { listingId: id } });
    else if (campaign) await tx.campaign.upsert({ where: { listingId: id }, create: { listingId: id, ...campaign }, update: campaign });
    return tx.listing.findUniqueOrThrow({ where: { id }, include: listingInclude });
  });
}

export function setListingStatus(id: string, status: ListingStatus, extra: { publishedAt?: Date } = {}) {
  return db.listing.update({ where: { id }, data: { status, ...extra }, include: listingInclude });
}

export function setCoverPhoto(listingId: string, photoId: string | null) {
  return db.listing.update({ where: { id: listingId }, data: { coverPhotoId: photoId } });
}

// ---- photos ----
export function findPhoto(id: string) {
  return db.listingPhoto.findUnique({ where: { id }, include: { listing: { select: { id: true, status: true, sellerId: true, seller: { select: { userId: true } } } } } });
}

/** One photo per (listing, kind, product, view): a re-run replaces the picture, never duplicates it. */
export async function upsertPhoto(p: { listingId: string; kind: string; productSlug: string; view: string; blobKey: string }) {
  const existing = await db.listingPhoto.findFirst({ where: { listingId: p.listingId, kind: p.kind, productSlug: p.productSlug, view: p.view } });
  if (existing) return db.listingPhoto.update({ where: { id: existing.id }, data: { blobKey: p.blobKey } });
  return db.listingPhoto.create({ data: p });
}

/** Removes photos of products no longer on the listing (and clears the cover if it was one). */
export async function prunePhotos(listingId: string, keepProductSlugs: string[]) {
  return db.$transaction(async (tx) => {
    const gone = await tx.listingPhoto.findMany({ where: { listingId, productSlug: { notIn: keepProductSlugs } }, select: { id: true } });
    if (gone.length === 0) return 0;
    await tx.listing.updateMany({ where: { id: listingId, coverPhotoId: { in: gone.map((g) => g.id) } }, data: { coverPhotoId: null } });
    await tx.listingPhoto.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
    return gone.length;
  });
}

export function deleteAllPhotos(listingId: string) {
  return db.$transaction([db.listing.update({ where: { id: listingId }, data: { coverPhotoId: null } }), db.listingPhoto.deleteMany({ where: { listingId } })]);
}

// ---- views and stats ----
/** Counts one view: the listing's total and today's row (UTC day), atomically. */
export async function recordView(listingId: string, day: Date) {
  await db.$transaction([
    db.listing.update({ where: { id: listingId }, data: { views: { increment: 1 } } }),
    db.listingDailyStat.upsert({
      where: { listingId_day: { listingId, day } },
      create: { listingId, day, views: 1 },
      update: { views: { increment: 1 } },
    }),
  ]);
}

export function dailyStats(listingIds: string[], since: Date) {
  return db.listingDailyStat.findMany({ where: { listingId: { in: listingIds }, day: { gte: since } }, orderBy: { day: 'asc' } });
}

/** Order lines of these listings (sold statuses), for revenue, order counts and the demand chart. */
export function soldItems(listingIds: string[], since?: Date) {
  return db.orderItem.findMany({
    where: { listingId: { in: listingIds }, order: { status: { in: [...SOLD_STATUSES] }, ...(since ? { createdAt: { gte: since } } : {}) } },
    select: { listingId: true, quantity: true, unitPriceMinor: true, orderId: true, order: { select: { status: true, createdAt: true, currency: true } } },
  });
}

// ---- public pages ----
export function listPublishedListings(opts: { sellerId?: string; take?: number } = {}) {
  return db.listing.findMany({
    where: { status: 'PUBLISHED', ...(opts.sellerId ? { sellerId: opts.sellerId } : {}) },
    include: listingInclude,
    orderBy: { publishedAt: 'desc' },
    take: opts.take ?? 100,
  });
}

export function sitemapRows() {
  return db.listing.findMany({
    where: { status: 'PUBLISHED' },
    select: { slug: true, updatedAt: true, seller: { select: { slug: true, updatedAt: true } } },
    orderBy: { publishedAt: 'desc' },
    take: 5000,
  });
}

// ---- cart ----
/** Adds a listing line to a cart (merging with the same listing + variant). */
export async function addListingCartItem(cartId: string, item: { listingId: string; variantId: string; designId: string; quantity: number; repeatIn: number }) {
  return db.$transaction(async (tx) => {
    const same = await tx.cartItem.findFirst({ where: { cartId, listingId: item.listingId, variantId: item.variantId } });
    if (same) return tx.cartItem.update({ where: { id: same.id }, data: { quantity: Math.min(99, same.quantity + item.quantity) } });
    const created = await tx.cartItem.create({ data: { cartId, ...item } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return created;
  });
}

/** Listing prices and campaign state for cart lines: key `${listingId}:${productId}`. */
export async function listingPricesFor(listingIds: string[]) {
  if (listingIds.length === 0) return [];
  return db.listing.findMany({
    where: { id: { in: listingIds } },
    select: { id: true, status: true, title: true, products: { select: { productId: true, priceMinor: true, variantIds: true } }, campaign: true },
  });
}
