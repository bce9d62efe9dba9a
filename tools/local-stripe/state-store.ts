// In-memory state, optionally mirrored to a JSON file so a restart keeps sessions, intents
// and events. Writes are batched and atomic (temp file + rename).
import fs from 'node:fs';
import path from 'node:path';
import type { ChargeObj, EventObj, LineItemObj, Metadata, PaymentIntentObj, PaymentMethodObj, ProductObj, RefundObj, SessionObj, ShippingRateObj } from './objects';

/** A checkout session plus what Stripe keeps about it but doesn't return. */
export interface SessionRecord {
  session: SessionObj;
  lineItems: LineItemObj[];
  shippingRates: ShippingRateObj[];
  paymentIntentData: {
    capture_method: 'automatic' | 'manual';
    metadata: Metadata;
    description: string | null;
    receipt_email: string | null;
    statement_descriptor: string | null;
    statement_descriptor_suffix: string | null;
  };
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  created: number;
}

export interface StateData {
  version: 1;
  sessions: Record<string, SessionRecord>;
  paymentIntents: Record<string, PaymentIntentObj>;
  charges: Record<string, ChargeObj>;
  refunds: Record<string, RefundObj>;
  paymentMethods: Record<string, PaymentMethodObj>;
  products: Record<string, ProductObj>;
  /** Oldest first. */
  events: EventObj[];
  idempotency: Record<string, IdempotencyRecord>;
}

const empty = (): StateData => ({
  version: 1,
  sessions: {},
  paymentIntents: {},
  charges: {},
  refunds: {},
  paymentMethods: {},
  products: {},
  events: [],
  idempotency: {},
});

const IDEMPOTENCY_TTL_S = 24 * 3600; // Stripe keeps keys for at least 24 hours

export class StateStore {
  readonly data: StateData;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly file?: string) {
    this.data = file ? load(file) : empty();
    const cutoff = Math.floor(Date.now() / 1000) - IDEMPOTENCY_TTL_S;
    for (const [k, v] of Object.entries(this.data.idempotency)) if (v.created < cutoff) delete this.data.idempotency[k];
  }

  /** Schedules a write; many changes in one tick become one write. */
  changed(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => this.flush(), 25);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data));
    fs.renameSync(tmp, this.file);
  }

  eventById(id: string): EventObj | undefined {
    // Events are few in test mode; a linear scan from the newest end is fine.
    for (let i = this.data.events.length - 1; i >= 0; i--) if (this.data.events[i].id === id) return this.data.events[i];
    return undefined;
  }

  sessionForPaymentIntent(piId: string): SessionRecord | undefined {
    return Object.values(this.data.sessions).find((r) => r.session.payment_intent === piId);
  }
}

function load(file: string): StateData {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw err;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<StateData>;
    if (parsed.version !== 1) throw new Error(`unknown state version ${String(parsed.version)}`);
    return { ...empty(), ...parsed } as StateData;
  } catch (err) {
    // A corrupt file must not stop the store from starting: keep it aside and start fresh.
    const aside = `${file}.corrupt-${Date.now()}`;
    fs.renameSync(file, aside);
    console.warn(`[local-stripe] could not read ${file} (${(err as Error).message}); moved it to ${aside}`);
    return empty();
  }
}
