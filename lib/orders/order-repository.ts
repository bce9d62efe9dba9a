// Order data access: the only orders module that touches Prisma.
import { db, Prisma, type OrderStatus, type PaymentStatus } from '../db/client';
import { assertTransition, isAtOrBeyond, type OrderStatusName } from './order-status';

export type Tx = Prisma.TransactionClient;

export const orderInclude = {
  items: { orderBy: { id: 'asc' as const } },
  history: { orderBy: { createdAt: 'asc' as const } },
  payments: { orderBy: { createdAt: 'asc' as const } },
  shipments: { orderBy: { createdAt: 'asc' as const } },
};

export type OrderView = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export interface NewOrder {
  id: string;
  number: string;
  userId: string | null;
  cartId: string;
  email: string;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  shippingZone: string;
  shippingCountry: string;
  testMode: boolean;
  stripeCheckoutSessionId: string;
  captureMethod: 'automatic' | 'manual';
  campaignId?: string | null;
  items: OrderLineInput[];
}

/** Order, items, first history entry and payment in one transaction: never half-written. */
/** One line of an order as checkout writes it: the product, the design's recipe frozen, the price paid. */
export interface OrderLineInput {
  variantId: string;
  designId: string | null;
  productSlug: string;
  productName: string;
  variantLabel: string;
  sku: string;
  recipe: Prisma.InputJsonValue | null;
  unitPriceMinor: number;
  quantity: number;
  repeatIn: number;
}

export function insertOrder(o: NewOrder, tx: Tx = db) {
  return tx.order.create({
    data: {
      id: o.id,
      number: o.number,
      userId: o.userId,
      cartId: o.cartId,
      email: o.email,
      currency: o.currency,
      subtotalMinor: o.subtotalMinor,
      shippingMinor: o.shippingMinor,
      totalMinor: o.totalMinor,
      shippingZone: o.shippingZone,
      shippingCountry: o.shippingCountry,
      testMode: o.testMode,
      stripeCheckoutSessionId: o.stripeCheckoutSessionId,
      campaignId: o.campaignId ?? null,
      items: { create: o.items.map((i) => ({ ...i, recipe: i.recipe ?? Prisma.JsonNull })) },
      history: { create: { from: null, to: 'PENDING_PAYMENT', actor: 'system', note: 'Checkout started' } },
      payments: {
        create: {
          stripeCheckoutSessionId: o.stripeCheckoutSessionId,
          amountMinor: o.totalMinor,
          currency: o.currency,
          captureMethod: o.captureMethod,
        },
      },
    },
    include: orderInclude,
  });
}

export function findOrder(id: string) {
  return db.order.findUnique({ where: { id }, include: orderInclude });
}

export function findOrderBySession(sessionId: string) {
  return db.order.findUnique({ where: { stripeCheckoutSessionId: sessionId }, include: orderInclude });
}

/** A cart's orders still waiting for payment, with what they were started for (to reuse one). */
export function findPendingOrdersForCart(cartId: string, tx: Tx = db) {
  return tx.order.findMany({
    where: { cartId, status: 'PENDING_PAYMENT' },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      number: true,
      userId: true,
      email: true,
      currency: true,
      shippingCountry: true,
      campaignId: true,
      stripeCheckoutSessionId: true,
      items: { select: { variantId: true, designId: true, listingId: true, repeatIn: true, quantity: true, unitPriceMinor: true } },
    },
  });
}

export async function findSessionIdForPaymentIntent(paymentIntentId: string): Promise<string | null> {
  const p = await db.payment.findUnique({ where: { stripePaymentIntentId: paymentIntentId }, select: { stripeCheckoutSessionId: true } });
  return p?.stripeCheckoutSessionId ?? null;
}

/** An order as the shopper's order list shows it. */
export interface OrderListRow {
  id: string;
  number: string;
  createdAt: Date;
  status: OrderStatus;
  totalMinor: number;
  currency: string;
  items: { id: string; designId: string | null; quantity: number; productName: string }[];
}

/**
 * The shopper's latest 100 orders: placed signed in, or as a guest with their email in any case.
 * One statement with the items aggregated per order (what the list shows, no recipes).
 */
export function listOrdersForUser(userId: string, email: string): Promise<OrderListRow[]> {
  // lower(email) is what the index "Order_email_lower_idx" holds (ILIKE would need a trigram scan).
  return db.$queryRaw<OrderListRow[]>`
    SELECT o.id, o.number, o."createdAt", o.status::text AS status, o."totalMinor", o.currency,
           COALESCE((SELECT json_agg(json_build_object('id', i.id, 'designId', i."designId", 'quantity', i.quantity, 'productName', i."productName") ORDER BY i.id)
                     FROM "OrderItem" i WHERE i."orderId" = o.id), '[]'::json) AS items
    FROM "Order" o
    WHERE o."userId" = ${userId} OR lower(o.email) = lower(${email})
    ORDER BY o."createdAt" DESC, o.id DESC
    LIMIT 100`;
}

/** An order as the admin's order list shows it. */
export interface OrderSearchRow {
  id: string;
  number: string;
  createdAt: Date;
  email: string;
  status: OrderStatus;
  totalMinor: number;
  currency: string;
  itemCount: number;
}

/** `text` as a LIKE pattern that matches it literally anywhere. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The admin's order list, newest first: by status, and by text found in the number or e-mail
 * (any case; the trigram indexes serve it) or equal to the id. Pass the id of a page's last row as
 * `before` for the next page. One statement; no recipes or history (an order's own page reads those).
 */
export function searchOrders(q: { text?: string; status?: OrderStatus; take?: number; before?: string }): Promise<OrderSearchRow[]> {
  const text = q.text?.trim();
  const where: Prisma.Sql[] = [];
  if (q.status) where.push(Prisma.sql`o.status = ${q.status}::"OrderStatus"`);
  if (text) {
    const pattern = containsPattern(text);
    where.push(Prisma.sql`(o.number ILIKE ${pattern} OR o.email ILIKE ${pattern} OR o.id = ${text})`);
  }
  if (q.before) {
    // Written so the (createdAt) and (status, createdAt) indexes serve it; an unknown id matches nothing.
    const at = Prisma.sql`(SELECT b."createdAt" FROM "Order" b WHERE b.id = ${q.before})`;
    where.push(Prisma.sql`o."createdAt" <= ${at} AND (o."createdAt" < ${at} OR o.id < ${q.before})`);
  }
  return db.$queryRaw<OrderSearchRow[]>`
    SELECT o.id, o.number, o."createdAt", o.email, o.status::text AS status, o."totalMinor", o.currency,
           (SELECT COALESCE(sum(i.quantity), 0)::int FROM "OrderItem" i WHERE i."orderId" = o.id) AS "itemCount"
    FROM "Order" o
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}
    ORDER BY o."createdAt" DESC, o.id DESC
    LIMIT ${q.take ?? 50}`;
}

/** Locks the order row for the rest of the transaction so concurrent events apply one at a time. */
export async function lockOrder(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${id} FOR UPDATE`;
  return tx.order.findUniqueOrThrow({ where: { id }, include: { payments: true } });
}

/** Order items whose print job failed for good: they will never be printed. */
export function unfulfillableItemsInTx(tx: Tx, orderId: string) {
  return tx.orderItem.findMany({ where: { orderId, fulfillmentJob: { is: { status: 'FAILED' } } }, select: { id: true, unitPriceMinor: true, quantity: true }, orderBy: { id: 'asc' } });
}

export function countOrderItemsInTx(tx: Tx, orderId: string) {
  return tx.orderItem.count({ where: { orderId } });
}

/** The ids of an order's items (fulfillment makes one print job per item). */
export async function orderItemIds(orderId: string): Promise<string[]> {
  return (await db.orderItem.findMany({ where: { orderId }, select: { id: true } })).map((i) => i.id);
}

/** The lines of an order, as its cart held them (to take them out of the cart once bought). */
export function orderLinesInTx(tx: Tx, orderId: string) {
  return tx.orderItem.findMany({ where: { orderId }, select: { variantId: true, designId: true, listingId: true, repeatIn: true, quantity: true } });
}

export async function transitionInTx(tx: Tx, orderId: string, from: OrderStatusName, to: OrderStatusName, actor: string, note?: string, extra: Prisma.OrderUpdateInput = {}) {
  assertTransition(from, to);
  await tx.order.update({ where: { id: orderId }, data: { status: to, ...extra } });
  await tx.orderStatusEvent.create({ data: { orderId, from, to, actor, note: note ?? null } });
}

/** Moves an order to `to` (admin, factory, jobs). Refuses illegal transitions with 409. */
export function transitionOrder(orderId: string, to: OrderStatusName, actor: string, note?: string) {
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    await transitionInTx(tx, orderId, order.status, to, actor, note);
  });
}

/**
 * Moves an order to `to` unless it is already there (a repeated report from a factory); true when
 * this call made the change. The row lock makes two calls at once agree on which one did.
 */
export function transitionOrderOnce(orderId: string, to: OrderStatusName, actor: string, note?: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status === to) return false;
    await transitionInTx(tx, orderId, order.status, to, actor, note);
    return true;
  });
}

export function updatePayment(tx: Tx, id: string, data: { status?: PaymentStatus; stripePaymentIntentId?: string | null; amountRefundedMinor?: number; failureMessage?: string | null }) {
  return tx.payment.update({ where: { id }, data });
}

export function runInTransaction<T>(fn: (tx: Tx) => Promise<T>) {
  return db.$transaction(fn, { timeout: 15_000 });
}

export { isAtOrBeyond };

// ---- webhook events: stored once by id ----
export async function recordWebhookEvent(e: { id: string; type: string; objectId: string | null; payload: Prisma.InputJsonValue }): Promise<'new' | 'processed' | 'retry'> {
  try {
    await db.webhookEvent.create({ data: e });
    return 'new';
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const prev = await db.webhookEvent.findUnique({ where: { id: e.id }, select: { processedAt: true } });
      return prev?.processedAt ? 'processed' : 'retry';
    }
    throw err;
  }
}

export function markWebhookEvent(id: string, result: { error?: string }) {
  return db.webhookEvent.update({ where: { id }, data: result.error ? { error: result.error } : { processedAt: new Date(), error: null } });
}

export function countWebhookEvents() {
  return db.webhookEvent.count();
}

