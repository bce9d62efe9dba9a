'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { PhotoView } from '@/lib/tryon/service';

interface Upload {
  key: string;
  name: string;
  state: 'waiting' | 'uploading' | 'uploaded' | 'refused';
  pct: number;
  error?: string;
  photoId?: string;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp,.heic';

function uploadOne(file: File, onPct: (p: number) => void): Promise<{ ok: boolean; photoId?: string; error?: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/tryon/photos');
    xhr.upload.onprogress = (e) => e.lengthComputable && onPct(Math.round((100 * e.loaded) / e.total));
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText);
        const r = body.results?.[0];
        if (r?.ok) resolve({ ok: true, photoId: r.photoId });
        else resolve({ ok: false, error: r?.error?.message ?? body.error?.message ?? `Upload failed (${xhr.status}).` });
      } catch {
        resolve({ ok: false, error: `Upload failed (${xhr.status}).` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: 'Network error: the upload did not reach us.' });
    const fd = new FormData();
    fd.append('consent', 'true');
    fd.append('photo', file, file.name);
    xhr.send(fd);
  });
}

export function TryonClient(props: { designId: string; product: string; productName: string; repeatIn: number; maxPhotos: number; maxMb: number; retentionDays: number }) {
  const { designId, product, productName, repeatIn, maxPhotos, maxMb, retentionDays } = props;
  const ids = useId();
  const [consent, setConsent] = useState(false);
  const [photos, setPhotos] = useState<PhotoView[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // the visitor's photos, each with its look for this design and product (queued when new)
  const listUrl = `/api/tryon/photos?design=${designId}&product=${product}${repeatIn !== 4 ? `&repeat=${repeatIn}` : ''}`;
  const refresh = useCallback(async () => {
    const r = await fetch(listUrl);
    if (r.ok) setPhotos((await r.json()).photos);
  }, [listUrl]);

  useEffect(() => {
    let stop = false;
    fetch(listUrl)
      .then((r) => (r.ok ? r.json() : null))
      .then((b) => {
        if (!stop && b) setPhotos(b.photos);
      })
      .catch(() => {});
    return () => {
      stop = true;
    };
  }, [listUrl]);

  const pending = photos.some((p) => !p.look || p.look.status === 'QUEUED' || p.look.status === 'PROCESSING') || uploads.some((u) => u.state === 'uploading' || u.state === 'waiting');
  useEffect(() => {
    if (!pending) return;
    const t = setInterval(() => void refresh().catch(() => {}), 1200);
    return () => clearInterval(t);
  }, [pending, refresh]);

  async function addFiles(list: FileList | File[]) {
    setMessage(null);
    if (!consent) {
      setMessage('Please confirm that the photos are of yourself first.');
      return;
    }
    const files = Array.from(list);
    const used = photos.length + uploads.filter((u) => u.state === 'waiting' || u.state === 'uploading').length;
    const room = Math.max(0, maxPhotos - used);
    const take = files.slice(0, room);
    const extra = files.slice(room);
    const stamp = Date.now();
    const fresh: Upload[] = [
      ...take.map((f, i) => ({ key: `${stamp}-${i}`, name: f.name, state: 'waiting' as const, pct: 0 })),
      ...extra.map((f, i) => ({ key: `${stamp}-x${i}`, name: f.name, state: 'refused' as const, pct: 0, error: `You can keep up to ${maxPhotos} photos.` })),
    ];
    setUploads((u) => [...u, ...fresh]);
    if (!take.length) return;
    setBusy(true);
    const patch = (key: string, p: Partial<Upload>) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...p } : x)));
    let next = 0;
    const worker = async (limit = take.length) => {
      while (next < Math.min(limit, take.length)) {
        const i = next++;
        const key = fresh[i].key;
        patch(key, { state: 'uploading' });
        const r = await uploadOne(take[i], (pct) => patch(key, { pct }));
        patch(key, r.ok ? { state: 'uploaded', pct: 100, photoId: r.photoId } : { state: 'refused', error: r.error });
        void refresh();
      }
    };
    // the first upload alone: it may mint the owner cookie that the others must carry
    if (!photos.length) await worker(1);
    await Promise.all([worker(), worker()]);
    setBusy(false);
    await refresh();
  }

  async function deleteAll() {
    if (!window.confirm('Delete all your try-on photos and pictures now? This cannot be undone.')) return;
    const r = await fetch('/api/tryon/photos', { method: 'DELETE' });
    if (r.ok) {
      setPhotos([]);
      setUploads([]);
      setMessage('Your photos and try-on pictures were deleted.');
    } else setMessage('Could not delete your photos. Please try again.');
  }

  async function deleteOne(p: PhotoView) {
    if (!window.confirm(`Delete ${p.name} and every picture made from it?`)) return;
    const r = await fetch(`/api/tryon/photos/${p.id}`, { method: 'DELETE' });
    setMessage(r.ok ? `${p.name} was deleted.` : 'Could not delete this photo. Please try again.');
    await refresh();
  }

  const done = photos.filter((p) => p.look?.status === 'DONE');
  const hasAnything = photos.length > 0 || uploads.length > 0;

  return (
    <>
      <section id="on-you" aria-labelledby={`${ids}-upload`} className="card mt-10 scroll-mt-20 p-5 sm:p-6">
        <h2 id={`${ids}-upload`} className="text-lg font-semibold">
          On you
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-stone-600">
          Upload up to {maxPhotos} photos of yourself (JPEG, PNG or WebP, up to {maxMb} MB each) — upper body, facing the camera, different poses and light work best. Location and
          camera data are removed on arrival; only you can see the photos. They are reused for every design and product you try on, and deleted automatically {retentionDays} days after upload.
        </p>

        <div className="mt-4 flex items-start gap-3">
          <input
            id={`${ids}-consent`}
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
            className="mt-0.5 size-5 rounded border-stone-400 accent-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          />
          <label htmlFor={`${ids}-consent`} className="text-sm text-stone-800">
            These are photos of me, and I agree that Seedprint processes them to show me this design on myself.
          </label>
        </div>

        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void addFiles(e.dataTransfer.files);
          }}
          className={`mt-4 flex flex-col items-center justify-center gap-3 rounded-2xl border-2 border-dashed px-4 py-8 text-center transition ${
            dragging ? 'border-brand-600 bg-brand-50' : 'border-stone-300 bg-stone-50'
          }`}
        >
          <p className="text-sm text-stone-700">Drag and drop photos here, or</p>
          <input
            ref={inputRef}
            id={`${ids}-file`}
            type="file"
            accept={ACCEPT}
            multiple
            disabled={!consent || busy}
            className="peer sr-only"
            aria-label="Choose photos of yourself"
            aria-describedby={`${ids}-file-help`}
            onChange={(e) => {
              if (e.target.files?.length) void addFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <label
            htmlFor={`${ids}-file`}
            className={`btn-primary cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 ${consent ? '' : 'pointer-events-none opacity-50'}`}
          >
            Choose photos
          </label>
          <p id={`${ids}-file-help`} className="text-xs text-stone-500">
            {consent ? `${photos.length} of ${maxPhotos} used` : 'Tick the box above to enable uploads.'}
          </p>
        </div>

        <p role="status" aria-live="polite" className="mt-3 min-h-5 text-sm font-medium text-brand-800">
          {message}
        </p>

        {hasAnything && (
          <ul className="mt-2 divide-y divide-stone-100" aria-label="Your photos" data-testid="photo-list">
            {uploads
              .filter((u) => u.state !== 'uploaded')
              .map((u) => (
                <li key={u.key} className="flex items-center gap-3 py-2 text-sm">
                  <span className="min-w-0 flex-1 truncate font-medium">{u.name}</span>
                  {u.state === 'refused' ? (
                    <span className="text-red-700" role="alert">
                      {u.error}
                    </span>
                  ) : (
                    <span className="flex items-center gap-2 text-stone-600">
                      <progress max={100} value={u.pct} className="h-2 w-24 accent-brand-700" aria-label={`Uploading ${u.name}`} />
                      {u.state === 'waiting' ? 'waiting…' : `uploading ${u.pct}%`}
                    </span>
                  )}
                </li>
              ))}
            {photos.map((p) => {
              const look = p.look;
              return (
                <li key={p.id} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-status={look?.status ?? 'QUEUED'} data-photo-id={p.id}>
                  <img src={p.photoUrl} alt="" className="size-10 rounded-lg object-cover" />
                  <span className="min-w-0 flex-1 truncate font-medium">{p.name}</span>
                  {look?.status === 'FAILED' ? (
                    <span className="text-red-700" role="alert">
                      {look.error?.message}
                    </span>
                  ) : look?.status === 'DONE' ? (
                    <span className="font-medium text-green-700">ready</span>
                  ) : (
                    <span className="flex items-center gap-2 text-stone-600">
                      <progress max={100} value={look?.progress ?? 0} className="h-2 w-24 accent-brand-700" aria-label={`Rendering ${p.name}`} />
                      {!look || look.status === 'QUEUED' ? 'in line…' : `${look.stage ?? 'rendering'} ${look.progress}%`}
                    </span>
                  )}
                  <button type="button" className="btn-ghost px-2 py-1 text-xs" onClick={() => void deleteOne(p)} aria-label={`Delete ${p.name}`}>
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${ids}-gallery`} className="mt-8">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id={`${ids}-gallery`} className="text-lg font-semibold">
              Your gallery
            </h2>
            <p className="text-sm text-stone-600">{done.length ? `You wearing the ${productName}, in your poses, under different light and settings.` : 'Your try-on pictures appear here as they finish.'}</p>
          </div>
          <button type="button" onClick={() => void deleteAll()} className="btn-danger" data-testid="delete-photos">
            Delete my photos
          </button>
        </div>
        {done.length > 0 && (
          <div className="mt-4 space-y-6" data-testid="personal-gallery">
            {done.map((p, k) => (
              <ul key={p.id} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7" aria-label={`Photo ${k + 1}: ${p.name}`}>
                {(p.look?.renders ?? []).map((r) => (
                  <li key={r.id} className="overflow-hidden rounded-xl border border-stone-200 bg-stone-100">
                    <a href={r.url} target="_blank" rel="noreferrer" className="block focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                      <img src={r.url} alt={`You wearing the ${productName} with your design (photo ${k + 1}) — ${r.label.toLowerCase()}`} width={r.width} height={r.height} loading="lazy" className="aspect-square w-full object-cover" />
                    </a>
                    <span className="block px-2 py-1.5 text-xs font-medium text-stone-700">{r.label}</span>
                  </li>
                ))}
              </ul>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
