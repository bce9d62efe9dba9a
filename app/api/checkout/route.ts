import { startCheckout } from '@/lib/orders';
import { handle, readJson } from '@/lib/http/route';
import { z } from 'zod';
import { currentCartId } from '@/app/_lib/cart-session';
import { currentUserId } from '@/app/_lib/current-user';

export const dynamic = 'force-dynamic';

// Starts a Stripe Checkout Session for the cart; answers with the URL to send the shopper to.
export const POST = handle(async (req) => {
  const input = await readJson(req, z.object({ email: z.unknown(), country: z.unknown() }).passthrough());
  const result = await startCheckout(await currentCartId(), input, await currentUserId());
  return Response.json(result, { status: 201 });
});
