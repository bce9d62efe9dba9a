// Factories for the API objects, with the same fields and JSON types as Stripe's own
// (see fixtures3.json and the SDK's .d.ts files). Fields we don't model are null.
import { newId, nowSeconds, randomToken } from './ids';

export type Metadata = Record<string, string>;

export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface ShippingDetails {
  address: Address;
  name: string;
}

export interface CardInfo {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  funding: string;
  country: string;
  fingerprint: string;
}

export interface LastPaymentError {
  type: 'card_error';
  code: string;
  decline_code?: string;
  message: string;
  doc_url: string;
  charge: string;
  payment_method: PaymentMethodObj;
}

// Open records: the fields we mutate are typed, the rest is carried as data.
type Open = { [key: string]: unknown };

export interface ProductObj extends Open {
  id: string;
  object: 'product';
  name: string;
}

export interface ShippingRateObj extends Open {
  id: string;
  object: 'shipping_rate';
  display_name: string;
  fixed_amount: { amount: number; currency: string };
}

export interface LineItemObj extends Open {
  id: string;
  object: 'item';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  description: string;
  quantity: number;
  price: Open & { id: string; product: string | ProductObj; unit_amount: number };
}

export type SessionStatus = 'open' | 'complete' | 'expired';

export interface SessionObj extends Open {
  id: string;
  object: 'checkout.session';
  status: SessionStatus;
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  payment_intent: string | null;
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  customer_details: null | {
    address: Address;
    email: string;
    name: string;
    phone: null;
    tax_exempt: 'none';
    tax_ids: [];
    business_name: null;
    individual_name: null;
  };
  collected_information: null | { shipping_details: ShippingDetails | null; business_name: null; individual_name: null };
  shipping_cost: null | { amount_subtotal: number; amount_tax: number; amount_total: number; shipping_rate: string };
  shipping_address_collection: null | { allowed_countries: string[] };
  shipping_options: { shipping_amount: number; shipping_rate: string }[];
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  metadata: Metadata;
  success_url: string | null;
  cancel_url: string | null;
  expires_at: number;
  url: string | null;
}

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface PaymentIntentObj extends Open {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: 'automatic' | 'manual';
  currency: string;
  last_payment_error: LastPaymentError | null;
  latest_charge: string | null;
  metadata: Metadata;
  payment_method: string | null;
  receipt_email: string | null;
  shipping: null | (ShippingDetails & { carrier: null; phone: null; tracking_number: null });
  status: PaymentIntentStatus;
}

export interface ChargeObj extends Open {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  currency: string;
  failure_code: string | null;
  failure_message: string | null;
  paid: boolean;
  payment_intent: string;
  refunded: boolean;
  refunds: { object: 'list'; data: RefundObj[]; has_more: boolean; url: string };
  status: 'succeeded' | 'pending' | 'failed';
}

export interface RefundObj extends Open {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  status: 'succeeded' | 'pending' | 'failed' | 'canceled';
}

export interface PaymentMethodObj extends Open {
  id: string;
  object: 'payment_method';
  card: CardInfo & Open;
}

export interface EventObj {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Open; previous_attributes?: Open };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export const emptyAddress = (): Address => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

export function product(data: { name: string; description?: string; images?: string[]; metadata?: Metadata }): ProductObj {
  const t = nowSeconds();
  return {
    id: newId('prod_'),
    object: 'product',
    active: true,
    created: t,
    default_price: null,
    description: data.description ?? null,
    images: data.images ?? [],
    livemode: false,
    marketing_features: [],
    metadata: data.metadata ?? {},
    name: data.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: null,
    updated: t,
    url: null,
  };
}

export function lineItem(prod: ProductObj, currency: string, unitAmount: number, quantity: number): LineItemObj {
  const amount = unitAmount * quantity;
  return {
    id: newId('li_'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency,
    description: prod.name,
    metadata: {},
    price: {
      id: newId('price_'),
      object: 'price',
      active: false,
      billing_scheme: 'per_unit',
      created: nowSeconds(),
      currency,
      custom_unit_amount: null,
      livemode: false,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: prod.id,
      recurring: null,
      tax_behavior: 'unspecified',
      tiers_mode: null,
      transform_quantity: null,
      type: 'one_time',
      unit_amount: unitAmount,
      unit_amount_decimal: String(unitAmount),
    },
    quantity,
  };
}

export function shippingRate(data: {
  display_name: string;
  amount: number;
  currency: string;
  delivery_estimate?: unknown;
  metadata?: Metadata;
  tax_behavior?: string;
}): ShippingRateObj {
  return {
    id: newId('shr_'),
    object: 'shipping_rate',
    active: true,
    created: nowSeconds(),
    delivery_estimate: data.delivery_estimate ?? null,
    display_name: data.display_name,
    fixed_amount: { amount: data.amount, currency: data.currency },
    livemode: false,
    metadata: data.metadata ?? {},
    tax_behavior: data.tax_behavior ?? 'unspecified',
    tax_code: null,
    type: 'fixed_amount',
  };
}

export interface SessionInit {
  id: string;
  url: string;
  currency: string;
  subtotal: number;
  shippingRates: ShippingRateObj[];
  customer_email: string | null;
  client_reference_id: string | null;
  metadata: Metadata;
  success_url: string | null;
  cancel_url: string | null;
  allowed_countries: string[] | null;
  expires_at: number;
  locale: string | null;
  submit_type: string | null;
}

export function checkoutSession(init: SessionInit): SessionObj {
  const chosen = init.shippingRates[0];
  const shippingAmount = chosen?.fixed_amount.amount ?? 0;
  return {
    id: init.id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: init.subtotal,
    amount_total: init.subtotal + shippingAmount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: init.cancel_url,
    client_reference_id: init.client_reference_id,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: nowSeconds(),
    currency: init.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: 'if_required',
    customer_details: null,
    customer_email: init.customer_email,
    discounts: [],
    expires_at: init.expires_at,
    integration_identifier: null,
    invoice: null,
    invoice_creation: {
      enabled: false,
      invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null },
    },
    livemode: false,
    locale: init.locale,
    managed_payments: null,
    metadata: init.metadata,
    mode: 'payment',
    origin_context: null,
    payment_intent: null, // created when the customer confirms (API 2022-08-01 and later)
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: init.allowed_countries ? { allowed_countries: init.allowed_countries } : null,
    shipping_cost: chosen ? { amount_subtotal: shippingAmount, amount_tax: 0, amount_total: shippingAmount, shipping_rate: chosen.id } : null,
    shipping_options: init.shippingRates.map((r) => ({ shipping_amount: r.fixed_amount.amount, shipping_rate: r.id })),
    status: 'open',
    submit_type: init.submit_type,
    subscription: null,
    success_url: init.success_url,
    total_details: { amount_discount: 0, amount_shipping: shippingAmount, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: init.url,
    wallet_options: null,
  };
}

export function paymentIntent(data: {
  amount: number;
  currency: string;
  capture_method: 'automatic' | 'manual';
  metadata: Metadata;
  description: string | null;
  receipt_email: string | null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
}): PaymentIntentObj {
  const id = newId('pi_');
  return {
    id,
    object: 'payment_intent',
    amount: data.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    allowed_payment_method_types: null,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: data.capture_method,
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created: nowSeconds(),
    currency: data.currency,
    customer: null,
    customer_account: null,
    description: data.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: { ...data.metadata },
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: data.receipt_email,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: data.statement_descriptor,
    statement_descriptor_suffix: data.statement_descriptor_suffix,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

export interface BillingDetails {
  address: Address;
  email: string | null;
  name: string | null;
  phone: null;
  tax_id: null;
}

export function paymentMethod(card: CardInfo, billing: BillingDetails): PaymentMethodObj {
  return {
    id: newId('pm_'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billing,
    card: {
      ...card,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      display_brand: card.brand,
      generated_from: null,
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

export function charge(data: {
  pi: PaymentIntentObj;
  pm: PaymentMethodObj;
  billing: BillingDetails;
  outcome: 'authorized' | 'captured' | 'failed';
  failure?: { code: string; decline_code?: string; message: string };
}): ChargeObj {
  const { pi, pm, outcome } = data;
  const id = newId('ch_');
  const ok = outcome !== 'failed';
  const captured = outcome === 'captured';
  return {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: captured ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: captured ? newId('txn_') : null,
    billing_details: data.billing,
    calculated_statement_descriptor: 'SEEDPRINT TEST',
    captured,
    created: nowSeconds(),
    currency: pi.currency,
    customer: null,
    description: pi.description ?? null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: data.failure?.code ?? null,
    failure_message: data.failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: ok ? 'approved_by_network' : 'declined_by_network',
      reason: ok ? null : (data.failure?.decline_code ?? data.failure?.code ?? null),
      risk_level: 'normal',
      risk_score: 20,
      seller_message: ok ? 'Payment complete.' : 'The bank did not return any further details with this decline.',
      type: ok ? 'authorized' : 'issuer_declined',
    },
    paid: ok,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: {
      card: {
        amount_authorized: ok ? pi.amount : null,
        authorization_code: ok ? randomToken(6) : null,
        brand: pm.card.brand,
        // Only an uncaptured authorization has a capture deadline (the SDK type has no null).
        ...(ok && !captured ? { capture_before: nowSeconds() + 7 * 86_400 } : {}),
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
        country: pm.card.country,
        electronic_commerce_indicator: null,
        exp_month: pm.card.exp_month,
        exp_year: pm.card.exp_year,
        extended_authorization: { status: 'disabled' },
        fingerprint: pm.card.fingerprint,
        funding: pm.card.funding,
        incremental_authorization: { status: 'unavailable' },
        installments: null,
        last4: pm.card.last4,
        mandate: null,
        multicapture: { status: 'unavailable' },
        network: pm.card.brand,
        network_token: { used: false },
        network_transaction_id: ok ? randomToken(15) : null,
        overcapture: { maximum_amount_capturable: pi.amount, status: 'unavailable' },
        regulated_status: 'unregulated',
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
      type: 'card',
    },
    radar_options: {},
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: pi.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: ok ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}

export function refund(data: { ch: ChargeObj; amount: number; reason: string | null; metadata: Metadata }): RefundObj {
  return {
    id: newId('re_'),
    object: 'refund',
    amount: data.amount,
    balance_transaction: newId('txn_'),
    charge: data.ch.id,
    created: nowSeconds(),
    currency: data.ch.currency,
    customer: null,
    customer_account: null,
    destination_details: { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
    metadata: data.metadata,
    payment_intent: data.ch.payment_intent,
    payment_method: data.ch.payment_method,
    reason: data.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

export function event(data: { type: string; object: Open; apiVersion: string; request: EventObj['request']; pending: number }): EventObj {
  return {
    id: newId('evt_'),
    object: 'event',
    api_version: data.apiVersion,
    created: nowSeconds(),
    // A snapshot: later changes to the object must not show up in an old event.
    data: { object: structuredClone(data.object) },
    livemode: false,
    pending_webhooks: data.pending,
    request: data.request,
    type: data.type,
  };
}
