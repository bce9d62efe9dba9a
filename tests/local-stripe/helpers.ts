// Shared set-up for the local Stripe server tests: the server on a random port, the real
// SDK pointed at it, and a tiny webhook listener that records what arrives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startLocalStripe, type LocalStripe, type LocalStripeOptions } from '../../tools/local-stripe';
import { assertStripeShapes, type RecordedBody } from './stripe-shapes';

export const SECRET = 'whsec_local_stripe_tests';

export interface Received {
  raw: string;
  signature: string;
  event: { id: string; type: string; data: { object: Record<string, unknown> } };
}

export interface WebhookListener {
  url: string;
  received: Received[];
  /** Status to answer with; a function can fail the first attempts. */
  respond: (r: Received) => number;
  close(): Promise<void>;
}

export async function startWebhookListener(): Promise<WebhookListener> {
  const listener: WebhookListener = { url: '', received: [], respond: () => 200, close: async () => {} };
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const r: Received = { raw, signature: String(req.headers['stripe-signature'] ?? ''), event: JSON.parse(raw) };
    listener.received.push(r);
    res.writeHead(listener.respond(r)).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listener.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  listener.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return listener;
}

export interface Harness {
  local: LocalStripe;
  stripe: Stripe;
  hook: WebhookListener;
  /** Every JSON body the server answered, and every webhook payload it sent. */
  bodies: RecordedBody[];
  /** Stops the servers, then fails if any body it sent is not shaped as Stripe's (stripe-shapes.ts). */
  close(): Promise<void>;
}

export async function startHarness(extra: Partial<LocalStripeOptions> = {}): Promise<Harness> {
  const hook = await startWebhookListener();
  const bodies: RecordedBody[] = [];
  const local = await startLocalStripe({
    port: 0,
    webhookSecret: SECRET,
    webhookUrl: hook.url,
    log: () => {},
    ...extra,
    onResponse: (r) => {
      bodies.push(r);
      extra.onResponse?.(r);
    },
  });
  const stripe = sdk(local);
  return {
    local,
    stripe,
    hook,
    bodies,
    async close() {
      await local.close();
      await hook.close();
      const webhooks = hook.received.map((r) => ({ method: 'WEBHOOK', path: r.event.type, status: 0, body: r.event as unknown }));
      assertStripeShapes([...bodies, ...webhooks]);
    },
  };
}

export const sdk = (local: LocalStripe, key = 'sk_test_local') => new Stripe(key, { host: '127.0.0.1', port: local.port, protocol: 'http', maxNetworkRetries: 0 });

export function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    customer_email: 'ada@example.com',
    client_reference_id: 'order_1',
    metadata: { order_id: 'order_1' },
    line_items: [
      { quantity: 2, price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Tee <Black, M>', description: 'Hearts on navy', images: ['https://example.com/tee.png'] } } },
      { quantity: 1, price_data: { currency: 'usd', unit_amount: 1800, product_data: { name: 'Mug' } } },
    ],
    shipping_address_collection: { allowed_countries: ['US', 'DE'] },
    shipping_options: [{ shipping_rate_data: { display_name: 'Standard', type: 'fixed_amount', fixed_amount: { amount: 499, currency: 'usd' } } }],
    payment_intent_data: { capture_method: 'automatic', metadata: { order_id: 'order_1' } },
    success_url: 'https://shop.example/checkout/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://shop.example/cart',
    ...overrides,
  };
}

export const SUBTOTAL = 2 * 2500 + 1800;
export const TOTAL = SUBTOTAL + 499;

export const address = { email: 'ada@example.com', name: 'Ada Lovelace', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US' };

/** Submits the hosted checkout form like a browser would (no redirect following). */
export async function submitHostedForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...address, exp: '12 / 34', cvc: '123', ...fields }),
  });
}

export async function testHelper(local: LocalStripe, path: string, fields: Record<string, string> = {}): Promise<Response> {
  return fetch(`${local.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_local', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

export async function waitFor<T>(fn: () => T | null | undefined | false, what: string, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const received = (hook: WebhookListener, type: string, objectId?: string) =>
  hook.received.find((r) => r.event.type === type && (!objectId || r.event.data.object.id === objectId));
