// Cart data access. Prices are never stored here: they are read from variants at checkout.
import { db, isForeignKeyViolation, type Prisma } from '../db/client';

export const cartInclude = {
  items: {
    orderBy: { createdAt: 'asc' as const },
    include: { variant: { include: { product: true } }, design: { select: { id: true, prompt: true, previewSha256: true } } },
  },
};

export function findCart(id: string) {
  return db.cart.findUnique({ where: { id }, include: cartInclude });
}

export function createCart(userId?: string | null) {
  return db.cart.create({ data: { userId: userId ?? null }, include: cartInclude });
}

/**
 * Adds a studio line (merging with the same variant, design and repeat); null when the design does
 * not exist, which the line's foreign key tells in the same statement that inserts it.
 */
export async function addOrIncrementItem(cartId: string, item: { variantId: string; designId: string; quantity: number; repeatIn: number }) {
  return db.$transaction(async (tx) => {
    const same = await tx.cartItem.findFirst({
      where: { cartId, variantId: item.variantId, designId: item.designId, repeatIn: item.repeatIn },
    });
    if (same) {
      return tx.cartItem.update({ where: { id: same.id }, data: { quantity: Math.min(99, same.quantity + item.quantity) } });
    }
    const created = await tx.cartItem.create({ data: { cartId, ...item } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return created;
  }).catch((err: unknown) => {
    if (isForeignKeyViolation(err, 'designId')) return null;
    throw err;
  });
}

/** Adds a listing line (merging with the same listing + variant). */
export async function addOrIncrementListingItem(cartId: string, item: { listingId: string; variantId: string; designId: string; quantity: number; repeatIn: number }) {
  return db.$transaction(async (tx) => {
    const same = await tx.cartItem.findFirst({ where: { cartId, listingId: item.listingId, variantId: item.variantId } });
    if (same) return tx.cartItem.update({ where: { id: same.id }, data: { quantity: Math.min(99, same.quantity + item.quantity) } });
    const created = await tx.cartItem.create({ data: { cartId, ...item } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return created;
  });
}

export function setItemQuantity(cartId: string, itemId: string, quantity: number) {
  return db.cartItem.updateMany({ where: { id: itemId, cartId }, data: { quantity } });
}

export function removeItem(cartId: string, itemId: string) {
  return db.cartItem.deleteMany({ where: { id: itemId, cartId } });
}

export function clearCart(cartId: string) {
  return db.cartItem.deleteMany({ where: { cartId } });
}

export type CartTx = Prisma.TransactionClient;

/**
 * Runs `fn` in a transaction that holds the cart row's lock, so one checkout of a cart runs at a
 * time (across app instances too). A waiter does not queue inside PostgreSQL holding a pooled
 * connection: it tries `FOR UPDATE SKIP LOCKED` and sleeps between tries, up to `waitMs`.
 * Returns { ok: false, reason } when the cart does not exist or stayed locked.
 */
export async function withCartLock<T>(
  cartId: string,
  fn: (tx: CartTx) => Promise<T>,
  opts: { waitMs?: number; timeoutMs?: number } = {},
): Promise<{ ok: true; value: T } | { ok: false; reason: 'missing' | 'busy' }> {
  const deadline = Date.now() + (opts.waitMs ?? 30_000);
  for (let attempt = 0; ; attempt++) {
    const r = await db.$transaction(
      async (tx) => {
        const got = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Cart" WHERE id = ${cartId} FOR UPDATE SKIP LOCKED`;
        if (got.length === 0) return { ok: false as const, reason: (await tx.cart.count({ where: { id: cartId } })) ? ('busy' as const) : ('missing' as const) };
        return { ok: true as const, value: await fn(tx) };
      },
      { timeout: opts.timeoutMs ?? 45_000, maxWait: 10_000 },
    );
    if (r.ok || r.reason === 'missing' || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, Math.min(100, 10 * 2 ** Math.min(attempt, 4)) + Math.random() * 20));
  }
}

/** The lines of a cart, read inside the transaction that holds its lock. */
export function findCartInTx(tx: CartTx, id: string) {
  return tx.cart.findUnique({ where: { id }, include: cartInclude });
}

/**
 * Takes an order's lines out of its cart once it is paid: each matching line loses the ordered
 * quantity (deleted at 0). Lines added, or quantities raised, after the checkout started stay.
 * Runs in the caller's transaction and waits for the cart's lock (a checkout in progress).
 */
export async function consumeOrderedLines(
  tx: CartTx,
  cartId: string,
  lines: { variantId: string | null; designId: string | null; listingId: string | null; repeatIn: number; quantity: number }[],
): Promise<void> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Cart" WHERE id = ${cartId} FOR UPDATE`;
  if (locked.length === 0) return;
  const items = await tx.cartItem.findMany({ where: { cartId }, orderBy: { createdAt: 'asc' } });
  for (const line of lines) {
    let left = line.quantity;
    for (const item of items) {
      if (left <= 0) break;
      if (item.quantity <= 0 || item.variantId !== line.variantId || item.designId !== line.designId || item.listingId !== line.listingId || item.repeatIn !== line.repeatIn) continue;
      const take = Math.min(left, item.quantity);
      item.quantity -= take;
      left -= take;
      if (item.quantity === 0) await tx.cartItem.delete({ where: { id: item.id } });
      else await tx.cartItem.update({ where: { id: item.id }, data: { quantity: item.quantity } });
    }
  }
  await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
}
