// The factory API's contract: its OpenAPI document is generated from the zod schemas the routes
// use and matches what they answer; 405 carries Allow, 401 WWW-Authenticate; each API key has a
// rate limit kept in PostgreSQL (RateLimit / RateLimit-Policy headers, 429 with Retry-After).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FACTORY_API_RATE_LIMIT = '5';
  process.env.FACTORY_API_RATE_WINDOW_S = '3600';
});

import { z } from 'zod';
import { db } from '../../lib/db/client';
import { env } from '../../lib/env';
import { consumeRateLimit, createApiKey, createFactory, statusSchema } from '../../lib/fulfillment';
import { resetDatabase } from '../setup/db';
import { makeReadyJobs } from './factory-fixtures';
import { checkJsonSchema } from './json-schema-check';
import { METHODS, routes } from './factory-routes';
import * as listRoute from '../../app/api/factory/v1/jobs/route';
import * as claimRoute from '../../app/api/factory/v1/jobs/[id]/claim/route';
import * as statusRoute from '../../app/api/factory/v1/jobs/[id]/status/route';
import * as fileRoute from '../../app/api/factory/v1/jobs/[id]/files/[placement]/route';
import * as openapiRoute from '../../app/api/factory/v1/openapi.json/route';

type Spec = { paths: Record<string, Record<string, Op>>; components: Record<string, Record<string, unknown>>; info: Record<string, unknown> } & Record<string, unknown>;
type Op = { operationId: string; parameters?: { name: string; in: string; schema: Record<string, unknown> }[]; requestBody?: unknown; responses: Record<string, Record<string, unknown>>; security?: unknown[] };

const base = 'http://localhost/api/factory/v1';
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) as Promise<never> }); // fits every route's params type
let doc: Spec;
let keyA: string;
let jobId: string;

beforeAll(async () => {
  await resetDatabase();
  keyA = (await createApiKey((await createFactory('Factory A')).id, 'test')).key;
  const { jobs } = await makeReadyJobs(2, { withFile: true, shipTo: true });
  jobId = jobs[0].id;
  doc = (await openapiRoute.GET().json()) as Spec;
});

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

describe('the OpenAPI document', () => {
  it('documents every factory route file, with operationIds, error answers and a licence', () => {
    const dir = path.resolve('app/api/factory/v1');
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name === 'route.ts' && files.push(path.relative(dir, d))));
    walk(dir);
    const templates = files.map((f) => `/${f.split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}')).sort();
    expect(Object.keys(doc.paths).sort()).toEqual(templates);
    expect(Object.keys(routes).sort()).toEqual(templates);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.license).toMatchObject({ name: expect.any(String), identifier: expect.any(String) });
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.operationId));
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = Object.keys(op.responses);
        expect(statuses, `${method} ${p}`).toContain('405');
        if (p !== '/openapi.json') expect(statuses, `${method} ${p}`).toEqual(expect.arrayContaining(['200', '401', '429']));
        if (p.includes('{id}')) expect(statuses, `${method} ${p}`).toContain('404');
        if (method === 'post') expect(statuses, `${method} ${p}`).toEqual(expect.arrayContaining(['403', '409']));
      }
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of refs) {
      const target = r.slice(8, -1).replace('#/', '').split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc);
      expect(target, r).toBeTruthy();
    }
    const res = doc.components.responses as Record<string, { headers: Record<string, unknown> }>;
    expect(Object.keys(res.MethodNotAllowed.headers)).toContain('Allow');
    expect(Object.keys(res.Unauthorized.headers)).toContain('WWW-Authenticate');
    expect(Object.keys(res.RateLimited.headers)).toEqual(expect.arrayContaining(['Retry-After', 'RateLimit', 'RateLimit-Policy']));
  });

  it('says what the zod schemas say: the status report, the list query, the error shape', () => {
    const { $schema: _, ...fromZod } = z.toJSONSchema(statusSchema, { io: 'input' }) as Record<string, unknown>;
    expect(doc.components.schemas.StatusReport).toEqual(fromZod);
    const branches = (doc.components.schemas.StatusReport as { oneOf: { properties: Record<string, { const?: string; enum?: string[]; maxLength?: number; pattern?: string }>; required: string[] }[] }).oneOf;
    const shipped = branches.find((b) => b.properties.status.const === 'shipped')!;
    expect(shipped.required).toEqual(['status', 'trackingNumber']);
    expect(shipped.properties.trackingNumber.maxLength).toBe(100);
    const url = new RegExp(shipped.properties.trackingUrl.pattern!);
    expect(['https://ups.example/1Z', 'HTTP://x'].every((u) => url.test(u))).toBe(true);
    expect(['javascript:alert(1)', 'data:text/html,x', 'ftp://x'].some((u) => url.test(u))).toBe(false);
    expect(new RegExp(shipped.properties.trackingNumber.pattern!).test('   ')).toBe(false); // blank is refused, as zod does after trimming
    expect(branches.find((b) => b.properties.status.const === 'failed')!.required).toEqual(['status', 'reason']);
    const params = doc.paths['/jobs'].get.parameters!;
    expect(params.map((p) => p.name)).toEqual(['status', 'limit', 'starting_after']);
    expect(params[1].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    const error = doc.components.schemas.Error as { required: string[]; properties: { error: { required: string[] } } };
    expect(error.required).toEqual(['error']);
    expect(error.properties.error.required).toEqual(['message', 'code']);
    const file = doc.components.schemas.PrintFile as { properties: Record<string, unknown> };
    expect(Object.keys(file.properties)).toEqual(expect.arrayContaining(['thumbnailUrl', 'engine', 'preflight', 'bytes']));
  });

  it('matches what the routes answer, field for field', async () => {
    const list = await listRoute.GET!(new Request(`${base}/jobs?limit=1`, { headers: auth(keyA) }), ctx());
    const listBody = await list.json();
    expect(checkJsonSchema(listBody, doc.paths['/jobs'].get.responses['200'].content as never, doc)).toEqual([]);
    expect(checkJsonSchema(listBody, { $ref: '#/components/schemas/JobList' }, doc)).toEqual([]);
    const claimed = await (await claimRoute.POST!(new Request(`${base}/jobs/${jobId}/claim`, { method: 'POST', headers: auth(keyA) }), ctx({ id: jobId }))).json();
    expect(claimed.job.shipTo).toBeTruthy();
    expect(claimed.job.files[0].preflight.ok).toBe(true);
    expect(checkJsonSchema(claimed, { $ref: '#/components/schemas/JobEnvelope' }, doc)).toEqual([]);
    const bad = await statusRoute.POST!(new Request(`${base}/jobs/${jobId}/status`, { method: 'POST', headers: auth(keyA), body: '{"status":"shipped"}' }), ctx({ id: jobId }));
    expect(bad.status).toBe(400);
    expect(checkJsonSchema(await bad.json(), { $ref: '#/components/schemas/Error' }, doc)).toEqual([]);
    // And it catches a disagreement: a field the document does not have.
    expect(checkJsonSchema({ ...claimed, job: { ...claimed.job, secret: 1 } }, { $ref: '#/components/schemas/JobEnvelope' }, doc)).toEqual(['$.job.secret: not in the document']);
  });
});

describe('HTTP semantics', () => {
  it('answers other methods with 405, JSON and Allow', async () => {
    for (const [p, mod] of Object.entries(routes)) {
      const documented = Object.keys(doc.paths[p]).map((m) => m.toUpperCase());
      for (const method of METHODS) {
        if (documented.includes(method) || (method === 'HEAD' && documented.includes('GET'))) continue;
        const handler = mod[method];
        expect(handler, `${method} ${p}`).toBeTypeOf('function');
        const res = await handler!(new Request(`${base}${p}`, { method, headers: auth(keyA) }), ctx({ id: jobId, placement: 'wrap' }));
        expect(res.status, `${method} ${p}`).toBe(405);
        const allow = res.headers.get('allow')!.split(', ');
        expect(allow).toEqual(expect.arrayContaining([...documented, 'OPTIONS']));
        expect(allow).not.toContain(method);
        if (method !== 'HEAD') expect((await res.json()).error).toMatchObject({ code: 'method_not_allowed', message: expect.stringContaining(method) });
      }
    }
  });

  it('answers 401 with WWW-Authenticate: Bearer', async () => {
    const none = await listRoute.GET!(new Request(`${base}/jobs`), ctx());
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+"$/);
    const wrong = await claimRoute.POST!(new Request(`${base}/jobs/${jobId}/claim`, { method: 'POST', headers: auth('spf_nope') }), ctx({ id: jobId }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+", error="invalid_token"$/);
  });
});

describe('per-key rate limit', () => {
  it('announces the budget, answers 429 with Retry-After past it, per key', async () => {
    expect(env().FACTORY_API_RATE_LIMIT).toBe(5);
    const factory = await createFactory('Rate Co');
    const k1 = await createApiKey(factory.id, 'one');
    const k2 = await createApiKey(factory.id, 'two');
    const call = (key: string) => listRoute.GET!(new Request(`${base}/jobs`, { headers: auth(key) }), ctx());
    for (let i = 1; i <= 5; i++) {
      const res = await call(k1.key);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toBe('"key";q=5;w=3600');
      expect(res.headers.get('ratelimit')).toMatch(new RegExp(`^"key";r=${5 - i};t=\\d+$`));
    }
    const limited = await call(k1.key);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
    const retry = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retry) && retry >= 1 && retry <= 3600).toBe(true);
    expect(limited.headers.get('ratelimit')).toBe(`"key";r=0;t=${retry}`);
    // Other routes of the same key are limited too; another key is not.
    expect((await fileRoute.GET!(new Request(`${base}/jobs/${jobId}/files/wrap`, { headers: auth(k1.key) }), ctx({ id: jobId, placement: 'wrap' }))).status).toBe(429);
    expect((await call(k2.key)).status).toBe(200);
    // The count lives in PostgreSQL, so a second app instance (fresh modules, its own database
    // client) sees the same budget.
    expect(await db.factoryApiRateLimit.findUnique({ where: { keyId: k1.id } })).toMatchObject({ count: 7 });
    vi.resetModules();
    const other = await import('../../app/api/factory/v1/jobs/route');
    expect(other.GET).not.toBe(listRoute.GET);
    expect((await other.GET(new Request(`${base}/jobs`, { headers: auth(k1.key) }), ctx())).status).toBe(429);
  });

  it('counts concurrent requests exactly once each (one atomic statement)', async () => {
    const factory = await createFactory('Burst Co');
    const k = await createApiKey(factory.id, 'burst');
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(k.id, { limit: 5, windowSeconds: 3600 })));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.map((r) => r.remaining).sort()).toEqual([...Array(16).fill(0), 1, 2, 3, 4]);
  });

  it('starts a new budget with the next window', async () => {
    const factory = await createFactory('Window Co');
    const k = await createApiKey(factory.id, 'window');
    const opts = { limit: 2, windowSeconds: 2 };
    let third = await consumeRateLimit(k.id, opts);
    for (let i = 0; i < 3 && third.ok; i++) {
      await consumeRateLimit(k.id, opts);
      third = await consumeRateLimit(k.id, opts); // over the budget unless the window just turned
    }
    expect(third).toMatchObject({ ok: false, remaining: 0 });
    expect(third.resetSeconds).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, third.resetSeconds * 1000 + 50));
    expect(await consumeRateLimit(k.id, opts)).toMatchObject({ ok: true, remaining: 1 });
  });
});
