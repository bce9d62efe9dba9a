// Decodes Stripe-style form bodies and query strings (`a[b][0][c]=v`) into nested objects.
// The SDK sends arrays as indexed keys (`x[0]`, `x[1]`); browsers may send `x[]`.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const MAX_DEPTH = 8;

function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first <= 0) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  re.lastIndex = first;
  let m: RegExpExecArray | null;
  let end = first;
  while ((m = re.exec(key)) && m.index === end) {
    parts.push(m[1]);
    end = re.lastIndex;
  }
  // Trailing junk after the brackets: treat the whole key literally, as qs does.
  if (end !== key.length) return [key];
  return parts;
}

/** Objects whose keys are all array indexes become arrays, in index order. */
function arrayify(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return Array.isArray(value) ? value.map(arrayify) : value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = arrayify(value[k]);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => value[String(i)]);
  }
  return value;
}

export function parseForm(body: string | URLSearchParams): FormObject {
  const params = typeof body === 'string' ? new URLSearchParams(body) : body;
  const root: FormObject = Object.create(null);
  for (const [rawKey, value] of params) {
    const parts = splitKey(rawKey);
    if (parts.length > MAX_DEPTH) continue;
    let node: Record<string, FormValue> = root;
    for (let i = 0; i < parts.length; i++) {
      let part = parts[i];
      const last = i === parts.length - 1;
      if (part === '') part = String(Object.keys(node).length); // `x[]` appends
      if (part === '__proto__' || part === 'constructor' || part === 'prototype') break;
      if (last) {
        node[part] = value;
      } else {
        const next = node[part];
        if (next === undefined || typeof next === 'string' || Array.isArray(next)) node[part] = Object.create(null) as FormObject;
        node = node[part] as Record<string, FormValue>;
      }
    }
  }
  return arrayify(root) as FormObject;
}
