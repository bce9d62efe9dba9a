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

/** The shopper's latest 100 orders: placed signed in, or as a guest with their email in any case. */
export async function listOrdersForUser(userId: string, email: string) {
  // lower(email) is what the index "Order_email_lower_idx" holds (ILIKE would need a trigram scan).
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Order" WHERE "userId" = ${userId} OR lower(email) = lower(${email}) ORDER BY "createdAt" DESC LIMIT 100`;
  if (ids.length === 0) return [];
  return db.order.findMany({ where: { id: { in: ids.map((r) => r.id) } }, include: { items: true }, orderBy: { createdAt: 'desc' } });
}

export function searchOrders(q: { text?: string; status?: OrderStatus; take?: number }) {
  const text = q.text?.trim();
  return db.order.findMany({
    where: {
      ...(q.status ? { status: q.status } : {}),
      ...(text
        ? { OR: [{ number: { contains: text, mode: 'insensitive' } }, { email: { contains: text, mode: 'insensitive' } }, { id: text }] }
        : {}),
    },
    // What the order list shows: no recipes or history (an order's own page reads those).
    select: { id: true, number: true, createdAt: true, email: true, status: true, totalMinor: true, currency: true, items: { select: { quantity: true } } },
    orderBy: { createdAt: 'desc' },
    take: q.take ?? 50,
  });
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

