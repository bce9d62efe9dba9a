// Order status badge and progress timeline, shared by the order page, order history and admin.
import { label as statusLabel, type OrderStatusName } from '@/lib/orders/order-status';

const TONE: Record<OrderStatusName, string> = {
  PENDING_PAYMENT: 'bg-amber-100 text-amber-900 ring-amber-300',
  AUTHORIZED: 'bg-amber-50 text-amber-900 ring-amber-300',
  PAID: 'bg-sky-100 text-sky-900 ring-sky-300',
  IN_PRODUCTION: 'bg-violet-100 text-violet-900 ring-violet-300',
  SHIPPED: 'bg-brand-100 text-brand-900 ring-brand-300',
  DELIVERED: 'bg-brand-700 text-white ring-brand-800',
  CANCELLED: 'bg-stone-200 text-stone-800 ring-stone-300',
  REFUNDED: 'bg-rose-100 text-rose-900 ring-rose-300',
};

export function StatusBadge({ status, testId }: { status: OrderStatusName; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${TONE[status]}`}>
      {statusLabel(status)}
    </span>
  );
}

const STEPS: OrderStatusName[] = ['PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'];

interface HistoryEntry {
  to: OrderStatusName;
  createdAt: Date;
}

// One formatter for every call: building an Intl.DateTimeFormat costs far more than formatting.
const TIME_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const time = (d: Date) => `${TIME_FORMAT.format(d)} UTC`;

export function formatTime(d: Date): string {
  return time(d);
}

/** Paid → In production → Shipped → Delivered, with the time each step was reached. */
export function OrderTimeline({ status, history }: { status: OrderStatusName; history: HistoryEntry[] }) {
  const reached = new Map<OrderStatusName, Date>();
  for (const h of history) if (!reached.has(h.to)) reached.set(h.to, h.createdAt);
  const current = STEPS.indexOf(status);
  const ended = status === 'CANCELLED' || status === 'REFUNDED';
  return (
    <div>
      {ended ? (
        <p className={`mb-4 rounded-xl px-4 py-3 text-sm font-medium ${status === 'REFUNDED' ? 'bg-rose-50 text-rose-900' : 'bg-stone-100 text-stone-800'}`}>
          {status === 'REFUNDED' ? 'This order was refunded.' : 'This order was cancelled: no payment was taken.'}
          {reached.get(status) ? <span className="font-normal"> {time(reached.get(status)!)}</span> : null}
        </p>
      ) : status === 'PENDING_PAYMENT' ? (
        <p className="mb-4 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900">We are waiting for the payment to be confirmed.</p>
      ) : status === 'AUTHORIZED' ? (
        <p className="mb-4 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900">Your card is authorised; it is charged when your order goes ahead.</p>
      ) : null}
      <ol className="grid grid-cols-4 gap-1" aria-label="Order progress">
        {STEPS.map((step, i) => {
          const done = reached.has(step) || (current >= 0 && i <= current);
          const isCurrent = step === status;
          return (
            <li key={step} className="flex flex-col items-start gap-2" aria-current={isCurrent ? 'step' : undefined}>
              <div className="flex w-full items-center">
                <span
                  aria-hidden="true"
                  className={`grid size-7 shrink-0 place-items-center rounded-full text-xs font-bold ring-2 ${done ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-stone-500 ring-stone-300'} ${isCurrent ? 'ring-4 ring-brand-200' : ''}`}
                >
                  {done ? (
                    <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" strokeLinejoin="round">
                      <path d="m3.5 8.5 3 3 6-7" />
                    </svg>
                  ) : (
                    i + 1
                  )}
                </span>
                {i < STEPS.length - 1 ? <span aria-hidden="true" className={`mx-1 h-0.5 flex-1 rounded ${reached.has(STEPS[i + 1]) || (current > i && current >= 0) ? 'bg-brand-700' : 'bg-stone-200'}`} /> : null}
              </div>
              <div className="pr-1">
                <p className={`text-xs font-semibold sm:text-sm ${done ? 'text-stone-900' : 'text-stone-500'}`}>
                  {statusLabel(step)}
                  <span className="sr-only">{done ? ' (done)' : ' (not yet)'}</span>
                </p>
                {reached.get(step) ? <p className="hidden text-xs text-stone-500 sm:block">{time(reached.get(step)!)}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
