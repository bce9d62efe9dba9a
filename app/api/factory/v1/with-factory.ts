// Factory API routes: every call carries `Authorization: Bearer <key>`; errors are JSON 4xx.
// Each key has a request budget per window, counted in PostgreSQL (so it holds across app
// instances) and announced on every answer in the RateLimit / RateLimit-Policy headers; past it
// the answer is 429 with Retry-After. A 401 says how to authenticate (WWW-Authenticate), a 405
// which methods the path takes (Allow).
import { authenticateFactory, type RateLimitState } from '@/lib/fulfillment';
import { HttpError } from '@/lib/http/errors';
import { errorResponse, handle } from '@/lib/http/route';

type Ctx<P> = { params: Promise<P> };
type FactoryHandler<P> = (args: { req: Request; params: P; factory: { id: string; name: string } }) => Promise<Response>;

const REALM = 'Bearer realm="seedprint-factory"';

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    'RateLimit-Policy': `"key";q=${s.limit};w=${s.windowSeconds}`,
    RateLimit: `"key";r=${s.remaining};t=${s.resetSeconds}`,
    ...(s.ok ? {} : { 'Retry-After': String(s.resetSeconds) }),
  };
}

/** The response with extra headers (a copy when its headers cannot be changed). */
function withHeaders(res: Response, headers: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  } catch {
    const copy = new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  }
}

export function withFactory<P = Record<string, never>>(fn: FactoryHandler<P>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    let limit: RateLimitState | undefined;
    const res = await handle<Ctx<P>>(async (req, ctx) => {
      const { id, name, limit: state } = await authenticateFactory(req.headers.get('authorization'));
      limit = state;
      if (!limit.ok) throw new HttpError(429, `Too many requests for this API key: at most ${limit.limit} every ${limit.windowSeconds} s. Try again in ${limit.resetSeconds} s.`, 'rate_limited');
      return fn({ req, params: await ctx.params, factory: { id, name } });
    })(req, ctx);
    const headers: Record<string, string> = limit ? rateLimitHeaders(limit) : {};
    if (res.status === 401) headers['WWW-Authenticate'] = req.headers.get('authorization') ? `${REALM}, error="invalid_token"` : REALM;
    return withHeaders(res, headers);
  };
}

/** A handler for a method the path does not take: 405 JSON with `Allow`. */
export function methodNotAllowed(...allowed: string[]) {
  const allow = [...new Set([...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');
  return async (req: Request): Promise<Response> =>
    withHeaders(errorResponse(new HttpError(405, `${req.method} is not allowed here; use ${allow}.`, 'method_not_allowed')), { Allow: allow });
}
