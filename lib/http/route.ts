// Small wrappers for route handlers: parse input with zod, map errors to JSON responses.
import { z } from 'zod';
import { HttpError, badRequest, parseOrThrow } from './errors';

export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) {
    return Response.json({ error: { message: err.message, code: err.code ?? 'error' } }, { status: err.status });
  }
  console.error('[seedprint] unhandled error', err);
  return Response.json({ error: { message: 'Something went wrong on our side. Please try again.', code: 'internal' } }, { status: 500 });
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

/** Wraps a handler so thrown HttpErrors (and zod failures) become clear 4xx JSON answers. */
export function handle<C>(fn: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await fn(req, ctx);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export async function readJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw badRequest('The request body must be valid JSON.', 'invalid_json');
  }
  return parseOrThrow(schema, body);
}

export function readQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const url = new URL(req.url);
  return parseOrThrow(schema, Object.fromEntries(url.searchParams));
}
