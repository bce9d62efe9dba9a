'use client';
// One design's actions on "My designs". Delete asks first, then refreshes the list; Share copies
// the public link (and falls back to showing it where the clipboard is not allowed).
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function DesignActions({ designId, prompt, productSlug, shareUrl }: { designId: string; prompt: string; productSlug: string | null; shareUrl: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const studio = `/design?design=${designId}${productSlug ? `&product=${encodeURIComponent(productSlug)}` : ''}`;
  const cart = productSlug ? `/products/${encodeURIComponent(productSlug)}?design=${designId}` : `/products?design=${designId}`;

  const share = async () => {
    const url = new URL(shareUrl, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied.');
    } catch {
      setMessage(url);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/my-designs/${designId}`, { method: 'DELETE' });
      if (!res.ok) {
        const j = await res.json().catch(() => null);
        throw new Error(j?.error?.message ?? `The store answered ${res.status}. Please try again.`);
      }
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="mt-4 flex grow flex-col justify-end gap-2">
      <div className="grid grid-cols-2 gap-2">
        <Link href={studio} className="btn-secondary px-3 py-2 text-sm">
          Open in studio
        </Link>
        <Link href={cart} className="btn-primary px-3 py-2 text-sm">
          Add to cart
        </Link>
        <button type="button" className="btn-ghost px-3 py-2 text-sm" onClick={share} aria-label={`Share “${prompt}”`}>
          Share
        </button>
        {confirming ? (
          <button type="button" className="btn-danger px-3 py-2 text-sm" onClick={remove} disabled={busy}>
            {busy ? 'Deleting…' : 'Yes, delete'}
          </button>
        ) : (
          <button type="button" className="btn-ghost px-3 py-2 text-sm text-red-700" onClick={() => setConfirming(true)} aria-label={`Delete “${prompt}”`}>
            Delete
          </button>
        )}
      </div>
      <p aria-live="polite" className="text-xs break-all text-stone-600 empty:hidden">
        {message && (
          <>
            {message}{' '}
            <a href={shareUrl} className="link">
              Open share page
            </a>
          </>
        )}
        {confirming && !busy && !message && 'Delete this design from your list? Orders with it are not affected.'}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
