import { handleStripeWebhook } from '@/lib/orders';
import { handle } from '@/lib/http/route';
import { HttpError } from '@/lib/http/errors';
import { logger, metrics } from '@/lib/observability';

export const dynamic = 'force-dynamic';

// Stripe webhooks: the signature is checked on the raw body, each event id is applied once.
export const POST = handle(async (req) => {
  const raw = await req.text();
  try {
    const outcome = await handleStripeWebhook(raw, req.headers.get('stripe-signature'));
    return Response.json({ received: true, status: outcome.status });
  } catch (err) {
    // Counted for /metrics: a run of these means a wrong signing secret or a failing handler.
    const reason = err instanceof HttpError ? (err.code ?? `http_${err.status}`) : 'internal';
    metrics().webhookFailures.inc({ direction: 'stripe', reason });
    logger().warn({ reason, err: (err as Error)?.message }, 'stripe webhook failed');
    throw err;
  }
});
