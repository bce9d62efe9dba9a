// Campaign data access: the only lib/campaigns module that touches Prisma.
import { db, type CampaignStatus } from '../db/client';

/** Orders that count towards a campaign's minimum. */
export const COUNTED_STATUSES = ['AUTHORIZED', 'PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'] as const;

export function findCampaign(id: string) {
  return db.campaign.findUnique({ where: { id }, include: { listing: { select: { id: true, slug: true, title: true, status: true, seller: { select: { userId: true, shopName: true } } } } } });
}

export function findCampaignByListing(listingId: string) {
  return db.campaign.findUnique({ where: { listingId } });
}

export function countSold(campaignId: string) {
  return db.order.count({ where: { campaignId, status: { in: [...COUNTED_STATUSES] } } });
}

export async function countSoldMany(campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db.order.groupBy({ by: ['campaignId'], where: { campaignId: { in: campaignIds }, status: { in: [...COUNTED_STATUSES] } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.campaignId!, r._count._all]));
}

/**
 * Decides an ACTIVE campaign under a row lock and records the outcome before any money moves,
 * so a crash later can only resume the same decision. Returns the campaign's status after.
 */
export function decide(campaignId: string, decideFn: (c: { minOrders: number; deadline: Date }, sold: number) => CampaignStatus) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${campaignId} FOR UPDATE`;
    const c = await tx.campaign.findUnique({ where: { id: campaignId } });
    if (!c) return null;
    if (c.status !== 'ACTIVE') return c;
    const sold = await tx.order.count({ where: { campaignId, status: { in: [...COUNTED_STATUSES] } } });
    const status = decideFn(c, sold);
    if (status === 'ACTIVE') return c;
    return tx.campaign.update({ where: { id: campaignId }, data: { status, settledAt: new Date() } });
  });
}

/** Orders a settled campaign still has to act on: authorised ones, and open checkouts. */
export function ordersToSettle(campaignId: string) {
  return db.order.findMany({
    where: { campaignId, status: { in: ['AUTHORIZED', 'PENDING_PAYMENT'] } },
    include: { payments: true },
    orderBy: { createdAt: 'asc' },
  });
}

export function findOrderWithPayments(orderId: string) {
  return db.order.findUnique({ where: { id: orderId }, include: { payments: true } });
}

/** Campaigns the sweep must (re)settle: active ones that are due, settled ones with loose ends. */
export async function findDue(now: Date) {
  const active = await db.campaign.findMany({ where: { status: 'ACTIVE' }, select: { id: true, minOrders: true, deadline: true } });
  const sold = await countSoldMany(active.map((c) => c.id));
  const due = active.filter((c) => c.deadline <= now || (sold.get(c.id) ?? 0) >= c.minOrders).map((c) => c.id);
  const loose = await db.campaign.findMany({
    where: { status: { in: ['SUCCEEDED', 'FAILED'] }, orders: { some: { status: 'AUTHORIZED' } } },
    select: { id: true },
  });
  return [...new Set([...due, ...loose.map((c) => c.id)])];
}

export function setDeadline(campaignId: string, deadline: Date) {
  return db.campaign.update({ where: { id: campaignId }, data: { deadline } });
}

/** Whether a campaign e-mail of this kind already went to this order (each is sent once). */
export async function emailAlreadySent(to: string, kind: string, orderNumber: string): Promise<boolean> {
  return (await db.outboxEmail.count({ where: { to, kind, subject: { contains: orderNumber } } })) > 0;
}

export function campaignOrders(campaignId: string) {
  return db.order.findMany({ where: { campaignId }, include: { payments: true, history: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } });
}

/** Cancelled orders of a campaign whose card had been authorised (and was then released). */
export function releasedOrders(campaignId: string) {
  return db.order.findMany({
    where: { campaignId, status: 'CANCELLED', payments: { some: { status: 'CANCELLED' } } },
    select: { id: true, number: true, email: true, totalMinor: true, currency: true },
  });
}

/** Ties a freshly created (still unpaid) order to its campaign. */
export function attachOrderToCampaign(orderId: string, campaignId: string) {
  return db.order.update({ where: { id: orderId }, data: { campaignId } });
}
