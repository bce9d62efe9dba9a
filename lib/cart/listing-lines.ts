// Listing lines in the cart: what a shopper may add from a seller's listing, and the price they
// pay (the seller's price for the chosen size, never the catalog price).
import { conflict, notFound } from '../http/errors';
import { findVariant } from '../catalog';
import { findListingById, priceForSize } from '../listings';

export interface ListingLine {
  listingId: string;
  designId: string;
  repeatIn: number;
  priceMinor: number;
  campaignId: string | null;
}

/** Validates a listing + variant for the cart (published, offered, campaign still open). */
export async function resolveListingLine(listingId: string, variantId: string, now = new Date()): Promise<ListingLine> {
  const listing = await findListingById(listingId);
  if (!listing || listing.status !== 'PUBLISHED') throw notFound('That listing is not for sale.');
  const variant = await findVariant(variantId);
  if (!variant || !variant.active || !variant.product.active) throw notFound('That product option is no longer available.');
  const lp = listing.products.find((p) => p.productId === variant.productId);
  if (!lp || (lp.variantIds.length > 0 && !lp.variantIds.includes(variant.id))) throw notFound('That product option is not offered on this listing.');
  const c = listing.campaign;
  if (c && c.status === 'FAILED') throw conflict('This campaign has ended without reaching its minimum: it can no longer be ordered.', 'campaign_failed');
  if (c && c.status === 'ACTIVE' && c.deadline <= now) throw conflict('This campaign has reached its deadline: it can no longer be ordered.', 'campaign_ended');
  return { listingId, designId: listing.designId, repeatIn: listing.repeatIn, priceMinor: priceForSize(lp, variant.size), campaignId: c && c.status === 'ACTIVE' ? c.id : null };
}
