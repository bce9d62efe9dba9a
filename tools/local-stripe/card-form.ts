// The payment form's fields (hosted page and the /_test pay helper), validated the way
// Stripe's page does before anything is charged: such errors never create a PaymentIntent.
import { z } from 'zod';
import { luhnValid } from './test-cards';

export interface PayInput {
  email: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postal_code: string;
  state: string | null;
  country: string;
  card: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
  shipping_rate: string | null;
}

export type FieldErrors = Partial<Record<keyof PayInput | 'exp', string>>;

const text = (max: number) => z.string().trim().max(max);

export const payFormSchema = z.object({
  email: text(320),
  name: text(200),
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  postal_code: text(20),
  state: text(100).optional(),
  country: text(2),
  card: z.string().max(40),
  exp: z.string().max(10),
  cvc: z.string().max(10),
  shipping_rate: z.string().max(40).optional(),
});
export type PayForm = z.infer<typeof payFormSchema>;

/** Raw form → input, or the message for each bad field. */
export function validatePayForm(
  raw: Record<string, unknown>,
  rules: { allowedCountries: string[] | null; shippingRates: string[] },
): { ok: true; input: PayInput } | { ok: false; errors: FieldErrors; values: Partial<PayForm> } {
  const strings: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') strings[k] = v;
  const parsed = payFormSchema.safeParse({ email: '', name: '', line1: '', city: '', postal_code: '', country: '', card: '', exp: '', cvc: '', ...strings });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const i of parsed.error.issues) errors[String(i.path[0]) as keyof FieldErrors] ??= 'This value is too long.';
    return { ok: false, errors, values: strings };
  }
  const f = parsed.data;
  const errors: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email)) errors.email = 'Enter a valid email address.';
  if (!f.name) errors.name = 'Enter the name for delivery.';
  if (!f.line1) errors.line1 = 'Enter the street address.';
  if (!f.city) errors.city = 'Enter the city.';
  if (!f.postal_code) errors.postal_code = 'Enter the postal code.';
  const country = f.country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) errors.country = 'Choose a country.';
  else if (rules.allowedCountries && !rules.allowedCountries.includes(country)) errors.country = 'We don’t ship to this country.';

  const card = f.card.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(card) || !luhnValid(card)) errors.card = 'Your card number is invalid.';

  let expMonth = 0;
  let expYear = 0;
  const exp = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(f.exp);
  if (!exp) errors.exp = 'Enter the expiry date as MM / YY.';
  else {
    expMonth = Number(exp[1]);
    expYear = exp[2].length === 2 ? 2000 + Number(exp[2]) : Number(exp[2]);
    const now = new Date();
    if (expMonth < 1 || expMonth > 12) errors.exp = 'Your card’s expiration month is invalid.';
    else if (expYear < now.getUTCFullYear() || (expYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1))
      errors.exp = 'Your card’s expiration date is in the past.';
  }
  if (!/^\d{3,4}$/.test(f.cvc.trim())) errors.cvc = 'Your card’s security code is incomplete.';

  const shippingRate = f.shipping_rate || rules.shippingRates[0] || null;
  if (shippingRate && !rules.shippingRates.includes(shippingRate)) errors.shipping_rate = 'Choose a shipping option.';

  if (Object.keys(errors).length > 0) return { ok: false, errors, values: strings };
  return {
    ok: true,
    input: {
      email: f.email,
      name: f.name,
      line1: f.line1,
      line2: f.line2 || null,
      city: f.city,
      postal_code: f.postal_code,
      state: f.state || null,
      country,
      card,
      exp_month: expMonth,
      exp_year: expYear,
      cvc: f.cvc.trim(),
      shipping_rate: shippingRate,
    },
  };
}
