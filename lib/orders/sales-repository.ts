// Sales as other domains see them: listing revenue for the seller dashboard, and the orders of a
// campaign for its settlement. Read-only views over the order tables.
import { db } from '../db/client';

/** Order statuses that count as a sale (authorised campaign orders included). */
export const SOLD_STATUSES = ['AUTHORIZED', 'PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'] as const;
/** Order statuses where the money has been taken. */
export const CHARGED_STATUSES = ['PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'] as const;

/** Order lines of these listings (sold statuses), for revenue, order counts and the demand chart. */
export function soldListingLines(listingIds: string[], since?: Date) {
  return db.orderItem.findMany({
    where: { listingId: { in: listingIds }, order: { status: { in: [...SOLD_STATUSES] }, ...(since ? { createdAt: { gte: since } } : {}) } },
    select: { listingId: true, quantity: true, unitPriceMinor: true, orderId: true, order: { select: { status: true, createdAt: true, currency: true } } },
  });
}

/** Sold orders per campaign (what counts towards its minimum). */
export async function countCampaignOrders(campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db.order.groupBy({ by: ['campaignId'], where: { campaignId: { in: campaignIds }, status: { in: [...SOLD_STATUSES] } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.campaignId!, r._count._all]));
}

/** Orders a settled campaign still has to act on: authorised ones, and open checkouts. */
export function campaignOrdersToSettle(campaignId: string) {
  return db.order.findMany({
    where: { campaignId, status: { in: ['AUTHORIZED', 'PENDING_PAYMENT'] } },
    include: { payments: true },
    orderBy: { createdAt: 'asc' },
  });
}

/** Campaigns that still have an authorised, uncaptured order. */
export async function campaignsWithAuthorizedOrders(): Promise<string[]> {
  const rows = await db.order.findMany({ where: { campaignId: { not: null }, status: 'AUTHORIZED' }, select: { campaignId: true }, distinct: ['campaignId'] });
  return rows.flatMap((r) => (r.campaignId ? [r.campaignId] : []));
}

/** Cancelled orders of a campaign whose card had been authorised (and was then released). */
export function releasedCampaignOrders(campaignId: string) {
  return db.order.findMany({
    where: { campaignId, status: 'CANCELLED', payments: { some: { status: 'CANCELLED' } } },
    select: { id: true, number: true, email: true, totalMinor: true, currency: true },
  });
}

/** The campaign an order was placed for, if any. */
export async function campaignOfOrder(orderId: string): Promise<string | null> {
  return (await db.order.findUnique({ where: { id: orderId }, select: { campaignId: true } }))?.campaignId ?? null;
}
