// A small JSON Schema (2020-12 subset, what z.toJSONSchema emits) checker, to hold real API
// answers against the published OpenAPI document. Returns the list of problems (empty = valid).
type Schema = Record<string, unknown> | boolean;

export function checkJsonSchema(value: unknown, schema: Schema, root: Record<string, unknown>, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: nothing is allowed here`];
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const target = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    if (!target) return [`${at}: unresolved $ref ${s.$ref}`];
    return checkJsonSchema(value, target as Schema, root, at);
  }
  const problems: string[] = [];
  const type = s.type as string | string[] | undefined;
  if (type) {
    const types = Array.isArray(type) ? type : [type];
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const ok = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && actual === 'number'));
    if (!ok) return [`${at}: expected ${types.join('|')}, got ${actual}`];
  }
  if (s.const !== undefined && value !== s.const) problems.push(`${at}: expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if (typeof value === 'string') {
    const len = value.length; // UTF-16 code units: what the API counts (and its document says)
    if (typeof s.minLength === 'number' && len < s.minLength) problems.push(`${at}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === 'number' && len > s.maxLength) problems.push(`${at}: longer than ${s.maxLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(value)) problems.push(`${at}: does not match ${s.pattern}`);
    if (s.format === 'date-time' && Number.isNaN(Date.parse(value))) problems.push(`${at}: not a date-time`);
    if (s.format === 'uri' && !URL.canParse(value)) problems.push(`${at}: not a URI`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) problems.push(`${at}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) problems.push(`${at}: above ${s.maximum}`);
  }
  if (Array.isArray(value) && s.items) value.forEach((v, i) => problems.push(...checkJsonSchema(v, s.items as Schema, root, `${at}[${i}]`)));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in obj)) problems.push(`${at}.${r}: required but missing`);
    for (const [k, v] of Object.entries(obj)) {
      if (k in props) problems.push(...checkJsonSchema(v, props[k], root, `${at}.${k}`));
      else if (s.additionalProperties === false) problems.push(`${at}.${k}: not in the document`);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') problems.push(...checkJsonSchema(v, s.additionalProperties as Schema, root, `${at}.${k}`));
    }
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) problems.push(...checkJsonSchema(value, sub as Schema, root, at));
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => checkJsonSchema(value, sub as Schema, root, at).length === 0)) problems.push(`${at}: matches none of anyOf`);
  if (Array.isArray(s.oneOf)) {
    const n = s.oneOf.filter((sub) => checkJsonSchema(value, sub as Schema, root, at).length === 0).length;
    if (n !== 1) problems.push(`${at}: matches ${n} of oneOf, not exactly one`);
  }
  return problems;
}
