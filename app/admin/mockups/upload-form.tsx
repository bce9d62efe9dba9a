'use client';
import { useActionState } from 'react';

interface UploadState {
  error?: string;
  ok?: string;
  preview?: string;
}

/** Posts the form to /api/admin/mockups (a route handler: server actions stop at 1 MB). */
async function uploadTemplate(_prev: UploadState, form: FormData): Promise<UploadState> {
  try {
    const res = await fetch('/api/admin/mockups', { method: 'POST', body: form });
    const body = (await res.json().catch(() => ({}))) as { ok?: string; preview?: string; error?: { message?: string } };
    if (res.ok) return { ok: body.ok, preview: body.preview };
    return { error: body.error?.message ?? `The template could not be saved (${res.status}).` };
  } catch {
    return { error: 'The upload did not reach the store. Check the connection and try again.' };
  }
}

const CORNERS = [
  ['tl', 'Top left', 25, 25],
  ['tr', 'Top right', 75, 25],
  ['br', 'Bottom right', 75, 75],
  ['bl', 'Bottom left', 25, 75],
] as const;

export function UploadTemplateForm({ products }: { products: { slug: string; name: string }[] }) {
  const [state, action, pending] = useActionState<UploadState, FormData>(uploadTemplate, {});
  return (
    <form action={action} className="card space-y-4 p-5" encType="multipart/form-data">
      <h2 className="font-semibold text-stone-900">Add a photo template</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block text-sm">
          <span className="label">Product</span>
          <select name="product" className="field">
            {products.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
          </select>
        </label>
        <label className="block text-sm">
          <span className="label">View name</span>
          <input name="view" required pattern="[a-z0-9-]{2,40}" className="field" placeholder="lifestyle" />
        </label>
        <label className="block text-sm">
          <span className="label">Print area name</span>
          <input name="area" className="field" defaultValue="front" />
        </label>
        <label className="block text-sm">
          <span className="label">Print area width (in)</span>
          <input name="widthIn" type="number" step="0.1" min="0.5" required className="field" defaultValue="12" />
        </label>
        <label className="block text-sm">
          <span className="label">Print area height (in)</span>
          <input name="heightIn" type="number" step="0.1" min="0.5" required className="field" defaultValue="16" />
        </label>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="label">Print area corners on the photo (% from the left, % from the top)</legend>
        {CORNERS.map(([k, label, x, y]) => (
          <div key={k} className="text-sm">
            <span className="block font-medium text-stone-700">{label}</span>
            <div className="mt-1 flex gap-2">
              <label className="sr-only" htmlFor={`${k}x`}>{label} x %</label>
              <input id={`${k}x`} name={`${k}x`} type="number" min="0" max="100" step="0.1" defaultValue={x} className="field w-20" />
              <label className="sr-only" htmlFor={`${k}y`}>{label} y %</label>
              <input id={`${k}y`} name={`${k}y`} type="number" min="0" max="100" step="0.1" defaultValue={y} className="field w-20" />
            </div>
          </div>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="label">Photo (JPEG, PNG or WebP, ≤ 15 MB)</span>
          <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" required className="field" />
        </label>
        <label className="block text-sm">
          <span className="label">Mask of the printable surface (optional, white = printable)</span>
          <input name="mask" type="file" accept="image/png" className="field" />
        </label>
      </div>
      <button className="btn-primary" disabled={pending}>{pending ? 'Saving…' : 'Save template'}</button>
      {state.error && <p role="alert" className="text-sm text-red-700">{state.error}</p>}
      {state.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {state.ok} Preview it with a design: <code>{state.preview}?design=&lt;design id&gt;</code>
        </p>
      )}
    </form>
  );
}
