import { env } from '../env';
// Per-client token bucket (in memory, per process). Keyed by session id when there is one,
// otherwise by client IP. A burst of `capacity` generations, then `refillPerMinute`.
import { tooMany } from '../http/errors';

export class TokenBucketLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity = 10,
    readonly refillPerMinute = 10,
    private now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens or throws HttpError 429 (with the wait in the message). */
  take(key: string, cost = 1): { remaining: number } {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 60_000) * this.refillPerMinute);
    b.at = t;
    if (b.tokens < cost) {
      this.buckets.set(key, b);
      const wait = Math.ceil(((cost - b.tokens) / this.refillPerMinute) * 60);
      throw tooMany(`Too many designs in a short time: please wait about ${wait} s and try again.`);
    }
    b.tokens -= cost;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.sweep(t);
    return { remaining: Math.floor(b.tokens) };
  }

  private sweep(t: number) {
    for (const [k, b] of this.buckets) if (b.tokens + ((t - b.at) / 60_000) * this.refillPerMinute >= this.capacity) this.buckets.delete(k);
  }
}

/** The client key for a request: session cookie if present, else the first X-Forwarded-For hop, else X-Real-IP. */
export function clientKey(req: Request, sessionId?: string | null): string {
  if (sessionId) return `s:${sessionId}`;
  const fwd = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return `ip:${fwd || req.headers.get('x-real-ip') || 'local'}`;
}

const g = globalThis as unknown as { seedprintGenLimiter?: TokenBucketLimiter };
export function generationLimiter(): TokenBucketLimiter {
  return (g.seedprintGenLimiter ??= new TokenBucketLimiter(env().GENERATION_RATE_BURST, env().GENERATION_RATE_PER_MINUTE));
}
