// Delivers events to the store's webhook endpoint the way Stripe does: JSON body, signed
// `Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`, asynchronously, retried with
// backoff on non-2xx responses and connection errors.
import { createHmac } from 'node:crypto';
import type { EventObj } from './objects';

export const RETRY_DELAYS_MS = [500, 2_000, 8_000, 30_000] as const; // then give up
const TIMEOUT_MS = 10_000;

export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  attempt: number;
  url: string;
  /** HTTP status, or 0 when no response came back. */
  status: number;
  error: string | null;
  at: string;
}

export interface WebhookSenderOptions {
  secret: string;
  url: () => string | undefined;
  log: (line: string) => void;
  /** Called when an event has been delivered (2xx) or given up on. */
  settled: (event: EventObj, delivered: boolean) => void;
}

export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;
  readonly attempts: DeliveryAttempt[] = [];

  constructor(private readonly opts: WebhookSenderOptions) {}

  /** Queues delivery without waiting for it. */
  enqueue(event: EventObj): void {
    if (!this.opts.url()) return;
    this.schedule(event, 1, 0);
  }

  /** One immediate delivery attempt, outside the retry schedule. */
  async deliverOnce(event: EventObj): Promise<number> {
    return this.attempt(event, 0);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
  }

  private schedule(event: EventObj, attemptNo: number, delay: number): void {
    if (this.closed) return;
    const t = setTimeout(async () => {
      this.timers.delete(t);
      const status = await this.attempt(event, attemptNo);
      if (this.closed) return;
      if (status >= 200 && status < 300) return this.opts.settled(event, true);
      const next = RETRY_DELAYS_MS[attemptNo - 1];
      if (next === undefined) {
        this.opts.log(`gave up on ${event.type} ${event.id} after ${attemptNo} attempts`);
        return this.opts.settled(event, false);
      }
      this.schedule(event, attemptNo + 1, next);
    }, delay);
    this.timers.add(t);
  }

  private async attempt(event: EventObj, attemptNo: number): Promise<number> {
    const url = this.opts.url();
    if (!url || this.closed) return 0;
    const payload = JSON.stringify(event, null, 2);
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
    this.inFlight.add(controller);
    let status = 0;
    let error: string | null = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signPayload(payload, this.opts.secret),
        },
        body: payload,
        signal: controller.signal,
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined); // drain so the socket is reused
    } catch (err) {
      error = ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    const label = attemptNo === 0 ? 'resend' : `attempt ${attemptNo}`;
    this.attempts.push({ eventId: event.id, eventType: event.type, attempt: attemptNo, url, status, error, at: new Date().toISOString() });
    if (this.attempts.length > 1000) this.attempts.splice(0, this.attempts.length - 1000);
    this.opts.log(`webhook ${event.type} ${event.id} → ${url} ${label}: ${error ? `error (${error})` : status}`);
    return status;
  }
}
