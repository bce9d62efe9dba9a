// The body of an order page: items with their designs, totals, address, tracking and history.
// A shopper sees the design's words and its picture; the recipe's settings are for staff.
import { formatMoney } from '@/lib/catalog';
import { statusLabel, type OrderView } from '@/lib/orders';
import { COUNTRY_NAMES } from '@/lib/shipping/zones';
import { DesignThumb } from './design-thumb';
import { formatTime } from './order-status';

const inches = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

interface RecipeView {
  prompt?: string;
  negativePrompt?: string;
  seed?: number;
  modelId?: string;
  scheduler?: string;
  steps?: number;
  guidance?: number;
  guidanceMinT?: number;
  width?: number;
  height?: number;
}

function recipeOf(v: unknown): RecipeView | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as RecipeView) : null;
}

function addressLines(v: unknown): string[] {
  if (!v || typeof v !== 'object') return [];
  const a = v as Record<string, string | null | undefined>;
  const usStyle = a.country === 'US' || a.country === 'CA' || a.country === 'AU';
  const cityLine = usStyle
    ? [[a.city, a.state].filter(Boolean).join(', '), a.postal_code].filter(Boolean).join(' ')
    : [a.postal_code, a.city, a.state].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine, a.country ? (COUNTRY_NAMES[a.country] ?? a.country) : null].filter((x): x is string => !!x);
}

/** The settings that re-render a design, in one line (staff pages only). */
function recipeLine(r: RecipeView): string {
  return [
    r.seed !== undefined ? `seed ${r.seed}` : null,
    r.modelId ? `model ${r.modelId}` : null,
    r.scheduler ?? null,
    r.steps ? `${r.steps} steps` : null,
    r.guidance !== undefined ? `guidance ${r.guidance}${r.guidanceMinT !== undefined ? ` at t ≥ ${r.guidanceMinT}` : ''}` : null,
    r.width && r.height ? `${r.width}×${r.height}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function OrderItems({ order, showRecipe = false }: { order: OrderView; showRecipe?: boolean }) {
  return (
    <ul className="divide-y divide-stone-200">
      {order.items.map((item) => {
        const r = recipeOf(item.recipe);
        return (
          <li key={item.id} className="flex gap-4 py-4" data-testid="order-item">
            <DesignThumb designId={item.designId} alt={r?.prompt ? `Pattern: ${r.prompt}` : 'Pattern tile'} size={72} />
            <div className="min-w-0 flex-1">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-semibold text-stone-900">
                    {item.quantity} × {item.productName}
                  </p>
                  <p className="text-sm text-stone-600">
                    {item.variantLabel} · {inches(item.repeatIn)} in repeat
                  </p>
                </div>
                <p className="shrink-0 font-medium tabular-nums text-stone-900">{formatMoney(item.unitPriceMinor * item.quantity, order.currency)}</p>
              </div>
              {r?.prompt ? (
                <div className="mt-2 rounded-lg bg-stone-50 px-3 py-2 text-xs text-stone-600 ring-1 ring-stone-200" data-testid="order-item-design">
                  <p className="text-xs font-medium text-stone-500">Your design</p>
                  <p className="text-sm text-stone-800 italic">“{r.prompt}”</p>
                  {showRecipe ? (
                    <p className="mt-1 font-mono break-all" data-testid="order-item-recipe">
                      {recipeLine(r)}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function OrderTotals({ order }: { order: OrderView }) {
  return (
    <dl className="space-y-2 text-sm">
      <div className="flex justify-between">
        <dt className="text-stone-600">Subtotal</dt>
        <dd className="tabular-nums">{formatMoney(order.subtotalMinor, order.currency)}</dd>
      </div>
      <div className="flex justify-between">
        <dt className="text-stone-600">Shipping ({COUNTRY_NAMES[order.shippingCountry] ?? order.shippingCountry})</dt>
        <dd className="tabular-nums">{formatMoney(order.shippingMinor, order.currency)}</dd>
      </div>
      <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums">{formatMoney(order.totalMinor, order.currency)}</dd>
      </div>
    </dl>
  );
}

export function OrderShipping({ order }: { order: OrderView }) {
  const lines = addressLines(order.shippingAddress);
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h3 className="font-semibold text-stone-900">Shipping address</h3>
        {lines.length ? (
          <address className="mt-1 text-stone-700 not-italic">
            {order.shippingName ? <span className="block font-medium">{order.shippingName}</span> : null}
            {lines.map((l) => (
              <span key={l} className="block">
                {l}
              </span>
            ))}
          </address>
        ) : (
          <p className="mt-1 text-stone-600">{order.status === 'PENDING_PAYMENT' ? 'Collected at payment.' : `Ships to ${COUNTRY_NAMES[order.shippingCountry] ?? order.shippingCountry}.`}</p>
        )}
      </div>
      <div>
        <h3 className="font-semibold text-stone-900">Tracking</h3>
        {order.shipments.length ? (
          <ul className="mt-1 space-y-1" data-testid="tracking">
            {order.shipments.map((s) => (
              <li key={s.id} className="text-stone-700">
                {s.carrier ?? 'Carrier'}
                {s.trackingNumber ? <span className="font-mono"> {s.trackingNumber}</span> : null}
                {s.trackingUrl && /^https?:\/\//.test(s.trackingUrl) ? (
                  <>
                    {' · '}
                    <a href={s.trackingUrl} className="link" target="_blank" rel="noopener noreferrer">
                      Track parcel<span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-stone-600">Tracking appears here once your order ships.</p>
        )}
      </div>
    </div>
  );
}

export function OrderHistory({ order, showActor = false }: { order: OrderView; showActor?: boolean }) {
  return (
    <ol className="relative space-y-4 border-l border-stone-200 pl-5">
      {[...order.history].reverse().map((h) => (
        <li key={h.id} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-brand-600 ring-4 ring-white" />
          <p className="text-sm font-medium text-stone-900">
            {statusLabel(h.to)}
            {h.note ? <span className="font-normal text-stone-600"> — {h.note}</span> : null}
          </p>
          <p className="text-xs text-stone-500">
            <time dateTime={h.createdAt.toISOString()}>{formatTime(h.createdAt)}</time>
            {showActor ? ` · ${h.actor}` : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

