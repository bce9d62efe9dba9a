// Listing lines in the cart: what a shopper may add, and the price they pay (the seller's
// listing price, never the catalog price).
import { conflict, notFound } from '../http/errors';
import { findVariant } from '../catalog';
import * as repo from './seller-repository';

export interface ListingLine {
  listingId: string;
  designId: string;
  repeatIn: number;
  priceMinor: number;
  campaignId: string | null;
}

/** Validates a listing + variant for the cart (published, offered, campaign still open). */
export async function resolveListingLine(listingId: string, variantId: string, now = new Date()): Promise<ListingLine> {
  const listing = await repo.findListingById(listingId);
  if (!listing || listing.status !== 'PUBLISHED') throw notFound('That listing is not for sale.');
  const variant = await findVariant(variantId);
  if (!variant || !variant.active || !variant.product.active) throw notFound('That product option is no longer available.');
  const lp = listing.products.find((p) => p.productId === variant.productId);
  if (!lp || (lp.variantIds.length > 0 && !lp.variantIds.includes(variant.id))) throw notFound('That product option is not offered on this listing.');
  const c = listing.campaign;
  if (c && c.status === 'FAILED') throw conflict('This campaign has ended without reaching its minimum: it can no longer be ordered.', 'campaign_failed');
  if (c && c.status === 'ACTIVE' && c.deadline <= now) throw conflict('This campaign has reached its deadline: it can no longer be ordered.', 'campaign_ended');
  return { listingId, designId: listing.designId, repeatIn: listing.repeatIn, priceMinor: lp.priceMinor, campaignId: c && c.status === 'ACTIVE' ? c.id : null };
}

export const addListingCartItem = repo.addListingCartItem;

/** Listing prices and open campaigns for cart lines, keyed `${listingId}:${productId}`. */
export async function listingTerms(listingIds: string[]) {
  const rows = await repo.listingPricesFor([...new Set(listingIds)]);
  const prices = new Map<string, number>();
  const campaigns = new Map<string, { id: string; status: string; deadline: Date } | null>();
  const status = new Map<string, string>();
  for (const r of rows) {
    for (const p of r.products) prices.set(`${r.id}:${p.productId}`, p.priceMinor);
    campaigns.set(r.id, r.campaign ? { id: r.campaign.id, status: r.campaign.status, deadline: r.campaign.deadline } : null);
    status.set(r.id, r.status);
  }
  return { prices, campaigns, status };
}
