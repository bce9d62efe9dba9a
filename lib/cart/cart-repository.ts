// Cart data access. Prices are never stored here: they are read from variants at checkout.
import { db } from '../db/client';

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

export async function addOrIncrementItem(cartId: string, item: { variantId: string; designId: string | null; quantity: number; repeatIn: number }) {
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

export async function designExists(id: string): Promise<boolean> {
  return (await db.design.count({ where: { id } })) > 0;
}
