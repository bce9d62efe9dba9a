// The local Stripe-compatible server with its webhooks landing in the store's own handler
// (real SDK, real HTTP, real signatures). Configure STRIPE_* env before the store reads env().
import http from 'node:http';
import { startLocalStripe, type LocalStripe } from '../../tools/local-stripe';
import { assertStripeShapes, type RecordedBody } from '../local-stripe/stripe-shapes';
import { freePort } from './free-port';

export interface StripeHarness {
  local: LocalStripe;
  hookUrl: string;
  logs: string[];
  close(): Promise<void>;
}

export async function startStripeHarness(webhookSecret: string): Promise<StripeHarness> {
  const hook = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const { handleStripeWebhook } = await import('../../lib/orders');
    try {
      const out = await handleStripeWebhook(raw, (req.headers['stripe-signature'] as string) ?? null);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    } catch (err) {
      if (!(err as { status?: number }).status) console.error('webhook handler failed:', err);
      res.writeHead((err as { status?: number }).status ?? 500).end(String(err));
    }
  });
  const port = await freePort();
  await new Promise<void>((r) => hook.listen(port, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${port}/`;
  const logs: string[] = [];
  // Every body the server answers is checked against Stripe's shapes when the harness closes.
  const bodies: RecordedBody[] = [];
  const local = await startLocalStripe({ port: 0, webhookSecret, webhookUrl: hookUrl, log: (l) => logs.push(l), onResponse: (r) => bodies.push(r) });
  process.env.STRIPE_API_BASE = local.url;
  return {
    local,
    hookUrl,
    logs,
    async close() {
      await local.close();
      await new Promise((r) => hook.close(r));
      assertStripeShapes(bodies);
    },
  };
}
