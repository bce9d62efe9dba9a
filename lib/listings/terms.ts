// A listing's sale terms, read in bulk for cart lines and checkouts: the seller's price per
// product and size, the listing's status and its campaign, if it is sold as a pre-order.
import * as repo from './listing-repository';
import { priceForSize } from './size-prices';

export interface CampaignTerms {
  id: string;
  status: string;
  deadline: Date;
}

export interface ListingTerms {
  /** `${listingId}:${productId}` → the seller's prices for that product (per size) */
  prices: Map<string, { priceMinor: number; sizePrices: unknown }>;
  campaigns: Map<string, CampaignTerms | null>;
  status: Map<string, string>;
}

export async function listingTerms(listingIds: string[]): Promise<ListingTerms> {
  const rows = await repo.listingPricesFor([...new Set(listingIds)]);
  const prices: ListingTerms['prices'] = new Map();
  const campaigns = new Map<string, CampaignTerms | null>();
  const status = new Map<string, string>();
  for (const r of rows) {
    for (const p of r.products) prices.set(`${r.id}:${p.productId}`, { priceMinor: p.priceMinor, sizePrices: p.sizePrices });
    campaigns.set(r.id, r.campaign ? { id: r.campaign.id, status: r.campaign.status, deadline: r.campaign.deadline } : null);
    status.set(r.id, r.status);
  }
  return { prices, campaigns, status };
}

/** The seller's price of one unit of this product and size, or undefined when not offered. */
export function termsPrice(terms: ListingTerms, listingId: string, productId: string, size: string | null | undefined): number | undefined {
  const lp = terms.prices.get(`${listingId}:${productId}`);
  return lp ? priceForSize(lp, size) : undefined;
}
