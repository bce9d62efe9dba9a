// Demand over time as an inline SVG: views per day (line, from ListingDailyStat) and orders per
// day (bars). No chart library; a table with the same numbers is there for screen readers.
import type { DayPoint } from '@/lib/sellers';

export function DemandChart({ series, title = 'Demand, last 30 days' }: { series: DayPoint[]; title?: string }) {
  const W = 720;
  const H = 200;
  const pad = { l: 36, r: 36, t: 14, b: 26 };
  const iw = W - pad.l - pad.r;
  const ih = H - pad.t - pad.b;
  const maxViews = Math.max(4, ...series.map((p) => p.views));
  const maxOrders = Math.max(2, ...series.map((p) => p.orders));
  const step = iw / Math.max(1, series.length);
  const x = (i: number) => pad.l + step * i + step / 2;
  const yViews = (v: number) => pad.t + ih - (v / maxViews) * ih;
  const yOrders = (v: number) => pad.t + ih - (v / maxOrders) * ih;
  const line = series.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${yViews(p.views).toFixed(1)}`).join(' ');
  const area = `${line} L${x(series.length - 1).toFixed(1)} ${pad.t + ih} L${x(0).toFixed(1)} ${pad.t + ih} Z`;
  const ticks = [0, 0.5, 1];
  const label = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const totalViews = series.reduce((n, p) => n + p.views, 0);
  const totalOrders = series.reduce((n, p) => n + p.orders, 0);
  return (
    <figure className="card p-4 sm:p-6">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-base font-semibold text-stone-900">{title}</span>
        <span className="flex items-center gap-4 text-xs text-stone-600">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="h-0.5 w-4 rounded bg-brand-600" /> Views ({totalViews})
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rounded-sm bg-amber-400" /> Orders ({totalOrders})
          </span>
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="mt-3 h-auto w-full" role="img" aria-label={`${title}: ${totalViews} views and ${totalOrders} orders`} data-testid="demand-chart">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={pad.t + ih - t * ih} y2={pad.t + ih - t * ih} stroke="#e7e5e4" strokeDasharray={t === 0 ? undefined : '3 4'} />
            <text x={pad.l - 6} y={pad.t + ih - t * ih + 4} textAnchor="end" fontSize="10" fill="#78716c">
              {Math.round(t * maxViews)}
            </text>
            <text x={W - pad.r + 6} y={pad.t + ih - t * ih + 4} fontSize="10" fill="#b45309">
              {Math.round(t * maxOrders)}
            </text>
          </g>
        ))}
        {series.map((p, i) =>
          p.orders > 0 ? <rect key={p.day} x={x(i) - step * 0.3} width={step * 0.6} y={yOrders(p.orders)} height={pad.t + ih - yOrders(p.orders)} rx="2" fill="#fbbf24" opacity="0.9" /> : null,
        )}
        <path d={area} fill="#2a9763" opacity="0.08" />
        <path d={line} fill="none" stroke="#1c7a4f" strokeWidth="2.2" strokeLinejoin="round" strokeLinecap="round" />
        {series.map((p, i) => (p.views > 0 ? <circle key={p.day} cx={x(i)} cy={yViews(p.views)} r="2.6" fill="#1c7a4f" /> : null))}
        {series.map((p, i) =>
          (i % 7 === 0 && series.length - 1 - i >= 4) || i === series.length - 1 ? (
            <text key={p.day} x={x(i)} y={H - 8} textAnchor="middle" fontSize="10" fill="#78716c">
              {label(p.day)}
            </text>
          ) : null,
        )}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th>Day</th>
            <th>Views</th>
            <th>Orders</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.day}>
              <td>{p.day}</td>
              <td>{p.views}</td>
              <td>{p.orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
