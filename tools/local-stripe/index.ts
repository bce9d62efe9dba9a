// A local Stripe-compatible server for test mode: checkout sessions with a hosted payment
// page, payment intents (automatic and manual capture), refunds, events and signed webhooks.
// The store talks to it through the real `stripe` SDK:
//   new Stripe('sk_test_local', { host: '127.0.0.1', port, protocol: 'http' })
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { Engine } from './engine';
import { requestLogUrl } from './errors';
import { createRouter, HOSTED_PREFIX, type SentResponse } from './router';
import { StateStore } from './state-store';
import { WebhookSender, type DeliveryAttempt } from './webhook-sender';

export interface LocalStripeOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  webhookUrl?: string;
  webhookSecret: string;
  /** JSON file that keeps the state across restarts. */
  stateFile?: string;
  /** Base URL for hosted pages; default http://host:port. */
  publicUrl?: string;
  /** Called with every JSON body the API answers (tests check them against Stripe's shapes). */
  onResponse?: (r: SentResponse) => void;
  /** Where log lines go; default console.log with a [local-stripe] prefix (silent under vitest unless LOCAL_STRIPE_LOG=1). */
  log?: (line: string) => void;
}

export interface LocalStripe {
  url: string;
  port: number;
  close(): Promise<void>;
  setWebhookUrl(url: string): void;
  /** For tests: every event so far, oldest first. */
  events(): Stripe.Event[];
  /** For tests: delivers an existing event again, once; resolves to the HTTP status (0 = no response). */
  resend(eventId: string): Promise<number>;
  /** For tests and debugging: every webhook delivery attempt so far. */
  deliveries(): DeliveryAttempt[];
}

export { signPayload, RETRY_DELAYS_MS, type DeliveryAttempt } from './webhook-sender';
export { TEST_CARDS } from './test-cards';
export type { SentResponse } from './router';
export { SUPPORTED_CURRENCIES, minimumAmount } from './currencies';

const EXPIRY_SWEEP_MS = 1_000;

export async function startLocalStripe(opts: LocalStripeOptions): Promise<LocalStripe> {
  if (!opts.webhookSecret) throw new Error('startLocalStripe: webhookSecret is required');
  const host = opts.host ?? '127.0.0.1';
  // Quiet under vitest unless asked (LOCAL_STRIPE_LOG=1): every request would be logged.
  const quiet = Boolean(process.env.VITEST) && process.env.LOCAL_STRIPE_LOG !== '1';
  const log = opts.log ?? (quiet ? () => {} : (line: string) => console.log(`[local-stripe] ${line}`));
  const apiVersion = Stripe.API_VERSION;
  let webhookUrl = opts.webhookUrl;
  let publicUrl = opts.publicUrl?.replace(/\/+$/, '') ?? '';

  const store = new StateStore(opts.stateFile);
  const sender = new WebhookSender({
    secret: opts.webhookSecret,
    url: () => webhookUrl,
    log,
    settled: (event, delivered) => {
      // Stripe counts endpoints still waiting; an endpoint we gave up on no longer waits.
      const stored = store.eventById(event.id);
      if (stored) stored.pending_webhooks = 0;
      if (!delivered) log(`event ${event.id} was not delivered`);
      store.changed();
    },
  });
  const engine = new Engine({
    store,
    apiVersion,
    hostedUrl: (id) => `${publicUrl}${HOSTED_PREFIX}${id}`,
    hasEndpoint: () => Boolean(webhookUrl),
    emitted: (event) => sender.enqueue(event),
  });

  const resend = async (eventId: string) => {
    const event = engine.event(eventId);
    const status = await sender.deliverOnce(event);
    if (status >= 200 && status < 300 && event.pending_webhooks > 0) {
      event.pending_webhooks = 0;
      store.changed();
    }
    return status;
  };

  const handle = createRouter({ engine, store, apiVersion, resend, log, onResponse: opts.onResponse });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`request failed: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'Internal error in the local Stripe server.', request_log_url: requestLogUrl('req_local') } }));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!publicUrl) publicUrl = url;

  // Hosted URLs from a previous run may name another port.
  for (const r of Object.values(store.data.sessions)) if (r.session.status === 'open') r.session.url = `${publicUrl}${HOSTED_PREFIX}${r.session.id}`;
  // Events a previous run could not deliver are retried after a restart, as Stripe would.
  for (const e of store.data.events) if (e.pending_webhooks > 0) sender.enqueue(e);

  const sweep = setInterval(() => engine.expireDue(), EXPIRY_SWEEP_MS);
  sweep.unref();
  log(`listening on ${url} (webhooks → ${webhookUrl ?? 'none'})`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    setWebhookUrl(next: string) {
      webhookUrl = next;
      log(`webhooks → ${next}`);
    },
    events: () => structuredClone(store.data.events) as unknown as Stripe.Event[],
    resend,
    deliveries: () => [...sender.attempts],
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(sweep);
        sender.close();
        store.flush();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
