// "37 of 50 sold, 3 days left" with a progress bar.
import type { CampaignProgress } from '@/lib/campaigns';

export function CampaignBar({ progress, compact = false }: { progress: CampaignProgress; compact?: boolean }) {
  const tone = progress.status === 'FAILED' ? 'bg-stone-400' : progress.status === 'SUCCEEDED' ? 'bg-brand-600' : 'bg-amber-500';
  return (
    <div data-testid="campaign-progress">
      <div className={`flex items-baseline justify-between gap-2 ${compact ? 'text-xs' : 'text-sm'}`}>
        <span className="font-medium text-stone-900">{progress.label}</span>
        {!compact ? <span className="text-stone-500">{progress.percent}%</span> : null}
      </div>
      <div className={`mt-1.5 w-full overflow-hidden rounded-full bg-stone-200 ${compact ? 'h-1.5' : 'h-2.5'}`} role="progressbar" aria-valuemin={0} aria-valuemax={progress.minOrders} aria-valuenow={Math.min(progress.sold, progress.minOrders)} aria-label="Campaign progress">
        <div className={`h-full rounded-full ${tone}`} style={{ width: `${Math.max(2, progress.percent)}%` }} />
      </div>
    </div>
  );
}
