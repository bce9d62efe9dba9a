import type { Metadata } from 'next';
import { requireRolePage } from '@/lib/auth';
import { listDeliveries, listFactories } from '@/lib/fulfillment';
import { formatTime } from '@/app/_components/order-status';
import { revokeKeyAction } from './actions';
import { CreateEndpointForm, CreateKeyForm } from './forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Factories & API keys' };

export default async function FactoriesAdmin() {
  await requireRolePage(['ADMIN'], '/admin/factories');
  const [factories, deliveries] = await Promise.all([listFactories(), listDeliveries(20)]);
  return (
    <main className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Factories &amp; API keys</h1>
        <p className="mt-1 text-sm text-stone-600">
          Factories pull print jobs from <code>/api/factory/v1</code> with a bearer key. Keys are shown once and stored only as a hash. The same can be done with <code>npm run factory-key</code>.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <CreateKeyForm factories={factories.map((f) => f.name)} />
        <CreateEndpointForm />
      </div>
      {factories.map((f) => (
        <section key={f.id} aria-labelledby={`f-${f.id}`} className="card overflow-x-auto p-5">
          <h2 id={`f-${f.id}`} className="font-semibold text-stone-900">{f.name}</h2>
          {f.apiKeys.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">No keys yet.</p>
          ) : (
            <table className="mt-3 w-full text-sm">
              <thead className="text-left text-stone-500">
                <tr><th className="py-1 pr-4 font-medium">Key</th><th className="py-1 pr-4 font-medium">Label</th><th className="py-1 pr-4 font-medium">Created</th><th className="py-1 pr-4 font-medium">Last used</th><th className="py-1 font-medium">Status</th></tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {f.apiKeys.map((k) => (
                  <tr key={k.id}>
                    <td className="py-2 pr-4 font-mono text-xs">{k.prefix}…</td>
                    <td className="py-2 pr-4">{k.label}</td>
                    <td className="py-2 pr-4">{formatTime(k.createdAt)}</td>
                    <td className="py-2 pr-4">{k.lastUsedAt ? formatTime(k.lastUsedAt) : 'never'}</td>
                    <td className="py-2">
                      {k.revokedAt ? (
                        <span className="text-stone-500">revoked {formatTime(k.revokedAt)}</span>
                      ) : (
                        <form action={revokeKeyAction}>
                          <input type="hidden" name="keyId" value={k.id} />
                          <button className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50">Revoke</button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <section aria-labelledby="deliveries" className="card overflow-x-auto p-5">
        <h2 id="deliveries" className="font-semibold text-stone-900">Recent webhook deliveries</h2>
        {deliveries.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">None yet.</p>
        ) : (
          <table className="mt-3 w-full text-sm">
            <thead className="text-left text-stone-500">
              <tr><th className="py-1 pr-4 font-medium">Event</th><th className="py-1 pr-4 font-medium">Endpoint</th><th className="py-1 pr-4 font-medium">Status</th><th className="py-1 pr-4 font-medium">Attempts</th><th className="py-1 font-medium">Next try</th></tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td className="py-2 pr-4">{d.event}</td>
                  <td className="py-2 pr-4 break-all">{d.endpoint.url}</td>
                  <td className="py-2 pr-4">{d.status}{d.lastStatusCode ? ` (${d.lastStatusCode})` : ''}{d.lastError ? ` — ${d.lastError}` : ''}</td>
                  <td className="py-2 pr-4">{d.attempts}</td>
                  <td className="py-2">{d.nextAttemptAt ? formatTime(d.nextAttemptAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
