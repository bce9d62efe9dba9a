// What a listing's campaign means for buying it: closed (and why) or open for pre-orders.
// Shared by the page's server render (JSON-LD) and its script (the buy box, with fresh progress).
import type { CampaignProgress } from '@/lib/campaigns';

export interface CampaignBuyState {
  /** why the listing cannot be bought now, or null */
  closed: string | null;
  /** a running campaign: the buy button pre-orders */
  preorder: boolean;
}

export function campaignBuyState(progress: CampaignProgress | null): CampaignBuyState {
  const closed =
    progress?.status === 'FAILED'
      ? 'This campaign ended without reaching its minimum, so it will not be made.'
      : progress?.status === 'ACTIVE' && progress.msLeft <= 0
        ? 'This campaign has reached its deadline.'
        : null;
  return { closed, preorder: progress?.status === 'ACTIVE' };
}
