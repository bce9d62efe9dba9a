// Errors that carry an HTTP status and a message a person can read.
import { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    /** Seconds a client should wait before trying again (429, 503): sent as Retry-After. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

export const badRequest = (m: string, code?: string) => new HttpError(400, m, code);
export const unauthorized = (m = 'Please sign in first.') => new HttpError(401, m, 'unauthorized');
export const forbidden = (m = 'You do not have access to this.') => new HttpError(403, m, 'forbidden');
export const notFound = (m = 'Not found.') => new HttpError(404, m, 'not_found');
export const conflict = (m: string, code?: string) => new HttpError(409, m, code ?? 'conflict');
export const payloadTooLarge = (m: string) => new HttpError(413, m, 'payload_too_large');
export const unprocessable = (m: string, code?: string) => new HttpError(422, m, code);
export const tooMany = (m = 'Too many requests: please wait a moment and try again.', retryAfterS?: number) => new HttpError(429, m, 'rate_limited', retryAfterS);

/** Turns a zod error into one readable sentence: "quantity: must be at most 99". */
export function describeZodError(err: z.ZodError): string {
  return err.issues
    .map((i) => {
      const where = i.path.length ? `${i.path.join('.')}: ` : '';
      return `${where}${i.message}`;
    })
    .join('; ');
}

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw badRequest(describeZodError(r.error), 'invalid_input');
  return r.data;
}
