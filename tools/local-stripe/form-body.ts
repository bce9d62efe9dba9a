// Decodes Stripe-style form bodies and query strings (`a[b][0][c]=v`) into nested objects with
// qs, the parser Stripe's own SDK pairs with. The SDK sends arrays as indexed keys (`x[0]`,
// `x[1]`); browsers may send `x[]`. Sparse indexes close up in index order.
import qs from 'qs';

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const OPTIONS: qs.IParseOptions = {
  depth: 8,
  // Stripe lists (line items, expand) run past qs's default of 20 indexes.
  arrayLimit: 1000,
  parameterLimit: 10_000,
  // Keys such as __proto__ are dropped rather than set on a null-prototype object.
  allowPrototypes: false,
  plainObjects: false,
};

export function parseForm(body: string | URLSearchParams): FormObject {
  return qs.parse(typeof body === 'string' ? body : body.toString(), OPTIONS) as FormObject;
}
