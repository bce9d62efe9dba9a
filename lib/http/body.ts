// Request bodies read with a byte limit. Content-Length is only a claim (and absent with
// Transfer-Encoding: chunked), so bytes are counted while the stream is read and reading stops
// at the limit with a 413: an oversized upload never sits in memory whole.
import { z } from 'zod';
import { badRequest, parseOrThrow, payloadTooLarge } from './errors';

/** Default limit for JSON bodies. */
export const MAX_JSON_BYTES = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

function tooLarge(maxBytes: number) {
  return payloadTooLarge(`The request body is larger than ${formatBytes(maxBytes)}: send less data at once.`);
}

/** The whole body, at most `maxBytes` of it; more throws HttpError 413 (and stops reading). */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Buffer> {
  const claimed = Number(req.headers.get('content-length'));
  if (Number.isFinite(claimed) && claimed > maxBytes) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export async function readTextLimited(req: Request, maxBytes: number): Promise<string> {
  return (await readBodyLimited(req, maxBytes)).toString('utf8');
}

/** JSON body (400 when not JSON), at most `maxBytes`. */
export async function readJsonLimited(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readTextLimited(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body must be valid JSON.', 'invalid_json');
  }
}

/** JSON body parsed with `schema` (400 on bad input), at most `maxBytes`. */
export async function readJsonBody<T extends z.ZodType>(req: Request, schema: T, maxBytes = MAX_JSON_BYTES): Promise<z.infer<T>> {
  return parseOrThrow(schema, await readJsonLimited(req, maxBytes));
}

/** multipart/form-data (or urlencoded) body, at most `maxBytes`; 400 when it is not a form. */
export async function readFormLimited(req: Request, maxBytes: number, invalid = 'Send the data as multipart/form-data.'): Promise<FormData> {
  const buf = await readBodyLimited(req, maxBytes);
  try {
    return await new Response(new Blob([new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength)]), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw badRequest(invalid, 'invalid_form');
  }
}
