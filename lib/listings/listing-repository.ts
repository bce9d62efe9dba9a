// Listing data access: the only module that touches the listing tables (Listing, ListingProduct,
// ListingPhoto, ListingDailyStat) and a listing's campaign terms (Campaign).
import { db, Prisma, type CampaignStatus, type ListingStatus } from '../db/client';
import { listingsChanged } from './public-caches';

export const listingInclude = {
  seller: true,
  design: { select: { id: true, prompt: true, previewSha256: true, createdById: true, tileable: true } },
  products: { orderBy: { id: 'asc' as const } },
  photos: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] },
  campaign: true,
} satisfies Prisma.ListingInclude;

export type ListingRow = Prisma.ListingGetPayload<{ include: typeof listingInclude }>;

export interface ListingProductInput {
  productId: string;
  /** the lowest size price (the price itself for a sizeless product) */
  priceMinor: number;
  /** size → price, every offered size (empty for a sizeless product) */
  sizePrices: Record<string, number>;
  variantIds: string[];
}

export interface CampaignInput {
  minOrders: number;
  deadline: Date;
}

/** A listing write: the public listing, shop and search caches of this process are cleared once it is done. */
async function changed<T>(write: Promise<T>): Promise<T> {
  const r = await write;
  listingsChanged();
  return r;
}

// ---- listings ----
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
  return changed(db.listing.create({
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
  }));
}

/** Replaces the listing's fields; products and campaign are replaced when given (drafts only). */
export function updateListing(
  id: string,
  data: { title?: string; description?: string; tags?: string[]; repeatIn?: number; products?: ListingProductInput[]; campaign?: CampaignInput | null },
) {
  return changed(db.$transaction(async (tx) => {
    const { products, campaign, ...fields } = data;
    await tx.listing.update({ where: { id }, data: fields });
    if (products) {
      await tx.listingProduct.deleteMany({ where: { listingId: id } });
      await tx.listingProduct.createMany({ data: products.map((p) => ({ ...p, listingId: id })) });
    }
    if (campaign === null) await tx.campaign.deleteMany({ where: { listingId: id } });
    else if (campaign) await tx.campaign.upsert({ where: { listingId: id }, create: { listingId: id, ...campaign }, update: campaign });
    return tx.listing.findUniqueOrThrow({ where: { id }, include: listingInclude });
  }));
}

export function setListingStatus(id: string, status: ListingStatus, extra: { publishedAt?: Date } = {}) {
  return changed(db.listing.update({ where: { id }, data: { status, ...extra }, include: listingInclude }));
}

export function setCoverPhoto(listingId: string, photoId: string | null) {
  return changed(db.listing.update({ where: { id: listingId }, data: { coverPhotoId: photoId } }));
}

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

/** Prices, status and campaign of these listings: what a cart line or a checkout pays. */
export async function listingPricesFor(listingIds: string[]) {
  if (listingIds.length === 0) return [];
  return db.listing.findMany({
    where: { id: { in: listingIds } },
    select: { id: true, status: true, title: true, products: { select: { productId: true, priceMinor: true, sizePrices: true, variantIds: true } }, campaign: true },
  });
}

// ---- photos ----
export function findPhoto(id: string) {
  return db.listingPhoto.findUnique({ where: { id }, include: { listing: { select: { id: true, status: true, sellerId: true, seller: { select: { userId: true } } } } } });
}

/** One photo per (listing, kind, product, view): a re-run replaces the picture, never duplicates it. */
export async function upsertPhoto(p: { listingId: string; kind: string; productSlug: string; view: string; blobKey: string }) {
  const existing = await db.listingPhoto.findFirst({ where: { listingId: p.listingId, kind: p.kind, productSlug: p.productSlug, view: p.view } });
  if (existing) return changed(db.listingPhoto.update({ where: { id: existing.id }, data: { blobKey: p.blobKey } }));
  return changed(db.listingPhoto.create({ data: p }));
}

/** Removes photos of products no longer on the listing (and clears the cover if it was one). */
export async function prunePhotos(listingId: string, keepProductSlugs: string[]) {
  return changed(db.$transaction(async (tx) => {
    const gone = await tx.listingPhoto.findMany({ where: { listingId, productSlug: { notIn: keepProductSlugs } }, select: { id: true } });
    if (gone.length === 0) return 0;
    await tx.listing.updateMany({ where: { id: listingId, coverPhotoId: { in: gone.map((g) => g.id) } }, data: { coverPhotoId: null } });
    await tx.listingPhoto.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
    return gone.length;
  }));
}

/** Of these blob keys, the ones some listing photo shows. */
export async function listingPhotoKeysInUse(keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  return new Set((await db.listingPhoto.findMany({ where: { blobKey: { in: keys } }, select: { blobKey: true } })).map((p) => p.blobKey));
}

export function deleteAllPhotos(listingId: string) {
  return changed(db.$transaction([db.listing.update({ where: { id: listingId }, data: { coverPhotoId: null } }), db.listingPhoto.deleteMany({ where: { listingId } })]));
}

// ---- views and stats ----
/**
 * Adds counted views: each row's count to its listing's total and to that day's ListingDailyStat
 * row, in one statement. Rows of listings deleted meanwhile are dropped.
 */
export async function addViews(rows: { listingId: string; day: Date; views: number }[]) {
  if (rows.length === 0) return;
  // One order for every writer, so two instances flushing at once lock rows in the same order.
  const sorted = [...rows].sort((a, b) => (a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : a.day.getTime() - b.day.getTime()));
  await db.$executeRaw`
    WITH v AS (SELECT * FROM unnest(${sorted.map((r) => r.listingId)}::text[], ${sorted.map((r) => r.day.toISOString().slice(0, 10))}::date[], ${sorted.map((r) => r.views)}::int[]) AS v(id, day, n)),
    bump AS (
      UPDATE "Listing" l SET views = l.views + t.n
      FROM (SELECT id, sum(n)::int AS n FROM v GROUP BY id ORDER BY id) t
      WHERE l.id = t.id
      RETURNING l.id
    )
    INSERT INTO "ListingDailyStat" ("listingId", day, views)
    SELECT v.id, v.day, v.n FROM v JOIN bump ON bump.id = v.id ORDER BY v.id, v.day
    ON CONFLICT ("listingId", day) DO UPDATE SET views = "ListingDailyStat".views + EXCLUDED.views`;
}

export function dailyStats(listingIds: string[], since: Date) {
  return db.listingDailyStat.findMany({ where: { listingId: { in: listingIds }, day: { gte: since } }, orderBy: { day: 'asc' } });
}

// ---- campaigns (a listing's pre-order terms; lib/campaigns settles them) ----
export function findCampaign(id: string) {
  return db.campaign.findUnique({ where: { id }, include: { listing: { select: { id: true, slug: true, title: true, status: true, seller: { select: { userId: true, shopName: true } } } } } });
}

export function findCampaignByListing(listingId: string) {
  return db.campaign.findUnique({ where: { listingId } });
}

/** Campaigns in these states (only among `ids`, when given). */
export function findCampaignsByStatus(statuses: CampaignStatus[], ids?: string[]) {
  return db.campaign.findMany({ where: { status: { in: statuses }, ...(ids ? { id: { in: ids } } : {}) }, select: { id: true, status: true, minOrders: true, deadline: true } });
}

export function setCampaignDeadline(campaignId: string, deadline: Date) {
  return changed(db.campaign.update({ where: { id: campaignId }, data: { deadline } }));
}

/**
 * Decides an ACTIVE campaign under its row lock and stores the outcome, so two settle runs
 * never decide differently. `decideFn` runs while the lock is held. Returns the campaign after.
 */
export function decideCampaign(campaignId: string, decideFn: (c: { id: string; minOrders: number; deadline: Date }) => Promise<CampaignStatus>) {
  return changed(db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${campaignId} FOR UPDATE`;
    const c = await tx.campaign.findUnique({ where: { id: campaignId } });
    if (!c) return null;
    if (c.status !== 'ACTIVE') return c;
    const status = await decideFn(c);
    if (status === 'ACTIVE') return c;
    return tx.campaign.update({ where: { id: campaignId }, data: { status, settledAt: new Date() } });
  }));
}

// ---- search ----
export interface ListingHit {
  id: string;
  slug: string;
  title: string;
  designId: string;
  shopName: string;
  rank: number;
}

/**
 * Published listings matching a tsquery (lib/catalog builds it from what a shopper typed), best
 * first. The document is the SQL function the GIN index is built on (catalog_search migration).
 */
export async function searchListings(tsquery: string, limit = 24): Promise<ListingHit[]> {
  if (!tsquery) return [];
  return db.$queryRaw<ListingHit[]>`
    SELECT l.id, l.slug, l.title, l."designId", s."shopName",
           ts_rank(seedprint_listing_search(l.title, l.tags, l.description), q)::float8 AS rank
    FROM "Listing" l JOIN "SellerProfile" s ON s.id = l."sellerId", to_tsquery('english', ${tsquery}) q
    WHERE l.status = 'PUBLISHED' AND seedprint_listing_search(l.title, l.tags, l.description) @@ q
    ORDER BY rank DESC, l."publishedAt" DESC NULLS LAST
    LIMIT ${limit}`;
}
