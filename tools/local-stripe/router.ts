// HTTP layer: routing, API-key auth, form bodies, idempotency keys, and Stripe-shaped
// responses. Hosted checkout pages live under /c/pay/:id; test helpers under /_test/.
import type http from 'node:http';
import { createHash } from 'node:crypto';
import { validatePayForm } from './card-form';
import type { Engine, RequestInfo } from './engine';
import { invalidRequest, StripeApiError } from './errors';
import { parseForm, type FormObject } from './form-body';
import { renderCheckoutPage, renderMessagePage } from './hosted-page';
import { nowSeconds, randomToken } from './ids';
import * as schemas from './schemas';
import type { StateStore } from './state-store';

const MAX_BODY = 1024 * 1024;
export const HOSTED_PREFIX = '/c/pay/';

export interface RouterDeps {
  engine: Engine;
  store: StateStore;
  apiVersion: string;
  resend: (eventId: string) => Promise<number>;
  log: (line: string) => void;
  /** Called with every JSON body the API answers (for tests that check Stripe's shapes). */
  onResponse?: (r: SentResponse) => void;
}

export interface SentResponse {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

interface Ctx {
  req: http.IncomingMessage;
  method: string;
  path: string;
  params: FormObject; // query for GET, body for POST
  match: string[];
  info: RequestInfo;
  apiKey: string;
}

interface Reply {
  status: number;
  body: unknown;
}

type Handler = (ctx: Ctx) => Reply | Promise<Reply>;
interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

const ID = '([A-Za-z0-9_]+)';
const ok = (body: unknown): Reply => ({ status: 200, body });

function list<T extends { id: string }>(items: T[], p: { limit?: number; starting_after?: string; ending_before?: string }, url: string) {
  let start = 0;
  let end = items.length;
  if (p.starting_after) {
    const i = items.findIndex((x) => x.id === p.starting_after);
    if (i < 0) throw invalidRequest(`No such object: '${p.starting_after}'`, { code: 'resource_missing', param: 'starting_after' }, 404);
    start = i + 1;
  } else if (p.ending_before) {
    const i = items.findIndex((x) => x.id === p.ending_before);
    if (i < 0) throw invalidRequest(`No such object: '${p.ending_before}'`, { code: 'resource_missing', param: 'ending_before' }, 404);
    end = i;
  }
  const limit = p.limit ?? 10;
  const page = p.ending_before ? items.slice(Math.max(start, end - limit), end) : items.slice(start, start + limit);
  const hasMore = p.ending_before ? end - limit > start : start + limit < end;
  return { object: 'list', data: page, has_more: hasMore, url };
}

export function createRouter(deps: RouterDeps) {
  const { engine, store } = deps;
  const expanded = <T>(obj: T, ctx: Ctx) => engine.expand(obj, (ctx.params.expand as string[] | undefined) ?? undefined);

  const api: Route[] = [
    {
      method: 'POST',
      pattern: /^\/v1\/checkout\/sessions$/,
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.createSessionParams, ctx.params);
        return ok(engine.expand(engine.createSession(p, ctx.info).session, p.expand));
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/checkout\/sessions$/,
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.listSessionsParams, ctx.params);
        return ok(engine.expand(list(engine.listSessions(p), p, '/v1/checkout/sessions'), p.expand));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/checkout/sessions/${ID}$`),
      handler: (ctx) => {
        schemas.parseParams(schemas.expandOnly, ctx.params);
        return ok(expanded(engine.session(ctx.match[1]).session, ctx));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/checkout/sessions/${ID}/line_items$`),
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.listParams, ctx.params);
        const items = engine.session(ctx.match[1]).lineItems;
        return ok(engine.expand(list(structuredClone(items), p, `/v1/checkout/sessions/${ctx.match[1]}/line_items`), p.expand));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/checkout/sessions/${ID}/expire$`),
      handler: (ctx) => {
        schemas.parseParams(schemas.expandOnly, ctx.params);
        return ok(expanded(engine.expireSession(ctx.match[1], ctx.info).session, ctx));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/payment_intents/${ID}$`),
      handler: (ctx) => {
        schemas.parseParams(schemas.expandOnly, ctx.params);
        return ok(expanded(engine.paymentIntent(ctx.match[1]), ctx));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/payment_intents/${ID}/capture$`),
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.captureParams, ctx.params);
        return ok(engine.expand(engine.capture(ctx.match[1], p, ctx.info), p.expand));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/payment_intents/${ID}/cancel$`),
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.cancelParams, ctx.params);
        return ok(engine.expand(engine.cancel(ctx.match[1], p.cancellation_reason, ctx.info), p.expand));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/charges/${ID}$`),
      handler: (ctx) => {
        schemas.parseParams(schemas.expandOnly, ctx.params);
        return ok(expanded(engine.charge(ctx.match[1]), ctx));
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/refunds$/,
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.refundParams, ctx.params);
        return ok(engine.expand(engine.createRefund(p, ctx.info), p.expand));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/refunds/${ID}$`),
      handler: (ctx) => {
        schemas.parseParams(schemas.expandOnly, ctx.params);
        return ok(expanded(engine.refund(ctx.match[1]), ctx));
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/events$/,
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.listEventsParams, ctx.params);
        return ok(list(engine.listEvents(p), p, '/v1/events'));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/events/${ID}$`),
      handler: (ctx) => {
        schemas.parseParams(schemas.expandOnly, ctx.params);
        return ok(engine.event(ctx.match[1]));
      },
    },
    // ---- test helpers (not part of Stripe's API) ----
    {
      method: 'POST',
      pattern: new RegExp(`^/_test/events/${ID}/resend$`),
      handler: async (ctx) => {
        const event = engine.event(ctx.match[1]);
        return ok({ event: event.id, status: await deps.resend(event.id) });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/_test/checkout/sessions/${ID}/pay$`),
      handler: (ctx) => {
        const r = engine.session(ctx.match[1]);
        const s = r.session;
        const allowed = s.shipping_address_collection?.allowed_countries ?? null;
        // Sensible defaults so a test only has to name the card.
        const form = {
          email: s.customer_email ?? 'test@example.com',
          name: 'Test Customer',
          line1: '1 Test Street',
          city: 'Testville',
          postal_code: '12345',
          country: allowed?.[0] ?? 'US',
          exp: '12 / 34',
          cvc: '123',
          ...ctx.params,
        };
        const v = validatePayForm(form, { allowedCountries: allowed, shippingRates: r.shippingRates.map((x) => x.id) });
        if (!v.ok) {
          const [param, message] = Object.entries(v.errors)[0];
          throw new StripeApiError(400, { type: 'invalid_request_error', code: 'parameter_invalid', param, message: message! }, false);
        }
        const result = engine.pay(s.id, v.input);
        if (!result.ok) throw result.error;
        return ok({ checkout_session: result.record.session, payment_intent: result.pi });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/_test/checkout/sessions/${ID}/expires_at$`),
      handler: (ctx) => {
        const p = schemas.parseParams(schemas.setExpiresAtParams, ctx.params);
        return ok(engine.setExpiresAt(ctx.match[1], p.expires_at).session);
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/_test/payment_intents/${ID}/expire_authorization$`),
      handler: (ctx) => ok(engine.expireAuthorization(ctx.match[1])),
    },
  ];

  function authenticate(req: http.IncomingMessage): string {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    const key = m[1];
    if (!/^(sk|rk)_test_\S+$/.test(key))
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        code: 'api_key_invalid',
        message: `Invalid API Key provided: ${key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : `${key.slice(0, 8)}***`}. The local Stripe server accepts test keys (sk_test_…) only.`,
      });
    return key;
  }

  function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string>, method = '', path = '') {
    if (deps.onResponse && path) deps.onResponse({ method, path, status, body: JSON.parse(body) });
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(body);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, path: string, query: URLSearchParams, raw: string) {
    const requestId = `req_${randomToken(14)}`;
    const headers: Record<string, string> = { 'request-id': requestId, 'stripe-version': String(req.headers['stripe-version'] ?? deps.apiVersion) };
    const method = req.method ?? 'GET';
    let apiKey = '';
    let idemKey: string | null = null;
    let fingerprint = '';
    try {
      apiKey = authenticate(req);
      const route = api.find((r) => r.method === method && r.pattern.test(path));
      if (!route) throw invalidRequest(`Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`, {}, 404);
      const params = method === 'POST' ? parseForm(raw) : parseForm(query);

      idemKey = method === 'POST' && path.startsWith('/v1/') ? ((req.headers['idempotency-key'] as string | undefined) ?? null) : null;
      if (idemKey) {
        if (idemKey.length > 255) throw invalidRequest('Idempotency keys must be at most 255 characters long.', { param: 'Idempotency-Key' });
        headers['idempotency-key'] = idemKey;
        fingerprint = createHash('sha256').update(`${method} ${path} ${JSON.stringify(params)}`).digest('hex');
        const seen = store.data.idempotency[`${apiKey}:${idemKey}`];
        if (seen) {
          if (seen.fingerprint !== fingerprint)
            throw new StripeApiError(
              400,
              {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
              },
              false,
            );
          deps.log(`${method} ${path} → ${seen.status} (idempotent replay)`);
          return send(res, seen.status, seen.body, { ...headers, 'idempotent-replayed': 'true', 'original-request': seen.requestId }, method, path);
        }
      }
      const match = path.match(route.pattern)!;
      const reply = await route.handler({ req, method, path, params, match, info: { id: requestId, idempotency_key: idemKey }, apiKey });
      const body = JSON.stringify(reply.body, null, 2);
      if (idemKey) remember(apiKey, idemKey, fingerprint, reply.status, body, requestId);
      deps.log(`${method} ${path} → ${reply.status}`);
      send(res, reply.status, body, headers, method, path);
    } catch (err) {
      const apiErr = err instanceof StripeApiError ? err : null;
      if (!apiErr) deps.log(`${method} ${path} failed: ${(err as Error).stack ?? String(err)}`);
      const e = apiErr ?? new StripeApiError(500, { type: 'api_error', message: 'An unexpected error occurred in the local Stripe server.' }, false);
      const body = JSON.stringify(e.toJSON(requestId), null, 2);
      if (idemKey && apiKey && e.cacheable && e.status < 500) remember(apiKey, idemKey, fingerprint, e.status, body, requestId);
      deps.log(`${method} ${path} → ${e.status} ${e.body.code ?? e.body.type}`);
      send(res, e.status, body, headers, method, path);
    }
  }

  function remember(apiKey: string, key: string, fingerprint: string, status: number, body: string, requestId: string) {
    store.data.idempotency[`${apiKey}:${key}`] = { fingerprint, status, body, requestId, created: nowSeconds() };
    store.changed();
  }

  function html(res: http.ServerResponse, status: number, page: string) {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
    });
    res.end(page);
  }

  function redirect(res: http.ServerResponse, location: string) {
    res.writeHead(303, { location, 'cache-control': 'no-store' });
    res.end();
  }

  function handleHosted(req: http.IncomingMessage, res: http.ServerResponse, path: string, raw: string) {
    const id = decodeURIComponent(path.slice(HOSTED_PREFIX.length));
    const r = store.data.sessions[id] ? engine.session(id) : undefined;
    if (!r) return html(res, 404, renderMessagePage('Checkout not found', 'This checkout link is not valid. Return to the store and start the checkout again.'));
    const s = r.session;
    const back = s.cancel_url ? { href: s.cancel_url, text: 'Return to the store' } : undefined;
    if (s.status === 'expired') return html(res, 410, renderMessagePage('This checkout has expired', 'The time to pay for this order ran out, so no payment was taken. Return to the store to start again.', back));
    if (s.status === 'complete') {
      const done = s.success_url ? { href: s.success_url.replaceAll('{CHECKOUT_SESSION_ID}', s.id), text: 'Continue to the store' } : undefined;
      return html(res, 200, renderMessagePage('This order is already paid', 'The payment for this checkout is complete. You have not been charged twice.', done));
    }
    if (req.method === 'GET' || req.method === 'HEAD') return html(res, 200, renderCheckoutPage(r, path));
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    const v = validatePayForm(form, { allowedCountries: s.shipping_address_collection?.allowed_countries ?? null, shippingRates: r.shippingRates.map((x) => x.id) });
    if (!v.ok) return html(res, 400, renderCheckoutPage(r, path, { fieldErrors: v.errors, values: v.values }));
    const result = engine.pay(id, v.input);
    if (!result.ok) {
      deps.log(`hosted checkout ${id}: declined (${result.error.body.decline_code ?? result.error.body.code})`);
      // Keep what the customer typed, except the card details.
      return html(res, 402, renderCheckoutPage(r, path, { error: result.error.message, values: { ...form, card: '', cvc: '' } }));
    }
    deps.log(`hosted checkout ${id}: paid (${result.pi.status})`);
    if (s.success_url) return redirect(res, s.success_url.replaceAll('{CHECKOUT_SESSION_ID}', s.id));
    return html(res, 200, renderMessagePage('Payment complete', 'Thank you. Your payment went through.'));
  }

  return async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    let raw = '';
    try {
      raw = await readBody(req);
    } catch (err) {
      const requestId = `req_${randomToken(14)}`;
      return send(res, 413, JSON.stringify(invalidRequest((err as Error).message, {}, 413).toJSON(requestId)), { 'request-id': requestId }, req.method, path);
    }
    if (path.startsWith(HOSTED_PREFIX)) {
      try {
        return handleHosted(req, res, path, raw);
      } catch (err) {
        const message = err instanceof StripeApiError ? err.message : 'Something went wrong.';
        if (!(err instanceof StripeApiError)) deps.log(`hosted page failed: ${(err as Error).stack ?? String(err)}`);
        return html(res, err instanceof StripeApiError ? err.status : 500, renderMessagePage('Checkout unavailable', message));
      }
    }
    if (path === '/' || path === '/healthz') return send(res, 200, JSON.stringify({ ok: true, server: 'seedprint local stripe', api_version: deps.apiVersion }), {});
    return handleApi(req, res, path, url.searchParams, raw);
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

