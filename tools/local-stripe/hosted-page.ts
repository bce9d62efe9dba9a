// The hosted checkout page: plain server-rendered HTML, no scripts needed. Accessible by
// construction: real labels, errors tied to fields, a focus ring, an error summary.
import type { FieldErrors, PayForm } from './card-form';
import type { SessionRecord } from './state-store';

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

export function formatMoney(minor: number, currency: string): string {
  const major = ZERO_DECIMAL.has(currency) ? minor : minor / 100;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(major);
  } catch {
    return `${major.toFixed(2)} ${currency.toUpperCase()}`;
  }
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => {
  try {
    return COUNTRY_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
};

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f8fa}
.test-banner{margin:0;padding:.75rem 1rem;background:#ffde92;color:#5a3b00;text-align:center;font-weight:700;letter-spacing:.02em;border-bottom:2px solid #e5a800}
.test-banner span{display:block;font-weight:400;font-size:.9rem}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem;display:grid;gap:2rem;grid-template-columns:1fr}
@media(min-width:48rem){main{grid-template-columns:1fr 1fr}}
h1{font-size:1.5rem;margin:0 0 1rem}
h2{font-size:1.1rem;margin:0 0 .75rem}
section,form{background:#fff;border:1px solid #d8dee4;border-radius:.5rem;padding:1.25rem}
table{width:100%;border-collapse:collapse}
th,td{padding:.4rem 0;text-align:left;vertical-align:top}
td.amount,th.amount{text-align:right;white-space:nowrap}
tfoot th,tfoot td{border-top:1px solid #d8dee4}
.total th,.total td{font-weight:700;font-size:1.1rem}
.muted{color:#545969;font-size:.9rem}
fieldset{border:0;margin:0 0 1rem;padding:0}
legend{font-weight:600;margin-bottom:.5rem;padding:0}
label{display:block;font-weight:500;margin:.6rem 0 .2rem}
input,select{width:100%;padding:.6rem .7rem;font:inherit;border:1px solid #8792a2;border-radius:.35rem;background:#fff;color:inherit}
input[aria-invalid=true],select[aria-invalid=true]{border-color:#c0123c;border-width:2px}
.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
.field-error{color:#c0123c;font-size:.9rem;margin:.2rem 0 0}
.alert{border:2px solid #c0123c;background:#fff0f3;color:#7d0a26;border-radius:.35rem;padding:.75rem;margin-bottom:1rem}
.alert:focus{outline:3px solid #0a66d8;outline-offset:2px}
button{width:100%;margin-top:1rem;padding:.8rem;font:inherit;font-weight:700;color:#fff;background:#0a5bd6;border:0;border-radius:.35rem;cursor:pointer}
button:hover{background:#0848aa}
a{color:#0a5bd6}
:focus-visible{outline:3px solid #0a66d8;outline-offset:2px}
.radio{display:flex;gap:.5rem;align-items:center;font-weight:400}
.radio input{width:auto}
.cancel{display:inline-block;margin-top:1rem}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Test mode checkout</title>
<style>${STYLE}</style>
</head>
<body>
<p class="test-banner" role="note">TEST MODE<span>No real money moves. Pay with 4242 4242 4242 4242; 4000 0000 0000 0002 is declined.</span></p>
${body}
</body>
</html>`;
}

export interface CheckoutPageState {
  error?: string;
  fieldErrors?: FieldErrors;
  values?: Partial<PayForm>;
}

const FIELD_LABELS: Record<keyof FieldErrors, string> = {
  email: 'Email',
  name: 'Full name',
  line1: 'Address',
  line2: 'Address line 2',
  city: 'City',
  postal_code: 'Postal code',
  state: 'State or region',
  country: 'Country',
  card: 'Card number',
  exp: 'Expiry (MM / YY)',
  exp_month: 'Expiry month',
  exp_year: 'Expiry year',
  cvc: 'CVC',
  shipping_rate: 'Shipping',
};

export function renderCheckoutPage(r: SessionRecord, actionPath: string, state: CheckoutPageState = {}): string {
  const s = r.session;
  const errs = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const money = (n: number) => escapeHtml(formatMoney(n, s.currency));

  const input = (name: keyof FieldErrors, attrs: string, value = '') => {
    const err = errs[name];
    const id = `f-${name}`;
    return `<label for="${id}">${FIELD_LABELS[name]}</label>
<input id="${id}" name="${name}" ${attrs} value="${escapeHtml(value)}"${err ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
${err ? `<p class="field-error" id="${id}-error">${escapeHtml(err)}</p>` : ''}`;
  };

  const countries = s.shipping_address_collection?.allowed_countries ?? ['US'];
  const chosenCountry = (v.country ?? '').toUpperCase() || countries[0];
  const countryOptions = countries
    .map((c) => `<option value="${escapeHtml(c)}"${c === chosenCountry ? ' selected' : ''}>${escapeHtml(countryName(c))}</option>`)
    .join('');

  const chosenRate = v.shipping_rate || s.shipping_cost?.shipping_rate;
  const shippingChoice =
    r.shippingRates.length > 1
      ? `<fieldset><legend>Shipping method</legend>${r.shippingRates
          .map(
            (rate) =>
              `<label class="radio"><input type="radio" name="shipping_rate" value="${escapeHtml(rate.id)}"${rate.id === chosenRate ? ' checked' : ''}> ${escapeHtml(rate.display_name)} (${money(rate.fixed_amount.amount)})</label>`,
          )
          .join('')}</fieldset>`
      : '';

  const rows = r.lineItems
    .map((li) => {
      const unit = li.price.unit_amount;
      return `<tr><td>${escapeHtml(li.description)}<br><span class="muted">${li.quantity} × ${money(unit)}</span></td><td class="amount">${money(li.amount_total)}</td></tr>`;
    })
    .join('');
  const rate = r.shippingRates.find((x) => x.id === s.shipping_cost?.shipping_rate);

  const summaryErrors = Object.entries(errs).filter(([, m]) => m);
  const alert = state.error
    ? `<div class="alert" role="alert" tabindex="-1" id="form-error"><strong>Payment failed.</strong> ${escapeHtml(state.error)}</div>`
    : summaryErrors.length
      ? `<div class="alert" role="alert" tabindex="-1" id="form-error"><strong>Please check these fields:</strong><ul>${summaryErrors
          .map(([k, m]) => `<li><a href="#f-${k}">${FIELD_LABELS[k as keyof FieldErrors]}</a>: ${escapeHtml(m)}</li>`)
          .join('')}</ul></div>`
      : '';

  return layout(
    'Checkout',
    `<main>
<section aria-labelledby="summary-title">
<h1 id="summary-title">Order summary</h1>
<table>
<caption class="muted" style="text-align:left">${r.lineItems.length} item${r.lineItems.length === 1 ? '' : 's'}</caption>
<thead><tr><th scope="col">Item</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot>
<tr><th scope="row">Subtotal</th><td class="amount">${money(s.amount_subtotal)}</td></tr>
${rate ? `<tr><th scope="row">Shipping (${escapeHtml(rate.display_name)})</th><td class="amount">${money(rate.fixed_amount.amount)}</td></tr>` : ''}
<tr class="total"><th scope="row">Total due</th><td class="amount">${money(s.amount_total)}</td></tr>
</tfoot>
</table>
</section>
<form method="post" action="${escapeHtml(actionPath)}" novalidate aria-labelledby="pay-title">
<h2 id="pay-title">Pay ${money(s.amount_total)}</h2>
${alert}
<fieldset><legend>Contact</legend>
${input('email', 'type="email" autocomplete="email" required', v.email ?? s.customer_email ?? '')}
</fieldset>
<fieldset><legend>Shipping address</legend>
${input('name', 'type="text" autocomplete="name" required', v.name)}
${input('line1', 'type="text" autocomplete="address-line1" required', v.line1)}
${input('line2', 'type="text" autocomplete="address-line2"', v.line2)}
<div class="row"><div>${input('city', 'type="text" autocomplete="address-level2" required', v.city)}</div>
<div>${input('postal_code', 'type="text" autocomplete="postal-code" required', v.postal_code)}</div></div>
<label for="f-country">Country</label>
<select id="f-country" name="country" autocomplete="country" required${errs.country ? ' aria-invalid="true" aria-describedby="f-country-error"' : ''}>${countryOptions}</select>
${errs.country ? `<p class="field-error" id="f-country-error">${escapeHtml(errs.country)}</p>` : ''}
</fieldset>
${shippingChoice}
<fieldset><legend>Card</legend>
${input('card', 'type="text" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required', v.card)}
<div class="row"><div>${input('exp', 'type="text" inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" required', v.exp)}</div>
<div>${input('cvc', 'type="text" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required', v.cvc)}</div></div>
</fieldset>
<button type="submit">Pay ${money(s.amount_total)}</button>
${s.cancel_url ? `<a class="cancel" href="${escapeHtml(s.cancel_url)}">Cancel and return to the store</a>` : ''}
</form>
</main>
${alert ? '<script>document.getElementById("form-error")?.focus()</script>' : ''}`,
  );
}

export function renderMessagePage(title: string, message: string, link?: { href: string; text: string }): string {
  return layout(
    title,
    `<main style="grid-template-columns:1fr;max-width:36rem"><section role="status">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}
</section></main>`,
  );
}
