// A listing's sale terms, read in bulk for cart lines and checkouts: the seller's price per
// product, the listing's status and its campaign, if it is sold as a pre-order.
import * as repo from './listing-repository';

export interface CampaignTerms {
  id: string;
  status: string;
  deadline: Date;
}

export interface ListingTerms {
  /** `${listingId}:${productId}` → the seller's price in minor units */
  prices: Map<string, number>;
  campaigns: Map<string, CampaignTerms | null>;
  status: Map<string, string>;
}

export async function listingTerms(listingIds: string[]): Promise<ListingTerms> {
  const rows = await repo.listingPricesFor([...new Set(listingIds)]);
  const prices = new Map<string, number>();
  const campaigns = new Map<string, CampaignTerms | null>();
  const status = new Map<string, string>();
  for (const r of rows) {
    for (const p of r.products) prices.set(`${r.id}:${p.productId}`, p.priceMinor);
    campaigns.set(r.id, r.campaign ? { id: r.campaign.id, status: r.campaign.status, deadline: r.campaign.deadline } : null);
    status.set(r.id, r.status);
  }
  return { prices, campaigns, status };
}
