// Small wrappers for route handlers: parse input with zod, map errors to JSON responses.
import { z } from 'zod';
import { env } from '../env';
import { readJsonBody, MAX_JSON_BYTES } from './body';
import { HttpError, parseOrThrow } from './errors';
import { assertSameOrigin } from './security';

export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) {
    const headers = err.retryAfterS ? { 'retry-after': String(Math.ceil(err.retryAfterS)) } : undefined;
    return Response.json({ error: { message: err.message, code: err.code ?? 'error' } }, { status: err.status, headers });
  }
  console.error('[seedprint] unhandled error', err);
  return Response.json({ error: { message: 'Something went wrong on our side. Please try again.', code: 'internal' } }, { status: 500 });
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

/**
 * Wraps a handler so thrown HttpErrors (and zod failures) become clear 4xx JSON answers. A
 * state-changing request sent by a page on another site (foreign Origin) gets 403 first.
 */
export function handle<C>(fn: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      assertSameOrigin(req, env().PUBLIC_URL);
      return await fn(req, ctx);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** JSON body parsed with `schema`; 400 when invalid, 413 past `maxBytes` (counted while reading). */
export async function readJson<T extends z.ZodType>(req: Request, schema: T, maxBytes = MAX_JSON_BYTES): Promise<z.infer<T>> {
  return readJsonBody(req, schema, maxBytes);
}

export function readQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const url = new URL(req.url);
  return parseOrThrow(schema, Object.fromEntries(url.searchParams));
}
