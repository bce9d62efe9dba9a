import { cartTotals } from '@/lib/cart';
import { handle } from '@/lib/http/route';
import { currentCart } from '@/app/_lib/cart-session';

export const dynamic = 'force-dynamic';

export const GET = handle(async (req) => {
  const country = new URL(req.url).searchParams.get('country');
  const cart = await currentCart();
  return Response.json({ cart: cart ?? { items: [] }, totals: cartTotals(cart, country) });
});
