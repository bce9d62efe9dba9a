// What shoppers see: published listings, shop pages, view counting, the sitemap, and the
// seller's dashboard numbers.
import { env } from '../env';
import { ttlCache } from '../cache';
import { listProducts, listProductsCached } from '../catalog';
import { progressForCampaign, progressForCampaigns, type CampaignProgress } from '../campaigns';
import {
  PUBLIC_LISTING_CACHE,
  PUBLIC_SHOP_CACHE,
  PUBLIC_TTL_MS,
  countView,
  dailyStats,
  findCampaignByListing,
  findCampaignsByStatus,
  findListingBySlug,
  flushViews,
  listListingsForSeller,
  listPublishedListings,
  priceForSize,
  sitemapRows,
  type ListingRow,
  type SizePrices,
} from '../listings';
import { CHARGED_STATUSES, soldListingLines } from '../orders';
import * as repo from './seller-repository';

export type { ListingRow };

/** Where a listing photo is served (public once the listing is published). */
export const photoUrl = (photoId: string) => `/api/listings/photos/${photoId}`;
export const listingUrl = (slug: string) => `/listings/${slug}`;
export const shopUrl = (slug: string) => `/shops/${slug}`;

export interface OfferVariant {
  id: string;
  color: string;
  colorHex: string;
  size: string | null;
}
export interface Offer {
  productId: string;
  slug: string;
  name: string;
  kind: string;
  description: string;
  /** the lowest size price ("from") */
  priceMinor: number;
  /** size → the seller's price (empty for a sizeless product) */
  sizePrices: SizePrices;
  currency: string;
  variants: OfferVariant[];
}

/** The products, prices and variants a listing offers (inactive catalog entries dropped). */
export async function offersFor(listing: Pick<ListingRow, 'products'>, products?: Awaited<ReturnType<typeof listProducts>>): Promise<Offer[]> {
  const catalog = products ?? (await listProducts());
  const out: Offer[] = [];
  for (const lp of listing.products) {
    const p = catalog.find((c) => c.id === lp.productId);
    if (!p) continue;
    const variants = p.variants.filter((v) => lp.variantIds.length === 0 || lp.variantIds.includes(v.id));
    if (variants.length === 0) continue;
    out.push({
      productId: p.id,
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      description: p.description,
      priceMinor: lp.priceMinor,
      // In the catalog's size order (a JSON column keeps its own key order), every size priced.
      sizePrices: Object.fromEntries([...new Set(variants.flatMap((v) => (v.size ? [v.size] : [])))].map((size) => [size, priceForSize(lp, size)])),
      currency: variants[0].currency,
      variants: variants.map((v) => ({ id: v.id, color: v.color, colorHex: v.colorHex, size: v.size })),
    });
  }
  return out;
}

export function coverPhoto(listing: Pick<ListingRow, 'photos' | 'coverPhotoId'>) {
  return listing.photos.find((p) => p.id === listing.coverPhotoId) ?? listing.photos[0] ?? null;
}

// Listing and shop rows for public pages, at most PUBLIC_TTL_MS old (lib/listings clears them on writes).
// (Made on first use: lib/listings and this module import each other.)
const listingCache = () => ttlCache<Awaited<ReturnType<typeof findListingBySlug>>>(PUBLIC_LISTING_CACHE, PUBLIC_TTL_MS, 2_000);
const shopCache = () => ttlCache<{ seller: NonNullable<Awaited<ReturnType<typeof repo.findSellerBySlug>>>; listings: ListingRow[] } | null>(PUBLIC_SHOP_CACHE, PUBLIC_TTL_MS, 500);

/** A published listing by slug with what its page needs, or null (drafts and archives are not public). */
export async function getPublicListing(slug: string) {
  const cached = await listingCache().get(slug, () => findListingBySlug(slug));
  if (!cached || cached.status !== 'PUBLISHED') return null;
  // A campaign's state and sales are read fresh: a sale or a settlement shows at once.
  const campaign = cached.campaign ? await findCampaignByListing(cached.id) : null;
  const listing = { ...cached, campaign };
  const [offers, progress] = await Promise.all([offersFor(listing, await listProductsCached()), progressForCampaign(campaign)]);
  return { listing, offers, progress, cover: coverPhoto(listing) };
}

const utcDay = (d = new Date()) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** Counts a page view (total + that day's ListingDailyStat row), written within a few seconds. */
export function recordListingView(listingId: string, now = new Date()): void {
  countView(listingId, utcDay(now));
}

/**
 * A shopper opened a published listing's page (the page is cached, so its script reports the
 * visit): counts the view unless the viewer is its seller, and returns the campaign's progress,
 * read fresh. Null when no published listing has this slug.
 */
export async function visitListing(slug: string, viewerId: string | null, now = new Date()): Promise<{ progress: CampaignProgress | null } | null> {
  const data = await getPublicListing(slug);
  if (!data) return null;
  if (viewerId !== data.listing.seller.userId) recordListingView(data.listing.id, now);
  return { progress: data.progress };
}

/** Writes the page views counted so far. */
export const flushListingViews = flushViews;

export async function getShop(slug: string) {
  const shop = await shopCache().get(slug, async () => {
    const seller = await repo.findSellerBySlug(slug);
    return seller ? { seller, listings: await listPublishedListings({ sellerId: seller.id }) } : null;
  });
  if (!shop) return null;
  const { seller, listings } = shop;
  const campaignIds = listings.flatMap((l) => (l.campaign ? [l.campaign.id] : []));
  // Campaign states and sales are read fresh, as on the listing page.
  const [catalog, campaigns] = await Promise.all([listProductsCached(), campaignIds.length ? findCampaignsByStatus(['ACTIVE', 'SUCCEEDED', 'FAILED'], campaignIds) : []]);
  const progress = await progressForCampaigns(campaigns);
  const cards = await Promise.all(
    listings.map(async (l) => {
      const offers = await offersFor(l, catalog); // one catalog read for every card
      return {
        listing: l,
        cover: coverPhoto(l),
        fromMinor: offers.length ? Math.min(...offers.map((o) => o.priceMinor)) : null,
        currency: offers[0]?.currency ?? 'usd',
        progress: l.campaign ? (progress.get(l.campaign.id) ?? null) : null,
      };
    }),
  );
  return { seller, cards };
}

/**
 * Sitemap entries for public shops and listings. app/sitemap.ts (owned by the UI engineer) can
 * spread these into its result: `return [...base, ...(await listingSitemapEntries())]`.
 */
export async function listingSitemapEntries(): Promise<{ url: string; lastModified: Date; changeFrequency: 'daily' | 'weekly'; priority: number }[]> {
  const base = env().PUBLIC_URL.replace(/\/+$/, '');
  const rows = await sitemapRows();
  const shops = new Map<string, Date>();
  for (const r of rows) {
    const prev = shops.get(r.seller.slug);
    if (!prev || prev < r.updatedAt) shops.set(r.seller.slug, r.updatedAt > r.seller.updatedAt ? r.updatedAt : r.seller.updatedAt);
  }
  return [
    ...rows.map((r) => ({ url: `${base}${listingUrl(r.slug)}`, lastModified: r.updatedAt, changeFrequency: 'daily' as const, priority: 0.7 })),
    ...[...shops].map(([slug, lastModified]) => ({ url: `${base}${shopUrl(slug)}`, lastModified, changeFrequency: 'weekly' as const, priority: 0.5 })),
  ];
}

// ---- the seller's dashboard ----
export interface DayPoint {
  day: string; // YYYY-MM-DD
  views: number;
  orders: number;
}

export interface ListingSummary {
  listing: ListingRow;
  views: number;
  orders: number;
  unitsSold: number;
  revenueMinor: number; // charged orders only
  pendingMinor: number; // authorised campaign orders, not charged yet
  progress: CampaignProgress | null;
}

export async function sellerDashboard(sellerId: string, days = 30, now = new Date()) {
  const listings = await listListingsForSeller(sellerId);
  const ids = listings.map((l) => l.id);
  const since = utcDay(new Date(now.getTime() - (days - 1) * 86_400_000));
  const [stats, items, progress] = await Promise.all([
    dailyStats(ids, since),
    soldListingLines(ids),
    progressForCampaigns(listings.flatMap((l) => (l.campaign ? [l.campaign] : [])), now),
  ]);
  const charged = new Set<string>(CHARGED_STATUSES);
  const summaries: ListingSummary[] = listings.map((l) => {
    const mine = items.filter((i) => i.listingId === l.id);
    return {
      listing: l,
      views: l.views,
      orders: new Set(mine.map((i) => i.orderId)).size,
      unitsSold: mine.reduce((n, i) => n + i.quantity, 0),
      revenueMinor: mine.filter((i) => charged.has(i.order.status)).reduce((n, i) => n + i.unitPriceMinor * i.quantity, 0),
      pendingMinor: mine.filter((i) => i.order.status === 'AUTHORIZED').reduce((n, i) => n + i.unitPriceMinor * i.quantity, 0),
      progress: l.campaign ? (progress.get(l.campaign.id) ?? null) : null,
    };
  });
  const series: DayPoint[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    series.push({ day: d, views: 0, orders: 0 });
  }
  const at = (d: Date) => series.find((p) => p.day === d.toISOString().slice(0, 10));
  for (const s of stats) {
    const p = at(s.day);
    if (p) p.views += s.views;
  }
  const countedOrders = new Set<string>();
  for (const i of items) {
    if (countedOrders.has(i.orderId) || i.order.createdAt < since) continue;
    countedOrders.add(i.orderId);
    const p = at(utcDay(i.order.createdAt));
    if (p) p.orders += 1;
  }
  const totals = {
    listings: listings.length,
    published: listings.filter((l) => l.status === 'PUBLISHED').length,
    views: summaries.reduce((n, s) => n + s.views, 0),
    orders: summaries.reduce((n, s) => n + s.orders, 0),
    revenueMinor: summaries.reduce((n, s) => n + s.revenueMinor, 0),
    pendingMinor: summaries.reduce((n, s) => n + s.pendingMinor, 0),
  };
  return { summaries, series, totals };
}
