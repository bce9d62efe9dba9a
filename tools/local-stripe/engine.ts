// The payment logic: checkout sessions, payment intents, charges, refunds, and the events
// each change emits. Every operation runs synchronously, so requests never interleave.
import { formatAmount, isSupportedCurrency, minimumAmount, SUPPORTED_CURRENCIES } from './currencies';
import { invalidRequest, notFound, StripeApiError, unexpectedState } from './errors';
import { newId, nowSeconds } from './ids';
import * as make from './objects';
import type { ChargeObj, EventObj, PaymentIntentObj, RefundObj, SessionObj } from './objects';
import type { PayInput } from './card-form';
import type { CreateSessionParams } from './schemas';
import type { SessionRecord, StateStore } from './state-store';
import { cardInfo } from './test-cards';

export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}
const NO_REQUEST: RequestInfo = { id: null, idempotency_key: null };

export interface EngineOptions {
  store: StateStore;
  apiVersion: string;
  hostedUrl: (sessionId: string) => string;
  /** Whether an endpoint will receive the event (sets pending_webhooks). */
  hasEndpoint: () => boolean;
  emitted: (event: EventObj) => void;
}

const DAY = 86_400;
/** Stripe: a Checkout Session expires 30 minutes to 24 hours after it is created. */
const MIN_EXPIRY = 30 * 60;

/** `created` / `created[gt|gte|lt|lte]` on list endpoints. */
export type CreatedFilter = number | { gt?: number; gte?: number; lt?: number; lte?: number };

function createdMatches(created: number, f: CreatedFilter | undefined): boolean {
  if (f === undefined) return true;
  if (typeof f === 'number') return created === f;
  return (f.gt === undefined || created > f.gt) && (f.gte === undefined || created >= f.gte) && (f.lt === undefined || created < f.lt) && (f.lte === undefined || created <= f.lte);
}

function checkCurrency(currency: string, param: string): void {
  if (!isSupportedCurrency(currency))
    throw invalidRequest(`Invalid currency: ${currency}. Stripe currently supports these currencies: ${SUPPORTED_CURRENCIES.join(', ')}`, {
      code: 'parameter_invalid',
      param,
    });
}
const CANCELABLE: PaymentIntentObj['status'][] = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];

export type PayResult =
  | { ok: true; record: SessionRecord; pi: PaymentIntentObj }
  | { ok: false; record: SessionRecord; pi: PaymentIntentObj; error: StripeApiError };

export class Engine {
  constructor(private readonly o: EngineOptions) {}

  private get s() {
    return this.o.store.data;
  }

  private emit(type: string, object: { [k: string]: unknown }, request: RequestInfo = NO_REQUEST): EventObj {
    const evt = make.event({ type, object, apiVersion: this.o.apiVersion, request, pending: this.o.hasEndpoint() ? 1 : 0 });
    this.s.events.push(evt);
    this.o.store.changed();
    this.o.emitted(evt);
    return evt;
  }

  // ---- checkout sessions ----

  createSession(p: CreateSessionParams, req: RequestInfo): SessionRecord {
    if (p.mode !== 'payment') throw invalidRequest(`The local Stripe server supports only mode=payment, not ${p.mode}.`, { param: 'mode' });
    if (!p.line_items?.length) throw invalidRequest('line_items is required in payment mode.', { code: 'parameter_missing', param: 'line_items' });
    const products: make.ProductObj[] = [];
    const lineItems = p.line_items.map((li, i) => {
      if (li.price) throw notFound('price', li.price, `line_items[${i}][price]`);
      if (!li.price_data) throw invalidRequest('Each line item needs price_data.', { code: 'parameter_missing', param: `line_items[${i}][price_data]` });
      if (!li.quantity) throw invalidRequest('Quantity is required.', { code: 'parameter_missing', param: `line_items[${i}][quantity]` });
      const pd = li.price_data;
      checkCurrency(pd.currency, `line_items[${i}][price_data][currency]`);
      let prod: make.ProductObj;
      if (pd.product) {
        const known = this.s.products[pd.product];
        if (!known) throw notFound('product', pd.product, `line_items[${i}][price_data][product]`);
        prod = known;
      } else if (pd.product_data) {
        prod = make.product(pd.product_data);
        products.push(prod);
      } else {
        throw invalidRequest('You must specify either `product` or `product_data` when creating a price.', { code: 'parameter_missing', param: `line_items[${i}][price_data][product_data]` });
      }
      return make.lineItem(prod, pd.currency, pd.unit_amount, li.quantity);
    });
    const currency = lineItems[0].currency;
    const other = lineItems.findIndex((l) => l.currency !== currency);
    if (other >= 0) throw invalidRequest('All line items must use the same currency.', { param: `line_items[${other}][price_data][currency]` });

    const shippingRates = (p.shipping_options ?? []).map((opt, i) => {
      if (opt.shipping_rate) throw notFound('shipping_rate', opt.shipping_rate, `shipping_options[${i}][shipping_rate]`);
      const d = opt.shipping_rate_data;
      if (!d) throw invalidRequest('Each shipping option needs shipping_rate_data.', { code: 'parameter_missing', param: `shipping_options[${i}][shipping_rate_data]` });
      checkCurrency(d.fixed_amount.currency, `shipping_options[${i}][shipping_rate_data][fixed_amount][currency]`);
      if (d.fixed_amount.currency !== currency)
        throw invalidRequest(`The shipping rate currency (${d.fixed_amount.currency}) must match the line items' currency (${currency}).`, {
          param: `shipping_options[${i}][shipping_rate_data][fixed_amount][currency]`,
        });
      return make.shippingRate({ display_name: d.display_name, amount: d.fixed_amount.amount, currency, delivery_estimate: d.delivery_estimate, metadata: d.metadata, tax_behavior: d.tax_behavior });
    });

    // Stripe refuses a session whose total is under the currency's minimum charge ($0.50, ¥50, …).
    const subtotal = lineItems.reduce((sum, l) => sum + l.amount_subtotal, 0);
    const total = subtotal + (shippingRates[0]?.fixed_amount.amount ?? 0);
    const minimum = minimumAmount(currency);
    if (total < minimum)
      throw invalidRequest(`The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currency)}`, {
        code: 'amount_too_small',
        param: 'line_items',
      });

    const now = nowSeconds();
    if (p.expires_at !== undefined && p.expires_at < now + MIN_EXPIRY)
      throw invalidRequest('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', { code: 'parameter_invalid', param: 'expires_at' });
    if (p.expires_at !== undefined && p.expires_at > now + DAY)
      throw invalidRequest('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', { code: 'parameter_invalid', param: 'expires_at' });

    const pid = p.payment_intent_data;
    const id = newId('cs_test_');
    const session = make.checkoutSession({
      id,
      url: this.o.hostedUrl(id),
      currency,
      subtotal,
      shippingRates,
      customer_email: p.customer_email ?? null,
      client_reference_id: p.client_reference_id ?? null,
      metadata: p.metadata ?? {},
      success_url: p.success_url ?? null,
      cancel_url: p.cancel_url ?? null,
      allowed_countries: p.shipping_address_collection?.allowed_countries ?? null,
      expires_at: p.expires_at ?? now + DAY,
      locale: p.locale ?? null,
      submit_type: p.submit_type ?? null,
    });
    const record: SessionRecord = {
      session,
      lineItems,
      shippingRates,
      paymentIntentData: {
        // automatic_async behaves like automatic for cards.
        capture_method: pid?.capture_method === 'manual' ? 'manual' : 'automatic',
        metadata: pid?.metadata ?? {},
        description: pid?.description ?? null,
        receipt_email: pid?.receipt_email ?? null,
        statement_descriptor: pid?.statement_descriptor ?? null,
        statement_descriptor_suffix: pid?.statement_descriptor_suffix ?? null,
      },
    };
    for (const prod of products) this.s.products[prod.id] = prod;
    this.s.sessions[id] = record;
    this.o.store.changed();
    void req; // Stripe sends no event when a session is created
    return record;
  }

  session(id: string): SessionRecord {
    this.expireDue();
    const r = this.s.sessions[id];
    if (!r) throw notFound('checkout.session', id);
    return r;
  }

  listSessions(filter: { payment_intent?: string; status?: string; created?: CreatedFilter }): SessionObj[] {
    this.expireDue();
    return Object.values(this.s.sessions)
      .map((r) => r.session)
      .filter(
        (s) =>
          (!filter.payment_intent || s.payment_intent === filter.payment_intent) &&
          (!filter.status || s.status === filter.status) &&
          createdMatches(s.created as number, filter.created),
      )
      .sort((a, b) => (b.created as number) - (a.created as number));
  }

  expireSession(id: string, req: RequestInfo): SessionRecord {
    const r = this.session(id);
    if (r.session.status !== 'open')
      throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${r.session.status}".`);
    this.expire(r, req);
    return r;
  }

  /** Test helper: moves a session's expiry (any time, unlike `expires_at` on create) to test expiry. */
  setExpiresAt(id: string, expiresAt: number): SessionRecord {
    const r = this.session(id);
    if (r.session.status !== 'open') throw invalidRequest(`Only an open Checkout Session can get a new expiry; this one is ${r.session.status}.`, { code: 'parameter_invalid', param: 'id' });
    r.session.expires_at = expiresAt;
    this.o.store.changed();
    this.expireDue();
    return r;
  }

  /** Sessions past expires_at expire on their own, as on Stripe. */
  expireDue(): void {
    const now = nowSeconds();
    for (const r of Object.values(this.s.sessions)) if (r.session.status === 'open' && r.session.expires_at <= now) this.expire(r, NO_REQUEST);
  }

  private expire(r: SessionRecord, req: RequestInfo): void {
    r.session.status = 'expired';
    r.session.url = null;
    const pi = r.session.payment_intent ? this.s.paymentIntents[r.session.payment_intent] : undefined;
    // An intent left behind by declined attempts can never be paid now.
    if (pi && pi.status === 'requires_payment_method') {
      pi.status = 'canceled';
      pi.canceled_at = nowSeconds();
      pi.cancellation_reason = 'abandoned';
      this.emit('payment_intent.canceled', pi, req);
    }
    this.emit('checkout.session.expired', r.session, req);
  }

  // ---- paying on the hosted page ----

  pay(sessionId: string, input: PayInput): PayResult {
    const r = this.session(sessionId);
    const s = r.session;
    if (s.status === 'expired') throw invalidRequest('This Checkout Session has expired.', { code: 'checkout_session_expired' });
    if (s.status === 'complete') throw invalidRequest('This Checkout Session is already complete.', { code: 'checkout_session_already_completed' });

    if (input.shipping_rate && input.shipping_rate !== s.shipping_cost?.shipping_rate) this.chooseShipping(r, input.shipping_rate);

    let pi = s.payment_intent ? this.s.paymentIntents[s.payment_intent] : undefined;
    if (!pi) {
      pi = make.paymentIntent({ amount: s.amount_total, currency: s.currency, ...r.paymentIntentData, receipt_email: r.paymentIntentData.receipt_email });
      this.s.paymentIntents[pi.id] = pi;
      s.payment_intent = pi.id;
      this.emit('payment_intent.created', pi);
    }
    pi.amount = s.amount_total; // the shipping choice may have changed the total

    const address: make.Address = { city: input.city, country: input.country, line1: input.line1, line2: input.line2, postal_code: input.postal_code, state: input.state };
    const billing: make.BillingDetails = { address, email: input.email, name: input.name, phone: null, tax_id: null };
    const { info, decline } = cardInfo(input.card, input.exp_month, input.exp_year);
    const pm = make.paymentMethod(info, billing);
    this.s.paymentMethods[pm.id] = pm;
    const shipping = { address: { ...address }, name: input.name };
    pi.shipping = { ...shipping, carrier: null, phone: null, tracking_number: null };

    if (decline) {
      const ch = make.charge({ pi, pm, billing, outcome: 'failed', failure: decline });
      this.s.charges[ch.id] = ch;
      const error = {
        type: 'card_error' as const,
        code: decline.code,
        ...(decline.decline_code ? { decline_code: decline.decline_code } : {}),
        message: decline.message,
        doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
        charge: ch.id,
        payment_method: pm,
      };
      pi.status = 'requires_payment_method';
      pi.latest_charge = ch.id;
      pi.payment_method = null;
      pi.last_payment_error = error;
      this.emit('charge.failed', ch);
      this.emit('payment_intent.payment_failed', pi);
      const apiError = new StripeApiError(402, { ...error, payment_intent: structuredClone(pi) });
      return { ok: false, record: r, pi, error: apiError };
    }

    const manual = pi.capture_method === 'manual';
    const ch = make.charge({ pi, pm, billing, outcome: manual ? 'authorized' : 'captured' });
    this.s.charges[ch.id] = ch;
    pi.payment_method = pm.id;
    pi.latest_charge = ch.id;
    pi.last_payment_error = null;
    if (manual) {
      pi.status = 'requires_capture';
      pi.amount_capturable = pi.amount;
    } else {
      pi.status = 'succeeded';
      pi.amount_received = pi.amount;
    }
    s.status = 'complete';
    // Real Stripe reports a card payment that is only authorized (manual capture) as
    // 'paid' too: check the PaymentIntent's status to know whether money was captured.
    s.payment_status = 'paid';
    s.url = null;
    s.customer_details = { address: { ...address }, email: input.email, name: input.name, phone: null, tax_exempt: 'none', tax_ids: [], business_name: null, individual_name: null };
    // API 2025-03-31 and later: shipping details only under collected_information.
    s.collected_information = { shipping_details: shipping, business_name: null, individual_name: null };
    this.emit('charge.succeeded', ch);
    this.emit(manual ? 'payment_intent.amount_capturable_updated' : 'payment_intent.succeeded', pi);
    this.emit('checkout.session.completed', s);
    return { ok: true, record: r, pi };
  }

  private chooseShipping(r: SessionRecord, rateId: string): void {
    const rate = r.shippingRates.find((x) => x.id === rateId);
    if (!rate) throw invalidRequest(`No such shipping option: '${rateId}'`, { param: 'shipping_rate' });
    const s = r.session;
    const amount = rate.fixed_amount.amount;
    s.shipping_cost = { amount_subtotal: amount, amount_tax: 0, amount_total: amount, shipping_rate: rate.id };
    s.total_details = { ...s.total_details, amount_shipping: amount };
    s.amount_total = s.amount_subtotal + amount;
  }

  // ---- payment intents ----

  paymentIntent(id: string, param = 'intent'): PaymentIntentObj {
    const pi = this.s.paymentIntents[id];
    if (!pi) throw notFound('payment_intent', id, param);
    return pi;
  }

  charge(id: string, param = 'id'): ChargeObj {
    const ch = this.s.charges[id];
    if (!ch) throw notFound('charge', id, param);
    return ch;
  }

  refund(id: string): RefundObj {
    const re = this.s.refunds[id];
    if (!re) throw notFound('refund', id);
    return re;
  }

  capture(id: string, p: { amount_to_capture?: number; metadata?: make.Metadata }, req: RequestInfo): PaymentIntentObj {
    const pi = this.paymentIntent(id);
    if (pi.status !== 'requires_capture')
      throw unexpectedState(
        `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be acted upon: requires_capture.`,
        { payment_intent: structuredClone(pi) },
      );
    const amount = p.amount_to_capture ?? pi.amount_capturable;
    if (amount > pi.amount_capturable)
      throw invalidRequest(`The amount_to_capture (${amount}) is greater than the amount capturable (${pi.amount_capturable}).`, { code: 'amount_too_large', param: 'amount_to_capture' });
    const ch = this.charge(pi.latest_charge ?? '', 'latest_charge');
    ch.captured = true;
    ch.amount_captured = amount;
    ch.balance_transaction = newId('txn_');
    pi.status = 'succeeded';
    pi.amount_received = amount;
    pi.amount_capturable = 0; // a partial capture releases the rest
    if (p.metadata) pi.metadata = { ...pi.metadata, ...p.metadata };
    this.o.store.changed();
    this.emit('charge.captured', ch, req);
    this.emit('payment_intent.succeeded', pi, req);
    return pi;
  }

  cancel(id: string, reason: string | undefined, req: RequestInfo): PaymentIntentObj {
    const pi = this.paymentIntent(id);
    if (!CANCELABLE.includes(pi.status))
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        { payment_intent: structuredClone(pi) },
      );
    const owner = this.o.store.sessionForPaymentIntent(pi.id);
    if (owner?.session.status === 'open')
      throw invalidRequest('This PaymentIntent belongs to an open Checkout Session and cannot be canceled. Expire the Checkout Session instead.', {
        code: 'payment_intent_unexpected_state',
      });
    pi.status = 'canceled';
    pi.canceled_at = nowSeconds();
    pi.cancellation_reason = reason ?? 'requested_by_customer';
    pi.amount_capturable = 0;
    this.o.store.changed();
    this.emit('payment_intent.canceled', pi, req);
    return pi;
  }

  /** Test helper: the card network dropped an uncaptured authorization (7 days on Stripe). */
  expireAuthorization(id: string): PaymentIntentObj {
    const pi = this.paymentIntent(id);
    if (pi.status !== 'requires_capture')
      throw unexpectedState(`Only a PaymentIntent with status requires_capture has an authorization to expire; this one is ${pi.status}.`);
    pi.status = 'canceled';
    pi.canceled_at = nowSeconds();
    pi.cancellation_reason = 'automatic';
    pi.amount_capturable = 0;
    const ch = pi.latest_charge ? this.s.charges[pi.latest_charge] : undefined;
    if (ch) this.emit('charge.expired', ch);
    this.emit('payment_intent.canceled', pi);
    return pi;
  }

  // ---- refunds ----

  createRefund(p: { payment_intent?: string; charge?: string; amount?: number; reason?: string; metadata?: make.Metadata }, req: RequestInfo): RefundObj {
    let ch: ChargeObj;
    if (p.charge) {
      ch = this.charge(p.charge, 'charge');
      if (p.payment_intent && p.payment_intent !== ch.payment_intent)
        throw invalidRequest(`Charge ${ch.id} does not belong to PaymentIntent ${p.payment_intent}.`, { param: 'payment_intent' });
    } else if (p.payment_intent) {
      const pi = this.paymentIntent(p.payment_intent, 'payment_intent');
      if (pi.status !== 'succeeded' || !pi.latest_charge)
        throw invalidRequest(
          pi.status === 'requires_capture'
            ? `This PaymentIntent (${pi.id}) has not been captured yet. Cancel it to release the authorization instead.`
            : `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
          { code: pi.status === 'requires_capture' ? 'charge_not_captured' : 'charge_not_refundable', param: 'payment_intent' },
        );
      ch = this.charge(pi.latest_charge, 'payment_intent');
    } else {
      throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', { code: 'parameter_missing', param: 'payment_intent' });
    }
    if (ch.status !== 'succeeded') throw invalidRequest(`Charge ${ch.id} did not succeed and cannot be refunded.`, { code: 'charge_not_refundable', param: 'charge' });
    if (!ch.captured) throw invalidRequest(`Charge ${ch.id} has not been captured. Cancel its PaymentIntent to release the authorization.`, { code: 'charge_not_captured', param: 'charge' });
    const remaining = ch.amount_captured - ch.amount_refunded;
    if (remaining <= 0) throw invalidRequest(`Charge ${ch.id} has already been refunded.`, { code: 'charge_already_refunded', param: 'charge' });
    const amount = p.amount ?? remaining;
    if (amount > remaining)
      throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, { code: 'amount_too_large', param: 'amount' });

    const re = make.refund({ ch, amount, reason: p.reason ?? null, metadata: p.metadata ?? {} });
    this.s.refunds[re.id] = re;
    ch.amount_refunded += amount;
    ch.refunded = ch.amount_refunded >= ch.amount_captured;
    ch.refunds.data.unshift(re);
    this.o.store.changed();
    this.emit('refund.created', re, req);
    this.emit('charge.refunded', ch, req);
    return re;
  }

  // ---- events ----

  event(id: string): EventObj {
    const e = this.o.store.eventById(id);
    if (!e) throw notFound('event', id);
    return e;
  }

  listEvents(filter: { type?: string; types?: string[]; delivery_success?: boolean; created?: CreatedFilter }): EventObj[] {
    const matchers = [...(filter.type ? [filter.type] : []), ...(filter.types ?? [])].map((t) =>
      t.includes('*') ? new RegExp(`^${t.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`) : t,
    );
    const out: EventObj[] = [];
    for (let i = this.s.events.length - 1; i >= 0; i--) {
      const e = this.s.events[i];
      if (matchers.length && !matchers.some((m) => (typeof m === 'string' ? m === e.type : m.test(e.type)))) continue;
      if (filter.delivery_success !== undefined && (e.pending_webhooks === 0) !== filter.delivery_success) continue;
      if (!createdMatches(e.created, filter.created)) continue;
      out.push(e);
    }
    return out;
  }

  // ---- expansion ----

  /** Replaces ids with objects along each `a.b.c` path, as `expand[]` does on Stripe. */
  expand<T>(obj: T, paths: string[] | undefined): T {
    if (!paths?.length) return obj;
    const copy = structuredClone(obj) as unknown;
    for (const p of paths) this.expandPath(copy, p.split('.'), p);
    return copy as T;
  }

  private resolve(id: string): { [k: string]: unknown } | undefined {
    const s = this.s;
    const table: [string, Record<string, unknown>][] = [
      ['pi_', s.paymentIntents],
      ['ch_', s.charges],
      ['re_', s.refunds],
      ['pm_', s.paymentMethods],
      ['prod_', s.products],
    ];
    for (const [prefix, map] of table) if (id.startsWith(prefix)) return structuredClone(map[id]) as { [k: string]: unknown } | undefined;
    if (id.startsWith('cs_')) return structuredClone(s.sessions[id]?.session);
    if (id.startsWith('shr_')) for (const r of Object.values(s.sessions)) for (const rate of r.shippingRates) if (rate.id === id) return structuredClone(rate);
    return undefined;
  }

  private expandPath(node: unknown, parts: string[], full: string): void {
    if (!node || typeof node !== 'object' || parts.length === 0) return;
    const obj = node as Record<string, unknown>;
    if (obj.object === 'list' && Array.isArray(obj.data) && parts[0] === 'data') {
      for (const item of obj.data) this.expandPath(item, parts.slice(1), full);
      return;
    }
    const [key, ...rest] = parts;
    if (obj.object === 'checkout.session' && key === 'line_items') {
      obj.line_items = this.lineItemList(obj.id as string);
    } else if (typeof obj[key] === 'string') {
      const resolved = this.resolve(obj[key] as string);
      if (!resolved) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
      obj[key] = resolved;
    } else if (!(key in obj) || (obj[key] !== null && typeof obj[key] !== 'object')) {
      throw invalidRequest(`This property cannot be expanded (${key}).`, { param: 'expand' });
    }
    this.expandPath(obj[key], rest, full);
  }

  lineItemList(sessionId: string, limit = 10) {
    const items = this.session(sessionId).lineItems;
    return { object: 'list', data: structuredClone(items.slice(0, limit)), has_more: items.length > limit, url: `/v1/checkout/sessions/${sessionId}/line_items` };
  }
}
