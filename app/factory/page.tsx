import type { Metadata } from 'next';
import { requireRolePage } from '@/lib/auth';
import { factoryForUser, listJobsForFactory } from '@/lib/fulfillment';
import { HttpError } from '@/lib/http/errors';
import { ClaimButton, StatusForm } from './job-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Factory console', robots: { index: false } };

type Job = Awaited<ReturnType<typeof listJobsForFactory>>[number];

function formatAddress(address: unknown): string {
  if (!address || typeof address !== 'object') return String(address ?? '');
  const a = address as Record<string, string | null | undefined>;
  return [a.line1, a.line2, a.city, a.state, a.postal_code ?? a.postalCode].filter(Boolean).join(', ');
}

function JobCard({ job, factoryView }: { job: Job; factoryView: boolean }) {
  return (
    <li className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="factory-job">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {job.productName} · {job.variant} × {job.quantity}
        </h3>
        <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium uppercase tracking-wide text-stone-700">{job.status}</span>
      </div>
      <p className="mt-1 text-sm text-stone-600">
        Order {job.orderNumber} · SKU {job.sku}
      </p>
      {job.note && (
        <p className="mt-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
          {job.note}
        </p>
      )}
      {job.shipTo ? (
        <address className="mt-2 text-sm not-italic text-stone-700" aria-label="Ship to">
          <span className="font-medium">Ship to:</span> {job.shipTo.name} · {formatAddress(job.shipTo.address)} · {job.shipTo.country}
        </address>
      ) : (
        <p className="mt-2 text-sm text-stone-500">The ship-to address appears once your factory claims the job.</p>
      )}
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {job.files.map((f) => {
          const base = `/factory/files/${job.id}/${encodeURIComponent(f.placement)}`;
          return (
            <li key={f.placement} className="flex gap-3 rounded-xl border border-stone-100 p-2 text-sm" data-testid="factory-file">
              {f.thumbnailUrl && (
                <img src={`${base}/thumbnail`} alt={`Print file for the ${f.placement}`} width={96} height={96} className="h-24 w-24 shrink-0 rounded-md border border-stone-200 bg-stone-50 object-contain" loading="lazy" />
              )}
              <div className="min-w-0">
                <p className="font-medium capitalize">{f.placement}</p>
                <p className="text-stone-500">
                  {f.widthPx}×{f.heightPx} px @ {f.dpi} DPI
                </p>
                <p className={f.preflight?.ok ? 'text-emerald-700' : 'text-red-700'}>{f.preflight ? (f.preflight.ok ? 'Preflight passed' : 'Preflight failed') : 'Not preflighted'}</p>
                <p className="truncate text-xs text-stone-500" title={f.sha256}>sha256 {f.sha256.slice(0, 12)}…</p>
                {factoryView && (
                  <a className="font-medium text-stone-900 underline underline-offset-2" href={base} download>
                    Download {f.placement}
                  </a>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {job.tracking && (
        <p className="mt-2 text-sm text-stone-600">
          Shipped with {job.tracking.carrier}: {job.tracking.trackingNumber}
        </p>
      )}
      <div className="mt-3">{factoryView ? <StatusForm jobId={job.id} status={job.status.toUpperCase()} /> : <ClaimButton jobId={job.id} />}</div>
    </li>
  );
}

export default async function FactoryConsole() {
  const user = await requireRolePage(['FACTORY', 'ADMIN'], '/factory');
  let factoryId: string;
  try {
    factoryId = await factoryForUser(user.id);
  } catch (err) {
    return (
      <main className="mx-auto max-w-4xl px-4 py-10">
        <h1 className="text-2xl font-semibold">Factory console</h1>
        <p className="mt-4 text-stone-700">{err instanceof HttpError ? err.message : 'No factory.'}</p>
      </main>
    );
  }
  const [ready, claimed, received, printed, shipped] = await Promise.all(
    (['ready', 'claimed', 'received', 'printed', 'shipped'] as const).map((s) => listJobsForFactory(factoryId, s)),
  );
  const mine = [...claimed, ...received, ...printed];
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Factory console</h1>
      <p className="mt-1 text-sm text-stone-600">Print files are regenerated from each order’s design recipe at 300 DPI. API: <code>/api/factory/v1/openapi.json</code></p>
      <section aria-labelledby="queue" className="mt-8">
        <h2 id="queue" className="text-lg font-semibold">Ready to claim ({ready.length})</h2>
        {ready.length === 0 ? <p className="mt-2 text-sm text-stone-600">Nothing waiting.</p> : <ul className="mt-3 space-y-3">{ready.map((j) => <JobCard key={j.id} job={j} factoryView={false} />)}</ul>}
      </section>
      <section aria-labelledby="mine" className="mt-10">
        <h2 id="mine" className="text-lg font-semibold">In production ({mine.length})</h2>
        {mine.length === 0 ? <p className="mt-2 text-sm text-stone-600">No claimed jobs.</p> : <ul className="mt-3 space-y-3">{mine.map((j) => <JobCard key={j.id} job={j} factoryView />)}</ul>}
      </section>
      <section aria-labelledby="shipped" className="mt-10">
        <h2 id="shipped" className="text-lg font-semibold">Shipped ({shipped.length})</h2>
        <ul className="mt-3 space-y-3">{shipped.slice(0, 20).map((j) => <JobCard key={j.id} job={j} factoryView />)}</ul>
      </section>
    </main>
  );
}
