'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';

interface UploadState {
  error?: string;
  ok?: string;
}

/** Posts to /api/admin/tryon-models (a route handler: server actions stop at 1 MB). */
async function uploadModel(_prev: UploadState, form: FormData): Promise<UploadState> {
  try {
    const res = await fetch('/api/admin/tryon-models', { method: 'POST', body: form });
    const body = (await res.json().catch(() => ({}))) as { model?: { label: string }; error?: { message?: string } };
    if (res.ok) return { ok: `${body.model?.label ?? 'The model'} is in the gallery now.` };
    return { error: body.error?.message ?? `The photo could not be saved (${res.status}).` };
  } catch {
    return { error: 'The upload did not reach the store. Check the connection and try again.' };
  }
}

export function UploadModelForm({ maxMb }: { maxMb: number }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<UploadState, FormData>(async (prev, form) => {
    const r = await uploadModel(prev, form);
    if (r.ok) router.refresh();
    return r;
  }, {});
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form action={action} className="card space-y-4 p-5" encType="multipart/form-data" data-testid="site-model-form">
      <h2 className="font-semibold text-stone-900">Add a model photo</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="label">Photo (JPEG, PNG or WebP, ≤ {maxMb} MB)</span>
          <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" required className="field" />
        </label>
        <label className="block text-sm">
          <span className="label">Shown as (alt text)</span>
          <input name="label" required minLength={2} maxLength={120} className="field" placeholder="Our model Ana, smiling, in a grey tee" />
        </label>
      </div>
      <fieldset className="space-y-3 rounded-xl border border-stone-200 p-4">
        <legend className="px-1 text-sm font-semibold text-stone-900">Model release</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            <span className="label">Signed by (the person in the photo)</span>
            <input name="releaseSignedBy" required minLength={2} maxLength={120} className="field" autoComplete="off" />
          </label>
          <label className="block text-sm">
            <span className="label">Signed on</span>
            <input name="releaseSignedOn" type="date" required max={today} className="field" />
          </label>
        </div>
        <label className="flex items-start gap-3 text-sm text-stone-800">
          <input name="releaseConfirmed" type="checkbox" required className="mt-0.5 size-5 shrink-0 accent-brand-700" />
          <span>I confirm that this person signed a model release allowing Seedprint to show this photo, with designs printed on it, on this site.</span>
        </label>
      </fieldset>
      <button className="btn-primary" disabled={pending}>
        {pending ? 'Checking the photo…' : 'Add to the gallery'}
      </button>
      {state.error && (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
      {state.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {state.ok}
        </p>
      )}
    </form>
  );
}

export function DeleteModelButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="mt-2">
      <button
        type="button"
        className="btn-danger px-3 py-1 text-xs"
        disabled={busy}
        aria-label={`Delete ${label}`}
        onClick={async () => {
          if (!window.confirm(`Take ${label} off the gallery and delete the photo?`)) return;
          setBusy(true);
          const res = await fetch(`/api/admin/tryon-models/${id}`, { method: 'DELETE' }).catch(() => null);
          setBusy(false);
          if (res?.ok) router.refresh();
          else setError('Could not delete it. Please try again.');
        }}
      >
        Delete
      </button>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
