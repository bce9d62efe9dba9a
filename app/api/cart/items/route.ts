import { addToCart, cartTotals, getCart, updateQuantity } from '@/lib/cart';
import { handle } from '@/lib/http/route';
import { readJsonLimited } from '@/lib/http/body';
import { ensureCart } from '@/app/_lib/cart-session';

export const dynamic = 'force-dynamic';

const body = (req: Request): Promise<unknown> => readJsonLimited(req, 64 * 1024);

// Add an item. Price and currency in the body are ignored: they come from the catalog.
export const POST = handle(async (req) => {
  const input = await body(req);
  const cart = await ensureCart();
  await addToCart(cart.id, input);
  const fresh = await getCart(cart.id);
  return Response.json({ cart: fresh, totals: cartTotals(fresh) }, { status: 201 });
});

// Change a quantity (0 removes the line).
export const PATCH = handle(async (req) => {
  const input = await body(req);
  const cart = await ensureCart();
  await updateQuantity(cart.id, input);
  const fresh = await getCart(cart.id);
  return Response.json({ cart: fresh, totals: cartTotals(fresh) });
});
