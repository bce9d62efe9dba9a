'use client';
// Shipping country, e-mail and the totals the shopper will pay, shown before payment.
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { formatMoney } from '@/lib/catalog/format';
import { preorderEstimate } from '@/lib/listings/preorder';
import { COUNTRY_NAMES, SHIPPING_ZONES, zoneForCountry } from '@/lib/shipping/zones';
import { checkoutAction, type CheckoutState } from './actions';

export function CheckoutForm({
  subtotalMinor,
  currency,
  defaultEmail,
  defaultCountry = 'US',
  preorderDeadline = null,
}: {
  subtotalMinor: number;
  currency: string;
  defaultEmail: string;
  defaultCountry?: string;
  /** ISO deadline of the campaign when the cart holds a pre-order: delivery is estimated from it */
  preorderDeadline?: string | null;
}) {
  const [state, formAction, pending] = useActionState(checkoutAction, {} as CheckoutState);
  // Submitting through a transition (instead of the form's own action) keeps the fields as they
  // are when the server answers with an error: React would otherwise reset the form.
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  const [country, setCountry] = useState(state.country || defaultCountry);
  const zone = zoneForCountry(country);
  const shipping = zone?.rateMinor ?? null;
  const total = shipping === null ? null : subtotalMinor + shipping;
  const preorder = preorderDeadline && zone ? preorderEstimate(new Date(preorderDeadline), zone.deliveryDays) : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="card min-w-0 space-y-5 p-5 sm:p-6" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="text-lg font-semibold text-stone-900">
        Order summary
      </h2>

      <div>
        <label htmlFor="checkout-country" className="label">
          Ship to
        </label>
        <select id="checkout-country" name="country" className="field min-w-0" value={country} onChange={(e) => setCountry(e.target.value)} autoComplete="country" required>
          {SHIPPING_ZONES.map((z) => (
            <optgroup key={z.id} label={`${z.name} — ${formatMoney(z.rateMinor, currency)}`}>
              {z.countries.map((c) => (
                <option key={c} value={c}>
                  {COUNTRY_NAMES[c] ?? c}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {zone ? (
          <p className="mt-2 text-sm text-stone-600" data-testid="shipping-estimate">
            Flat-rate shipping to {COUNTRY_NAMES[country] ?? country}: <strong className="font-semibold text-stone-900">{formatMoney(zone.rateMinor, currency)}</strong>
            {preorder ? (
              <>
                . Pre-order: printed after the campaign ends on {preorder.endsOn}, estimated delivery <strong className="font-semibold text-stone-900">{preorder.arrives}</strong>.
              </>
            ) : (
              <>
                , arrives in {zone.deliveryDays[0]}–{zone.deliveryDays[1]} business days after printing.
              </>
            )}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor="checkout-email" className="label">
          E-mail for your receipt and order updates
        </label>
        <input id="checkout-email" name="email" type="email" required autoComplete="email" defaultValue={state.email ?? defaultEmail} className="field" placeholder="you@example.com" />
      </div>

      <dl className="space-y-2 border-t border-stone-200 pt-4 text-sm">
        <div className="flex justify-between">
          <dt className="text-stone-600">Subtotal</dt>
          <dd className="font-medium tabular-nums text-stone-900">{formatMoney(subtotalMinor, currency)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-600">Shipping{zone ? ` (${zone.name})` : ''}</dt>
          <dd className="font-medium tabular-nums text-stone-900" data-testid="shipping-amount">
            {shipping === null ? '—' : formatMoney(shipping, currency)}
          </dd>
        </div>
        <div className="flex justify-between border-t border-stone-200 pt-3 text-base">
          <dt className="font-semibold text-stone-900">Total</dt>
          <dd className="font-bold tabular-nums text-stone-900" data-testid="cart-total" aria-live="polite">
            {total === null ? '—' : formatMoney(total, currency)}
          </dd>
        </div>
      </dl>

      {state.error ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm font-medium text-red-800 ring-1 ring-red-200">
          {state.error}
        </p>
      ) : null}

      <button type="submit" className="btn-primary w-full py-3 text-base" disabled={pending} aria-disabled={pending}>
        {pending ? (
          <>
            <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
            Starting secure checkout…
          </>
        ) : (
          'Checkout'
        )}
      </button>
      <p className="flex items-center justify-center gap-1.5 text-xs text-stone-500">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="currentColor">
          <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z" />
        </svg>
        You pay on the secure Stripe checkout page.
      </p>
    </form>
  );
}
