// Request parameters, validated with zod. Form bodies carry only strings, so numbers and
// booleans are parsed here; failures become Stripe-style 400s naming the bad parameter.
import { z } from 'zod';
import { StripeApiError } from './errors';
import type { FormObject, FormValue } from './form-body';

const intString = z.string().regex(/^-?\d+$/, 'must be an integer').transform(Number);
const positiveInt = intString.pipe(z.number().int().min(1));
const amount = intString.pipe(z.number().int().min(0).max(99_999_999));
const currency = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, 'must be a three-letter ISO currency code')
  .transform((c) => c.toLowerCase());
const metadata = z.record(z.string().max(40), z.string().max(500)).optional();
const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');
const url = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL').max(5000);
const country = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code');
const expand = z.array(z.string()).max(20).optional();

const deliveryBound = z.strictObject({ unit: z.enum(['business_day', 'day', 'hour', 'month', 'week']), value: positiveInt });

export const createSessionParams = z.strictObject({
  mode: z.enum(['payment', 'setup', 'subscription']),
  line_items: z
    .array(
      z.strictObject({
        quantity: positiveInt.optional(),
        price: z.string().optional(),
        price_data: z
          .strictObject({
            currency,
            unit_amount: amount,
            product: z.string().optional(),
            product_data: z
              .strictObject({
                name: z.string().min(1).max(250),
                description: z.string().max(40_000).optional(),
                images: z.array(url).max(8).optional(),
                metadata,
                tax_code: z.string().optional(),
              })
              .optional(),
            tax_behavior: z.enum(['exclusive', 'inclusive', 'unspecified']).optional(),
          })
          .optional(),
      }),
    )
    .max(100)
    .optional(),
  customer_email: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address').max(800).optional(),
  client_reference_id: z.string().max(200).optional(),
  metadata,
  success_url: url.optional(),
  cancel_url: url.optional(),
  shipping_address_collection: z.strictObject({ allowed_countries: z.array(country).min(1) }).optional(),
  shipping_options: z
    .array(
      z.strictObject({
        shipping_rate: z.string().optional(),
        shipping_rate_data: z
          .strictObject({
            display_name: z.string().min(1).max(100),
            type: z.literal('fixed_amount').optional(),
            fixed_amount: z.strictObject({ amount, currency }),
            delivery_estimate: z.strictObject({ minimum: deliveryBound.optional(), maximum: deliveryBound.optional() }).optional(),
            metadata,
            tax_behavior: z.enum(['exclusive', 'inclusive', 'unspecified']).optional(),
            tax_code: z.string().optional(),
          })
          .optional(),
      }),
    )
    .max(5)
    .optional(),
  payment_intent_data: z
    .strictObject({
      capture_method: z.enum(['automatic', 'automatic_async', 'manual']).optional(),
      metadata,
      description: z.string().max(1000).optional(),
      receipt_email: z.string().optional(),
      statement_descriptor: z.string().max(22).optional(),
      statement_descriptor_suffix: z.string().max(22).optional(),
    })
    .optional(),
  expires_at: intString.optional(),
  expand,
  // Accepted so callers can pass them; they change nothing in test mode.
  locale: z.string().optional(),
  submit_type: z.enum(['auto', 'book', 'donate', 'pay', 'subscribe']).optional(),
  billing_address_collection: z.enum(['auto', 'required']).optional(),
  allow_promotion_codes: boolString.optional(),
  payment_method_types: z.array(z.literal('card')).optional(),
  customer_creation: z.enum(['always', 'if_required']).optional(),
  ui_mode: z.literal('hosted_page').optional(),
});
export type CreateSessionParams = z.infer<typeof createSessionParams>;

export const expandOnly = z.strictObject({ expand });

export const captureParams = z.strictObject({
  amount_to_capture: positiveInt.optional(),
  metadata,
  expand,
});

export const cancelParams = z.strictObject({
  cancellation_reason: z.enum(['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  expand,
});

export const refundParams = z.strictObject({
  payment_intent: z.string().optional(),
  charge: z.string().optional(),
  amount: positiveInt.optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata,
  expand,
});

const limit = intString.pipe(z.number().int().min(1).max(100)).optional();
/** `created=…` or `created[gt|gte|lt|lte]=…` (Unix seconds). */
const created = z.union([intString, z.strictObject({ gt: intString.optional(), gte: intString.optional(), lt: intString.optional(), lte: intString.optional() })]).optional();

export const listParams = z.strictObject({
  limit,
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  expand,
});

export const listEventsParams = listParams.extend({
  type: z.string().optional(),
  types: z.array(z.string()).max(20).optional(),
  created,
  delivery_success: boolString.optional(),
});

export const setExpiresAtParams = z.strictObject({ expires_at: intString });

export const listSessionsParams = listParams.extend({
  created,
  payment_intent: z.string().optional(),
  status: z.enum(['open', 'complete', 'expired']).optional(),
});

/** `a.b.0.c` → `a[b][0][c]`, the way Stripe names parameters in errors. */
export function paramName(path: PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return head === undefined ? '' : head + rest.map((p) => `[${p}]`).join('');
}

function lookup(raw: FormValue | undefined, path: PropertyKey[]): FormValue | undefined {
  let node: FormValue | undefined = raw;
  for (const p of path) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = (node as Record<string, FormValue>)[String(p)];
  }
  return node;
}

/** Stripe expands at most four levels (`a.b.c.d`). */
export const MAX_EXPAND_DEPTH = 4;

function checkExpandDepth(data: unknown): void {
  const paths = (data as { expand?: unknown } | null)?.expand;
  if (!Array.isArray(paths)) return;
  paths.forEach((p: string, i) => {
    if (p.split('.').length > MAX_EXPAND_DEPTH)
      throw new StripeApiError(
        400,
        { type: 'invalid_request_error', code: 'parameter_invalid', param: `expand[${i}]`, message: `You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property. Property: ${p}` },
        false,
      );
  });
}

/** Parses request parameters or throws the 400 Stripe would send. */
export function parseParams<T extends z.ZodType>(schema: T, raw: FormObject): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) {
    checkExpandDepth(result.data);
    return result.data;
  }
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const param = paramName([...issue.path, issue.keys[0]]);
    throw new StripeApiError(400, { type: 'invalid_request_error', code: 'parameter_unknown', param, message: `Received unknown parameter: ${param}` }, false);
  }
  const param = paramName(issue.path);
  const value = lookup(raw, issue.path);
  if (value === undefined) {
    throw new StripeApiError(400, { type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` }, false);
  }
  if (value === '') {
    throw new StripeApiError(400, { type: 'invalid_request_error', code: 'parameter_invalid_empty', param, message: `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.` }, false);
  }
  const isInt = issue.message === 'must be an integer';
  throw new StripeApiError(
    400,
    {
      type: 'invalid_request_error',
      ...(isInt ? { code: 'parameter_invalid_integer' } : {}),
      param,
      message: isInt ? `Invalid integer: ${typeof value === 'string' ? value : JSON.stringify(value)}` : `Invalid ${param}: ${issue.message}`,
    },
    false,
  );
}
