import { handleStripeWebhook } from '@/lib/orders';
import { handle } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Stripe webhooks: the signature is checked on the raw body, each event id is applied once.
export const POST = handle(async (req) => {
  const raw = await req.text();
  const outcome = await handleStripeWebhook(raw, req.headers.get('stripe-signature'));
  return Response.json({ received: true, status: outcome.status });
});
