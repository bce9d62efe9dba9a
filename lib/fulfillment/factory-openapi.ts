// The factory API's OpenAPI 3.1 document, generated from the zod schemas the routes parse and
// answer with (factory-api-schemas.ts): nothing here restates a field, a limit or a requirement.
import { z } from 'zod';
import { DESIGN_ID_RE } from '../design';
import {
  errorSchema,
  JOB_ID,
  jobEnvelopeSchema,
  jobListSchema,
  jobSchema,
  listQuerySchema,
  preflightSchema,
  printFileSchema,
  statusSchema,
} from './factory-api-schemas';

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, without the `$schema`/`$id` keywords. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', uri?: (id: string) => string): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', ...(uri ? { uri } : {}) }) as Json;
  delete out.$schema;
  delete out.$id;
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The components: response schemas (as sent) and the status report (as accepted). */
function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  registry.add(jobSchema, { id: 'Job' });
  registry.add(printFileSchema, { id: 'PrintFile' });
  registry.add(preflightSchema, { id: 'Preflight' });
  registry.add(jobListSchema, { id: 'JobList' });
  registry.add(jobEnvelopeSchema, { id: 'JobEnvelope' });
  registry.add(errorSchema, { id: 'Error' });
  const { schemas } = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return { ...schemas, StatusReport: jsonSchema(statusSchema, 'input') };
}

const rateLimitHeaders = {
  RateLimit: { $ref: '#/components/headers/RateLimit' },
  'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
};

const errorResponse = (description: string, headers: Json = {}) => ({
  description,
  headers: { ...rateLimitHeaders, ...headers },
  content: { 'application/json': { schema: ref('Error') } },
});

/** The error answers an operation may give, by status. */
function errors(...statuses: number[]): Record<string, Json> {
  const all: Record<number, Json> = {
    400: { $ref: '#/components/responses/BadRequest' },
    401: { $ref: '#/components/responses/Unauthorized' },
    403: { $ref: '#/components/responses/ForeignOrigin' },
    404: { $ref: '#/components/responses/NotFound' },
    405: { $ref: '#/components/responses/MethodNotAllowed' },
    409: { $ref: '#/components/responses/Conflict' },
    413: { $ref: '#/components/responses/PayloadTooLarge' },
    429: { $ref: '#/components/responses/RateLimited' },
  };
  return Object.fromEntries(statuses.map((s) => [String(s), all[s]]));
}

const jobIdParam = { name: 'id', in: 'path', required: true, description: 'Job id.', schema: jsonSchema(z.string().regex(JOB_ID), 'input') };
const placementParam = { name: 'placement', in: 'path', required: true, description: 'Print area (a file’s `placement`).', schema: { type: 'string' } };

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const s = jsonSchema(field as z.ZodType, 'input');
    const description = s.description;
    delete s.description;
    // What the route uses when the parameter is absent (also for defaults zod cannot describe).
    const absent = (field as z.ZodType).safeParse(undefined);
    if (!('default' in s) && absent.success && absent.data !== undefined) s.default = absent.data;
    return { name, in: 'query', required: false, ...(description ? { description } : {}), schema: s };
  });
}

const json = (schema: Json, description: string) => ({ description, headers: rateLimitHeaders, content: { 'application/json': { schema } } });

export function factoryOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Seedprint factory API',
      version: '1.1.0',
      description:
        'Pull print jobs, download print files, report production and shipping. Every call but this document needs `Authorization: Bearer <API key>` (keys from an administrator). Each key has a request budget per time window, announced in the `RateLimit` and `RateLimit-Policy` headers; past it the API answers 429 with `Retry-After`. Lists are paginated with `limit` and `starting_after` (the previous page’s `next_cursor`). String lengths (`maxLength`) count UTF-16 code units.',
      license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: '/api/factory/v1' }],
    security: [{ bearer: [] }],
    paths: {
      '/jobs': {
        get: {
          operationId: 'listJobs',
          summary: 'List jobs, oldest first, one page at a time',
          description: '`ready` lists unclaimed jobs open to any factory; other statuses list this factory’s jobs. Page with `starting_after=<next_cursor>` while `has_more` is true.',
          parameters: queryParameters(listQuerySchema),
          responses: { 200: json(ref('JobList'), 'One page of jobs'), ...errors(400, 401, 405, 429) },
        },
      },
      '/jobs/{id}/claim': {
        post: {
          operationId: 'claimJob',
          summary: 'Claim a ready job',
          description: 'Idempotent for the factory that holds the claim; another factory gets 409.',
          parameters: [jobIdParam],
          responses: { 200: json(ref('JobEnvelope'), 'The claimed job'), ...errors(401, 403, 404, 405, 409, 429) },
        },
      },
      '/jobs/{id}/files/{placement}': {
        get: {
          operationId: 'downloadPrintFile',
          summary: 'Download a print file (PNG, sRGB, DPI recorded)',
          parameters: [jobIdParam, placementParam],
          responses: {
            200: {
              description: 'The PNG',
              headers: {
                ...rateLimitHeaders,
                'X-Content-SHA256': { description: 'sha256 of the body, hex', schema: { type: 'string', pattern: DESIGN_ID_RE.source } },
                Digest: { description: '`sha-256=<base64>` of the body', schema: { type: 'string' } },
              },
              content: { 'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } } },
            },
            ...errors(401, 404, 405, 429),
          },
        },
      },
      '/jobs/{id}/files/{placement}/thumbnail': {
        get: {
          operationId: 'getPrintFileThumbnail',
          summary: 'A small JPEG of the whole print file',
          description: 'To check a job at a glance before downloading its file (the file’s `thumbnailUrl`).',
          parameters: [jobIdParam, placementParam],
          responses: {
            200: { description: 'The JPEG', headers: rateLimitHeaders, content: { 'image/jpeg': { schema: { type: 'string', contentMediaType: 'image/jpeg' } } } },
            ...errors(401, 404, 405, 429),
          },
        },
      },
      '/jobs/{id}/status': {
        post: {
          operationId: 'reportJobStatus',
          summary: 'Report progress',
          description: 'claimed → received → printed → shipped; failed from any of those. Illegal transitions answer 409. Repeating the current status is a no-op.',
          parameters: [jobIdParam],
          requestBody: { required: true, content: { 'application/json': { schema: ref('StatusReport') } } },
          responses: { 200: json(ref('JobEnvelope'), 'The updated job'), ...errors(400, 401, 403, 404, 405, 409, 413, 429) },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          security: [],
          responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(405) },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A factory API key created by an admin (`spf_…`).' } },
      headers: {
        RateLimit: {
          description: 'What is left of this key’s budget: `"key";r=<requests left>;t=<seconds until the window resets>` (IETF draft-ietf-httpapi-ratelimit-headers).',
          schema: { type: 'string' },
        },
        'RateLimit-Policy': { description: 'This key’s budget: `"key";q=<requests>;w=<window seconds>`.', schema: { type: 'string' } },
      },
      responses: {
        BadRequest: errorResponse('The query or body is invalid (the message names the field).'),
        Unauthorized: {
          description: 'Missing, unknown or revoked API key.',
          headers: { 'WWW-Authenticate': { description: '`Bearer realm="seedprint-factory"`', schema: { type: 'string' } } },
          content: { 'application/json': { schema: ref('Error') } },
        },
        ForeignOrigin: errorResponse('Sent by a web page on another site (foreign `Origin`).'),
        NotFound: errorResponse('No such job for this factory, or no file for that placement (yet).'),
        MethodNotAllowed: {
          description: 'This path does not take that method.',
          headers: { Allow: { description: 'The methods it takes.', schema: { type: 'string' } } },
          content: { 'application/json': { schema: ref('Error') } },
        },
        Conflict: errorResponse('Claimed by another factory, not claimable, or an illegal status transition.'),
        PayloadTooLarge: errorResponse('The body is larger than 1 MB.'),
        RateLimited: errorResponse('This key used up its budget for the current window.', {
          'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } },
        }),
      },
      schemas: componentSchemas(),
    },
  };
}
