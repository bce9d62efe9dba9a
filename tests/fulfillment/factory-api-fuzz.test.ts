// Property-based fuzz of the factory API, driven by its generated OpenAPI document: random
// operations (and methods it does not take) with hostile path parameters (NUL bytes, %, unicode,
// huge strings), query strings, bodies and credentials, sent to the real route handlers. Every
// answer is < 500; every error is JSON {error:{message,code}} with a status the document lists for
// that operation; every 2xx JSON answer fits the documented schema; and the document and the zod
// schemas agree on bodies: a status report the document forbids gets 400, one it allows never does.
// Bounded: FUZZ_RUNS (300) runs or 40 s, whichever comes first; FUZZ_SEED replays a failure.
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FACTORY_API_RATE_LIMIT = '1000000'; // the limit has its own tests; here it would only mask the routes
});

import { createApiKey, createFactory, revokeApiKey } from '../../lib/fulfillment';
import { resetDatabase } from '../setup/db';
import { makeReadyJobs } from './factory-fixtures';
import { checkJsonSchema } from './json-schema-check';
import { METHODS, routes, type Handler, type Method } from './factory-routes';
import * as openapiRoute from '../../app/api/factory/v1/openapi.json/route';

type Json = Record<string, unknown>;
type Param = { name: string; in: 'path' | 'query'; schema: Json };
type Op = { operationId: string; parameters?: Param[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, Json> };


/** What Next.js does with a route module: HEAD falls back to GET, a missing method is a bare 405. */
function handlerFor(mod: Partial<Record<Method, Handler>>, method: Method): Handler {
  return mod[method] ?? (method === 'HEAD' ? mod.GET : undefined) ?? (() => new Response(null, { status: 405 }));
}

const base = 'http://localhost/api/factory/v1';
let doc: { paths: Record<string, Record<string, Op>>; components: Json } & Json;
let keys: { a: string; b: string; revoked: string };
let jobIds: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  const a = await createFactory('Fuzz A');
  const b = await createFactory('Fuzz B');
  const revoked = await createApiKey(a.id, 'old');
  await revokeApiKey(revoked.id);
  keys = { a: (await createApiKey(a.id, 'fuzz')).key, b: (await createApiKey(b.id, 'fuzz')).key, revoked: revoked.key };
  jobIds = (await makeReadyJobs(6, { withFile: true, shipTo: true })).jobs.map((j) => j.id);
  doc = (await openapiRoute.GET().json()) as typeof doc;
});

// ---- generators, from the document ----

const HOSTILE = ['\u0000', '%', '%00', '%25', '%2541', '..', '../x', '/', '\\', ' ', '', '\u202e', '😀', '\ud800', 'null', '__proto__', 'constructor', "' OR 1=1 --", 'a'.repeat(5000), 'Z'.repeat(20_000)];
const hostile = () => fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ minLength: 65, maxLength: 2000 }));

/** A value that fits the schema most of the time, and something else otherwise. */
function valueFor(schema: Json, name: string): fc.Arbitrary<unknown> {
  const fitting: fc.Arbitrary<unknown>[] = [];
  if ('const' in schema) fitting.push(fc.constant(schema.const));
  if (Array.isArray(schema.enum)) fitting.push(fc.constantFrom(...schema.enum));
  if (schema.type === 'integer') fitting.push(fc.integer({ min: Number(schema.minimum ?? -10) - 3, max: Number(schema.maximum ?? 10) + 3 }));
  if (schema.type === 'string' && !fitting.length) {
    if (name === 'starting_after' || name === 'id') fitting.push(fc.constantFrom(...jobIds));
    else if (typeof schema.pattern === 'string' && /Hh/.test(schema.pattern)) fitting.push(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,<b>', 'HTTPS://UPS.EXAMPLE/1', 'http:/x', 'http://'));
    else fitting.push(fc.string({ maxLength: Number(schema.maxLength ?? 50) + 5 }), fc.constantFrom('   ', ' 1Z999 ', '\t'));
  }
  return fc.oneof({ weight: 4, arbitrary: fc.oneof(...fitting) }, { weight: 1, arbitrary: fc.oneof(hostile(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.nat(), { maxLength: 2 })) });
}

type Body = { raw: string | Uint8Array; value?: unknown; oversized?: boolean };
const OVERSIZED = `{"status":"received","pad":"${'x'.repeat(1024 * 1024)}"}`;

function bodyFor(schema: Json): fc.Arbitrary<Body> {
  const resolved = (schema.$ref ? (doc.components.schemas as Json)[String(schema.$ref).split('/').pop()!] : schema) as Json;
  const branches = (resolved.oneOf as Json[] | undefined) ?? [resolved];
  const objects = fc.oneof(
    ...branches.map((branch) => {
      const props = Object.entries((branch.properties ?? {}) as Record<string, Json>);
      const record = Object.fromEntries(props.map(([k, s]) => [k, valueFor(s, k)]));
      return fc.oneof({ weight: 4, arbitrary: fc.record(record, { requiredKeys: (branch.required ?? []) as string[] }) }, { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) }) as fc.Arbitrary<Json>;
    }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: objects.map((value) => ({ raw: JSON.stringify(value), value: JSON.parse(JSON.stringify(value)) })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ raw: JSON.stringify(value) ?? 'null', value: JSON.parse(JSON.stringify(value) ?? 'null') })) },
    { weight: 1, arbitrary: fc.oneof(hostile(), fc.constantFrom('{', '{"status":', '[]', '', '\u0000{}')).map((raw) => ({ raw })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((raw) => ({ raw })) },
    { weight: 1, arbitrary: fc.constant({ raw: '<a {"status":"received"} padded past 1 MB>', oversized: true }) },
  );
}

interface Call {
  path: string;
  method: Method;
  documented: boolean;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body?: Body;
  auth: 'a' | 'b' | 'revoked' | 'none' | 'garbage';
  foreignOrigin: boolean;
}

function callArb(): fc.Arbitrary<Call> {
  return fc.constantFrom(...Object.keys(doc.paths)).chain((path) => {
    const ops = doc.paths[path];
    const documentedMethods = Object.keys(ops).map((m) => m.toUpperCase() as Method);
    const method = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...documentedMethods) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) });
    return method.chain((m) => {
      const op = ops[m.toLowerCase()] ?? Object.values(ops)[0];
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      return fc.record({
        path: fc.constant(path),
        method: fc.constant(m),
        documented: fc.constant(documentedMethods.includes(m) || (m === 'HEAD' && documentedMethods.includes('GET'))),
        params: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, p.name === 'placement' ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom('wrap', 'front') }, { weight: 2, arbitrary: hostile() }) : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...jobIds) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,64}$/) }, { weight: 2, arbitrary: hostile() })])) as Record<string, fc.Arbitrary<string>>),
        query: fc.record({ ...Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema, p.name)])), junk: hostile() }, { requiredKeys: [] }),
        body: bodySchema ? bodyFor(bodySchema) : fc.option(bodyFor({ type: 'object' }), { nil: undefined }),
        auth: fc.constantFrom('a', 'a', 'a', 'b', 'revoked', 'none', 'garbage'),
        foreignOrigin: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }) as fc.Arbitrary<Call>;
    });
  });
}

// ---- the properties ----

const stringify = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
/** Lone surrogates become U+FFFD, as a UTF-8 round trip (a real request) would make them. */
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
const encode = (s: string) => encodeURIComponent(wellFormed(s));

/** Whether a query string value fits its parameter schema (form style: integers are digit strings). */
function queryFits(value: string, schema: Json): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  if (schema.type === 'integer') return /^[0-9]+$/.test(value) && checkJsonSchema(Number(value), schema, doc).length === 0;
  return checkJsonSchema(value, schema, doc).length === 0;
}

const seen = new Map<number, number>();

async function send(c: Call) {
  const url = new URL(`${base}${c.path.replace(/\{(\w+)\}/g, (_, k: string) => encode(c.params[k] ?? ''))}`);
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.query)) if (v !== undefined) url.searchParams.set(k, (query[k] = wellFormed(stringify(v))));
  const headers: Record<string, string> = {};
  if (c.auth === 'a' || c.auth === 'b' || c.auth === 'revoked') headers.authorization = `Bearer ${keys[c.auth]}`;
  if (c.auth === 'garbage') headers.authorization = 'Bearer \u00ff\u00fe spf_ x';
  if (c.foreignOrigin) headers.origin = 'https://evil.example';
  const withBody = c.body !== undefined && c.method !== 'GET' && c.method !== 'HEAD';
  if (withBody) headers['content-type'] = 'application/json';
  const req = new Request(url, { method: c.method, headers, body: withBody ? ((c.body!.oversized ? OVERSIZED : c.body!.raw) as BodyInit) : undefined });
  const res = await handlerFor(routes[c.path], c.method)(req, { params: Promise.resolve(c.params) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, query };
}

describe('factory API fuzz (from its OpenAPI document)', () => {
  it('never answers 5xx; errors are documented JSON; answers fit the document', async () => {
    const runs = Number(process.env.FUZZ_RUNS ?? 300);
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(callArb(), async (c) => {
        const { res, bytes, query } = await send(c);
        const where = `${c.method} ${c.path} → ${res.status}`;
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(res.status, where).toBeLessThan(500);
        expect(res.status, where).toBeGreaterThanOrEqual(200);
        const op = doc.paths[c.path][c.method === 'HEAD' ? 'get' : c.method.toLowerCase()];
        if (!c.documented) {
          expect(res.status, where).toBe(405);
        } else {
          expect(Object.keys(op.responses), where).toContain(String(res.status));
        }
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 400) {
          if (c.method !== 'HEAD') {
            expect(type, where).toMatch(/^application\/json/);
            const body = JSON.parse(bytes.toString('utf8'));
            expect(checkJsonSchema(body, { $ref: '#/components/schemas/Error' }, doc), where).toEqual([]);
            expect(body.error.message.length, where).toBeGreaterThan(0);
          }
          if (res.status === 401) expect(res.headers.get('www-authenticate'), where).toMatch(/^Bearer /);
          if (res.status === 405) expect(res.headers.get('allow'), where).toMatch(/OPTIONS/);
          if (res.status === 429) expect(Number(res.headers.get('retry-after')), where).toBeGreaterThan(0);
        } else if (c.method !== 'HEAD' && type.startsWith('application/json') && c.path !== '/openapi.json') {
          const schema = (op.responses[String(res.status)] as { content: Record<string, { schema: Json }> }).content['application/json'].schema;
          expect(checkJsonSchema(JSON.parse(bytes.toString('utf8')), schema, doc), where).toEqual([]);
        }
        const authed = c.documented && (c.auth === 'a' || c.auth === 'b') && c.path !== '/openapi.json';
        if (authed && res.status !== 403) expect(res.headers.get('ratelimit'), where).toMatch(/^"key";r=\d+;t=\d+$/);
        // The document and the zod schemas agree on what is valid input.
        if (authed && !(c.foreignOrigin && c.method === 'POST')) {
          if (c.path === '/jobs/{id}/status' && c.method === 'POST' && typeof c.body?.raw === 'string' && !c.body.oversized) {
            const body = c.body.value;
            const problems = body === undefined ? ['not JSON'] : checkJsonSchema(body, op.requestBody!.content['application/json'].schema, doc);
            if (problems.length) expect(res.status, `${where}: the document forbids ${c.body.raw.slice(0, 200)} (${problems[0]})`).toBe(400);
            else expect(res.status, `${where}: the document allows ${c.body.raw.slice(0, 200)}`).not.toBe(400);
          }
          if (c.path === '/jobs' && c.method === 'GET') {
            const params = op.parameters!.filter((p) => p.in === 'query');
            const misfit = params.find((p) => p.name in query && !queryFits(query[p.name], p.schema));
            if (misfit) expect(res.status, `${where}: ${misfit.name}=${query[misfit.name].slice(0, 80)} is not what the document allows`).toBe(400);
            else if (!('starting_after' in query) || jobIds.includes(query.starting_after)) expect(res.status, where).toBe(200);
          }
        }
      }),
      { numRuns: runs, seed, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false, endOnFailure: true },
    );
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    console.log(`[fuzz] ${total} requests in ${Date.now() - started} ms:`, Object.fromEntries([...seen].sort((a, b) => a[0] - b[0])));
    expect(total).toBeGreaterThanOrEqual(Math.min(runs, 100));
    // Not a vacuous run: it reached the handlers, the validators and the not-found paths.
    for (const status of [200, 400, 401, 404, 405]) expect(seen.get(status) ?? 0, `no ${status} answers`).toBeGreaterThan(0);
  }, 90_000);
});
