// Errors in Stripe's wire shape: `{ error: { type, code, message, param, ... } }`.

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  [extra: string]: unknown;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /** Validation failures are not stored under an idempotency key (as on Stripe). */
    readonly cacheable = true,
  ) {
    super(body.message);
  }

  /** The wire body; Stripe links every error to its request log (a string, never null). */
  toJSON(requestId = 'req_local') {
    const body = { ...this.body };
    if (body.code && !body.doc_url) body.doc_url = `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}`;
    body.request_log_url = requestLogUrl(requestId);
    return { error: body };
  }
}

/** Where Stripe's dashboard shows a request; the local server has no dashboard, but the shape is Stripe's. */
export const requestLogUrl = (requestId: string) => `https://dashboard.stripe.com/test/logs/${requestId}?t=${Math.floor(Date.now() / 1000)}`;

export const invalidRequest = (message: string, extra: Partial<StripeErrorBody> = {}, status = 400) =>
  new StripeApiError(status, { type: 'invalid_request_error', message, ...extra });

export const notFound = (kind: string, id: string, param = 'id') =>
  invalidRequest(`No such ${kind}: '${id}'`, { code: 'resource_missing', param }, 404);

export const unexpectedState = (message: string, extra: Partial<StripeErrorBody> = {}) =>
  invalidRequest(message, { code: 'payment_intent_unexpected_state', ...extra });
