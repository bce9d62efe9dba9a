'use client';
import { useActionState } from 'react';
import { claimJobAction, reportStatusAction, type ActionState } from './actions';

const btn = 'rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:opacity-50';
const input = 'rounded-md border border-stone-300 px-2 py-1 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-stone-900';

function Message({ state }: { state: ActionState }) {
  if (state.error) return <p role="alert" className="text-sm text-red-700">{state.error}</p>;
  if (state.ok) return <p role="status" className="text-sm text-emerald-700">{state.ok}</p>;
  return null;
}

export function ClaimButton({ jobId }: { jobId: string }) {
  const [state, action, pending] = useActionState(claimJobAction, {});
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="jobId" value={jobId} />
      <button className={`${btn} bg-stone-900 text-white hover:bg-stone-700`} disabled={pending}>
        {pending ? 'Claiming…' : 'Claim job'}
      </button>
      <Message state={state} />
    </form>
  );
}

export function StatusForm({ jobId, status }: { jobId: string; status: string }) {
  const [state, action, pending] = useActionState(reportStatusAction, {});
  const next = status === 'CLAIMED' ? 'received' : status === 'RECEIVED' ? 'printed' : status === 'PRINTED' ? 'shipped' : status === 'SHIPPED' ? 'delivered' : null;
  if (!next) return <Message state={state} />;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="status" value={next} />
      {next === 'shipped' && (
        <>
          <label className="flex flex-col text-xs text-stone-600">
            Carrier
            <input name="carrier" className={input} defaultValue="UPS" required />
          </label>
          <label className="flex flex-col text-xs text-stone-600">
            Tracking number
            <input name="trackingNumber" className={input} required />
          </label>
          <label className="flex flex-col text-xs text-stone-600">
            Tracking URL
            <input name="trackingUrl" type="url" className={input} placeholder="https://" />
          </label>
        </>
      )}
      <button className={`${btn} bg-stone-900 text-white hover:bg-stone-700`} disabled={pending}>
        {pending ? 'Saving…' : `Mark ${next}`}
      </button>
      <Message state={state} />
    </form>
  );
}
