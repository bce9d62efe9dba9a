'use client';
import { useActionState } from 'react';
import { createEndpointAction, createKeyAction, type KeyState } from './actions';

function Result({ state }: { state: KeyState }) {
  if (state.error) return <p role="alert" className="text-sm text-red-700">{state.error}</p>;
  if (!state.ok) return null;
  return (
    <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
      <p>{state.ok}</p>
      {(state.key ?? state.secret) && <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="secret-once">{state.key ?? state.secret}</code>}
    </div>
  );
}

export function CreateKeyForm({ factories }: { factories: string[] }) {
  const [state, action, pending] = useActionState(createKeyAction, {});
  return (
    <form action={action} className="card space-y-3 p-5">
      <h2 className="font-semibold text-stone-900">New API key</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="label">Factory</span>
          <input name="factory" list="factory-names" required className="field" defaultValue={factories[0] ?? ''} />
          <datalist id="factory-names">{factories.map((f) => <option key={f} value={f} />)}</datalist>
        </label>
        <label className="block text-sm">
          <span className="label">Label</span>
          <input name="label" required className="field" placeholder="e.g. production printer PC" />
        </label>
      </div>
      <button className="btn-primary" disabled={pending}>{pending ? 'Creating…' : 'Create key'}</button>
      <Result state={state} />
    </form>
  );
}

export function CreateEndpointForm() {
  const [state, action, pending] = useActionState(createEndpointAction, {});
  return (
    <form action={action} className="card space-y-3 p-5">
      <h2 className="font-semibold text-stone-900">New webhook endpoint</h2>
      <label className="block text-sm">
        <span className="label">URL</span>
        <input name="url" type="url" required className="field" placeholder="https://factory.example/seedprint-hooks" />
      </label>
      <button className="btn-primary" disabled={pending}>{pending ? 'Adding…' : 'Add endpoint'}</button>
      <Result state={state} />
    </form>
  );
}
