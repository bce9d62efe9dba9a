'use client';
// The listing page is served from Next's cache; on load its script reports the visit (the view
// count) and gets the campaign's current progress, so "sold" and the buy box are never stale.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CampaignProgress } from '@/lib/campaigns';
import { CampaignBar } from '@/app/sell/_components/campaign-bar';
import { campaignBuyState, type CampaignBuyState } from './campaign-state';

const LiveContext = createContext<(CampaignBuyState & { progress: CampaignProgress | null }) | null>(null);

type ProgressJson = Omit<CampaignProgress, 'deadline'> & { deadline: string };

export function ListingLive({ slug, initialProgress, children }: { slug: string; initialProgress: CampaignProgress | null; children: ReactNode }) {
  const [progress, setProgress] = useState(initialProgress);
  useEffect(() => {
    const ctl = new AbortController();
    fetch('/api/listings/visits', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ slug }), signal: ctl.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ progress: ProgressJson | null }>) : null))
      .then((v) => {
        if (v) setProgress(v.progress ? { ...v.progress, deadline: new Date(v.progress.deadline) } : null);
      })
      .catch(() => {}); // offline or aborted: the page keeps the progress it was served with
    return () => ctl.abort();
  }, [slug]);
  return <LiveContext value={{ progress, ...campaignBuyState(progress) }}>{children}</LiveContext>;
}

/** The campaign's progress and what it means for buying (the served values until the fresh ones arrive). */
export function useListingCampaign() {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error('useListingCampaign must be used inside <ListingLive>');
  return ctx;
}

export function ListingCampaign() {
  const { progress } = useListingCampaign();
  if (!progress) return null;
  return (
    <section className="rounded-2xl border border-amber-200 bg-amber-50/60 p-4" aria-label="Campaign">
      <p className="mb-2 text-xs font-semibold tracking-wide text-amber-800 uppercase">Sell first, build later</p>
      <CampaignBar progress={progress} />
      <p className="mt-2 text-xs text-stone-600">
        Made only if {progress.minOrders} orders come in by {progress.deadline.toUTCString().replace(' GMT', ' UTC')}.
      </p>
    </section>
  );
}
