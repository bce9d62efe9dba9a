'use client';
// "See it on our model": one click opens the store's model gallery wearing this design on this
// product (the shop's own model photos first), then "Try it on me" goes to the shopper's photos
// with the design and product already chosen.
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';

interface Gallery {
  models: { id: string; alt: string; credit: string }[];
  variants: { id: string; label: string }[];
}

/** Views shown per model in the quick gallery (the try-on page shows them all). */
const QUICK_VIEWS = ['photo', 'scene-studio', 'scene-park'];

export function tryOnHref(designId: string, product: string, repeatIn?: number) {
  return `/try-on?design=${designId}&product=${product}${repeatIn && repeatIn !== 4 ? `&repeat=${repeatIn}` : ''}#on-you`;
}

export function SeeOnModel(props: { designId: string; product: string; productName: string; repeatIn?: number; className?: string }) {
  const { designId, product, productName, repeatIn } = props;
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [gallery, setGallery] = useState<Gallery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open || gallery) return;
    fetch('/api/tryon/site-models')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((g: Gallery) => setGallery(g))
      .catch(() => setError('The model gallery could not be loaded. Please try again.'));
  }, [open, gallery]);

  const q = repeatIn && repeatIn !== 4 ? `?repeat=${repeatIn}` : '';
  const views = gallery?.variants.filter((v) => QUICK_VIEWS.includes(v.id)) ?? [];

  return (
    <>
      <button
        type="button"
        className={props.className ?? 'btn-secondary'}
        data-testid="see-on-model"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        See it on our model
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${ids}-title`}
        onClose={() => setOpen(false)}
        onClick={(e) => e.target === dialog.current && dialog.current?.close()}
        className="m-auto w-[min(64rem,calc(100vw-1.5rem))] max-h-[calc(100dvh-1.5rem)] rounded-2xl bg-white p-0 shadow-2xl backdrop:bg-stone-900/60"
        data-testid="model-gallery-dialog"
      >
        <div className="flex items-start justify-between gap-3 border-b border-stone-200 px-4 py-3 sm:px-6">
          <div className="min-w-0">
            <h2 id={`${ids}-title`} className="text-lg font-semibold text-stone-900">
              Your design on our model
            </h2>
            <p className="text-sm text-stone-600">The {productName} with your pattern at its true printed size.</p>
          </div>
          <button type="button" className="btn-ghost shrink-0 px-3 py-1.5" onClick={() => dialog.current?.close()} aria-label="Close the model gallery">
            ✕
          </button>
        </div>
        <div className="overflow-y-auto px-4 py-4 sm:px-6">
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          {!gallery && !error && open && <p className="text-sm text-stone-600">Loading the gallery…</p>}
          {open &&
            gallery?.models.map((m, k) => (
              <figure key={m.id} className={k ? 'mt-5' : ''}>
                <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="quick-model-gallery">
                  {views.map((v, i) => (
                    <li key={v.id} className={`overflow-hidden rounded-xl border border-stone-200 bg-stone-100 ${i === 2 ? 'hidden sm:block' : ''}`}>
                      <img
                        src={`/api/tryon/site/${designId}/${product}/${m.id}-${v.id}.jpg${q}`}
                        alt={`${m.alt}, wearing the ${productName} with your design — ${v.label.toLowerCase()}`}
                        width={512}
                        height={512}
                        className="aspect-[3/4] w-full object-cover object-top"
                      />
                      <span className="block px-2 py-1 text-xs font-medium text-stone-700">{v.label}</span>
                    </li>
                  ))}
                </ul>
                <figcaption className="mt-1 text-xs text-stone-500">{m.credit}</figcaption>
              </figure>
            ))}
        </div>
        <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 px-4 py-3 sm:px-6">
          <Link href={tryOnHref(designId, product, repeatIn)} className="btn-primary" data-testid="try-on-me">
            Try it on me
          </Link>
          <p className="text-xs text-stone-600">Upload your own photos once: they are kept private and reused for every design and product.</p>
        </div>
      </dialog>
    </>
  );
}
