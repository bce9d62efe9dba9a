// Checks JSON bodies of the local Stripe server against what Stripe sends:
//  - Stripe's own example objects (fixtures3.json from stripe/openapi, MIT): every field the
//    fixture object has must be present, with the same JSON type (null only where the SDK's type
//    is nullable; an id where the fixture has an object or the other way round only where the
//    field is expandable);
//  - the pinned `stripe` SDK's TypeScript types (read with the TypeScript compiler): no field the
//    type does not declare, every non-optional field present, null only where the type allows it,
//    string enums within their values, nested objects, arrays, lists and events recursively.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Stripe's example objects; identical to ../shared/stripe/fixtures3.json (checked by shapes.test.ts). */
export const FIXTURES_FILE = path.join(import.meta.dirname, 'fixtures', 'stripe-fixtures3.json');
export const fixtures = JSON.parse(fs.readFileSync(FIXTURES_FILE, 'utf8')).resources as Record<string, { [k: string]: Json }>;

/** Our `object` values and the SDK type describing them. */
const SDK_TYPES: Record<string, string> = {
  'checkout.session': 'Stripe.Checkout.Session',
  payment_intent: 'Stripe.PaymentIntent',
  charge: 'Stripe.Charge',
  refund: 'Stripe.Refund',
  event: 'Stripe.Event',
  item: 'Stripe.LineItem',
  payment_method: 'Stripe.PaymentMethod',
  product: 'Stripe.Product',
  price: 'Stripe.Price',
  shipping_rate: 'Stripe.ShippingRate',
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isObj = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ShapeChecker {
  /** Problems found in one response body, each naming its JSON path. */
  check(body: unknown, where?: string): string[];
}

let cached: ShapeChecker | undefined;

/** Builds the checker (about 5 s: the TypeScript compiler reads the SDK's declarations once). */
export function shapeChecker(): ShapeChecker {
  if (cached) return cached;
  const file = path.join(ROOT, 'tests/local-stripe/__stripe_sdk_types__.ts');
  const names = Object.entries(SDK_TYPES);
  const source = `import Stripe from 'stripe';\n${names.map(([, t], i) => `export type T${i} = ${t};`).join('\n')}\nexport type TError = Stripe.StripeRawError;\n`;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ['lib.es2020.d.ts'], // no DOM: the SDK's data types need only the core library
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (f, lang, ...rest) => (f === file ? ts.createSourceFile(f, source, lang) : getSourceFile(f, lang, ...rest));
  host.fileExists = (f) => f === file || fileExists(f);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const aliases = new Map<string, ts.Type>();
  for (const st of program.getSourceFile(file)!.statements)
    if (ts.isTypeAliasDeclaration(st)) aliases.set(st.name.text, checker.getTypeAtLocation(st.name));
  const byObject = new Map<string, ts.Type>(names.map(([obj], i) => [obj, aliases.get(`T${i}`)!]));
  const errorType = aliases.get('TError')!;
  if (!errorType || byObject.size !== names.length) throw new Error('could not read the stripe SDK types');

  const members = (t: ts.Type): ts.Type[] => (t.isUnion() ? t.types : [t]);
  const isNull = (t: ts.Type) => (t.flags & ts.TypeFlags.Null) !== 0;
  const isUndef = (t: ts.Type) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0;
  const isAny = (t: ts.Type) => (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
  // The SDK parses decimal strings (unit_amount_decimal) into its Decimal class; the wire has a string.
  const isStringy = (t: ts.Type) =>
    (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.TemplateLiteral)) !== 0 ||
    (t.isIntersection() && t.types.some((x) => (x.flags & ts.TypeFlags.String) !== 0)) ||
    checker.typeToString(t) === 'Decimal';
  const isNumbery = (t: ts.Type) => (t.flags & ts.TypeFlags.NumberLike) !== 0;
  const isBooly = (t: ts.Type) => (t.flags & ts.TypeFlags.BooleanLike) !== 0;
  const isArray = (t: ts.Type) => checker.isArrayType(t) || checker.isTupleType(t);
  const isObjType = (t: ts.Type) => (t.flags & ts.TypeFlags.Object) !== 0 && !isArray(t) && !isStringy(t);
  const literalOf = (t: ts.Type): string | undefined => (t.isStringLiteral() ? t.value : undefined);
  const propType = (p: ts.Symbol) => checker.getTypeOfSymbol(p);

  /** The object-type members a value may be: discriminated by string-literal fields (`object`, `type`). */
  function candidates(objs: ts.Type[], value: Record<string, Json>): ts.Type[] {
    return objs.filter((t) =>
      checker.getPropertiesOfType(t).every((p) => {
        const lits = members(propType(p)).filter((m) => !isNull(m) && !isUndef(m));
        if (lits.length !== 1 || literalOf(lits[0]) === undefined) return true;
        return !(p.name in value) || value[p.name] === literalOf(lits[0]);
      }),
    );
  }

  function checkValue(value: Json | undefined, type: ts.Type, fixture: Json | undefined, at: string, out: string[]): void {
    if (isAny(type)) return;
    const all = members(type);
    if (value === null) {
      if (!all.some(isNull)) out.push(`${at}: null, but the SDK type (${checker.typeToString(type)}) is not nullable`);
      return;
    }
    const kinds = all.filter((m) => !isNull(m) && !isUndef(m));
    if (kinds.some(isAny)) return;
    if (typeof value === 'string') {
      const strs = kinds.filter(isStringy);
      if (!strs.length) return void out.push(`${at}: a string, but the SDK type is ${checker.typeToString(type)}`);
      const lits = strs.map(literalOf);
      if (lits.every((l) => l !== undefined) && !lits.includes(value)) out.push(`${at}: '${value}' is not one of ${lits.join(', ')}`);
      if (isObj(fixture) && !kinds.some(isObjType)) out.push(`${at}: a string where Stripe has an object`);
      return;
    }
    if (typeof value === 'number') {
      if (!kinds.some(isNumbery)) out.push(`${at}: a number, but the SDK type is ${checker.typeToString(type)}`);
      return;
    }
    if (typeof value === 'boolean') {
      if (!kinds.some(isBooly)) out.push(`${at}: a boolean, but the SDK type is ${checker.typeToString(type)}`);
      return;
    }
    if (Array.isArray(value)) {
      const arr = kinds.find(isArray);
      if (!arr) return void out.push(`${at}: an array, but the SDK type is ${checker.typeToString(type)}`);
      const element = checker.getIndexTypeOfType(arr, ts.IndexKind.Number) ?? checker.getTypeArguments(arr as ts.TypeReference)[0];
      const fx = Array.isArray(fixture) && fixture.length ? fixture[0] : undefined;
      value.forEach((v, i) => checkValue(v, element, fx, `${at}[${i}]`, out));
      return;
    }
    if (value === undefined) return;
    // A nested Stripe object (an expanded id, an event's data.object) has its own fixture.
    if (typeof value.object === 'string' && fixtures[value.object] && (!isObj(fixture) || fixture.object !== value.object)) fixture = fixtures[value.object];
    const objs = kinds.filter(isObjType);
    if (!objs.length) return void out.push(`${at}: an object, but the SDK type is ${checker.typeToString(type)}`);
    if (typeof fixture === 'string' && kinds.some(isStringy) === false) out.push(`${at}: an object where Stripe has a string`);
    const fits = candidates(objs, value);
    if (!fits.length) return void out.push(`${at}: no SDK type fits (object=${String(value.object)}, type=${String(value.type)})`);
    // Several fit: the one with the fewest problems.
    let best: string[] | undefined;
    for (const t of fits) {
      const found: string[] = [];
      checkObject(value, t, fixture, at, found);
      if (!best || found.length < best.length) best = found;
      if (!found.length) break;
    }
    out.push(...best!);
  }

  function checkObject(value: Record<string, Json>, type: ts.Type, fixture: Json | undefined, at: string, out: string[]): void {
    const props = checker.getPropertiesOfType(type);
    const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    // An open type (Event.Data.Object is `{}`): check it as the object it names.
    if (!props.length && !index) {
      const named = typeof value.object === 'string' ? byObject.get(value.object) : undefined;
      if (named) return checkValue(value, named, fixtures[value.object as string], at, out);
      if (typeof value.object === 'string' && value.object !== 'list') out.push(`${at}: object '${value.object}' has no SDK type in this checker`);
      return;
    }
    // A map (metadata) has its own keys: the fixture's example keys are no requirement.
    const fx = isObj(fixture) && !index ? fixture : undefined;
    if (fx) {
      for (const [key, expected] of Object.entries(fx)) {
        if (!(key in value)) {
          out.push(`${at}.${key}: missing (Stripe's fixture has it)`);
          continue;
        }
        const ours = value[key];
        if (ours === null || expected === null) continue; // nullability is the SDK type's to judge
        if (jsonType(ours) !== jsonType(expected) && !(typeof expected === 'string' && isObj(ours)) && !(isObj(expected) && typeof ours === 'string'))
          out.push(`${at}.${key}: ${jsonType(ours)}, Stripe's fixture has ${jsonType(expected)}`);
      }
    }
    const declared = new Map(props.map((p) => [p.name, p]));
    for (const [key, v] of Object.entries(value)) {
      const p = declared.get(key);
      if (!p) {
        if (index) checkValue(v, index, undefined, `${at}.${key}`, out);
        else if (fx && key in fx) continue; // Stripe's fixture sends it though the SDK type lacks it
        else out.push(`${at}.${key}: not a field of the SDK type (Stripe does not send it)`);
        continue;
      }
      checkValue(v, propType(p), fx?.[key], `${at}.${key}`, out);
    }
    for (const p of props) {
      if (p.name in value || p.flags & ts.SymbolFlags.Optional) continue;
      out.push(`${at}.${p.name}: missing (the SDK type requires it${members(propType(p)).some(isNull) ? ', null if unknown' : ''})`);
    }
  }

  function checkAny(body: Json, at: string, out: string[]): void {
    if (Array.isArray(body)) return body.forEach((v, i) => checkAny(v, `${at}[${i}]`, out));
    if (!isObj(body)) return;
    if (body.object === 'list') {
      for (const key of Object.keys(body)) if (!['object', 'data', 'has_more', 'url'].includes(key)) out.push(`${at}.${key}: not a field of a Stripe list`);
      if (!Array.isArray(body.data) || typeof body.has_more !== 'boolean' || typeof body.url !== 'string') out.push(`${at}: not a Stripe list (data, has_more, url)`);
      return checkAny(body.data, `${at}.data`, out);
    }
    if (typeof body.object === 'string') {
      const t = byObject.get(body.object);
      if (!t) return void out.push(`${at}: object '${body.object}' has no SDK type in this checker`);
      return checkValue(body, t, fixtures[body.object], at, out);
    }
    if ('error' in body && isObj(body.error)) {
      const e = body.error;
      if (Object.keys(body).length !== 1) out.push(`${at}: an error body has only "error"`);
      if (!['api_error', 'card_error', 'idempotency_error', 'invalid_request_error'].includes(e.type as string)) out.push(`${at}.error.type: '${String(e.type)}' is not a Stripe error type`);
      if (typeof e.message !== 'string') out.push(`${at}.error.message: must be a string`);
      if (typeof e.request_log_url !== 'string') out.push(`${at}.error.request_log_url: must be a string`);
      if (e.code !== undefined && typeof e.doc_url !== 'string') out.push(`${at}.error.doc_url: must be a string when there is a code`);
      checkObject(e, errorType, undefined, `${at}.error`, out);
      return;
    }
    // A test helper's wrapper ({checkout_session, payment_intent}): its objects.
    for (const [k, v] of Object.entries(body)) checkAny(v, `${at}.${k}`, out);
  }

  cached = {
    check(body, where = '$') {
      const out: string[] = [];
      checkAny(body as Json, where, out);
      return out;
    },
  };
  return cached;
}

export interface RecordedBody {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Throws, listing each problem once, when any recorded body is not shaped as Stripe's. */
export function assertStripeShapes(bodies: RecordedBody[], what = 'local Stripe server'): void {
  if (!bodies.length) return;
  const checker = shapeChecker();
  const problems = new Map<string, string>();
  for (const b of bodies)
    for (const p of checker.check(b.body)) {
      const key = p.replace(/\[\d+\]/g, '[]');
      if (!problems.has(key)) problems.set(key, `${b.method} ${b.path} → ${b.status}: ${p}`);
    }
  if (problems.size) throw new Error(`${problems.size} response field(s) from the ${what} differ from Stripe's:\n  ${[...problems.values()].join('\n  ')}`);
}
