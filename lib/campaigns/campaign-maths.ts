// Pure campaign rules: the deadline window, progress and the outcome. No I/O here.
import { unprocessable } from '../http/errors';

/**
 * Card authorisations lapse after about 7 days on Stripe. A campaign may run at most 6 days, so
 * every authorisation taken during it (all are taken after it starts) can still be captured when
 * it settles, with a day to spare for the settle job. See lib/campaigns/README.md.
 */
export const MAX_CAMPAIGN_DAYS = 6;
export const MIN_CAMPAIGN_MINUTES = 60;
export const MAX_MIN_ORDERS = 10_000;
const DAY_MS = 86_400_000;

/** Throws 422 with a sentence a seller can act on when the deadline is outside the window. */
export function assertDeadlineAllowed(deadline: Date, now = new Date()): void {
  if (Number.isNaN(deadline.getTime())) throw unprocessable('The campaign deadline is not a valid date.', 'campaign_deadline_invalid');
  const ms = deadline.getTime() - now.getTime();
  if (ms < MIN_CAMPAIGN_MINUTES * 60_000) throw unprocessable(`The campaign deadline must be at least ${MIN_CAMPAIGN_MINUTES} minutes from now.`, 'campaign_deadline_too_soon');
  if (ms > MAX_CAMPAIGN_DAYS * DAY_MS)
    throw unprocessable(
      `A campaign can run at most ${MAX_CAMPAIGN_DAYS} days: card authorisations expire after about 7 days, so buyers could not be charged after that. Pick a deadline before ${new Date(now.getTime() + MAX_CAMPAIGN_DAYS * DAY_MS).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      'campaign_deadline_too_far',
    );
}

export type CampaignOutcome = 'ACTIVE' | 'SUCCEEDED' | 'FAILED';

/** What an active campaign should become now: reaching the minimum wins even at the deadline. */
export function decideOutcome(c: { minOrders: number; deadline: Date }, sold: number, now = new Date()): CampaignOutcome {
  if (sold >= c.minOrders) return 'SUCCEEDED';
  if (c.deadline.getTime() <= now.getTime()) return 'FAILED';
  return 'ACTIVE';
}

export function timeLeftLabel(ms: number): string {
  if (ms <= 0) return 'ended';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} left`;
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} left`;
  const days = Math.floor(ms / DAY_MS);
  return `${days} days left`;
}

export interface CampaignProgress {
  status: CampaignOutcome;
  sold: number;
  minOrders: number;
  remaining: number;
  percent: number;
  msLeft: number;
  deadline: Date;
  label: string;
}

export function campaignProgress(c: { minOrders: number; deadline: Date; status: CampaignOutcome }, sold: number, now = new Date()): CampaignProgress {
  const msLeft = Math.max(0, c.deadline.getTime() - now.getTime());
  const percent = Math.min(100, Math.floor((sold / Math.max(1, c.minOrders)) * 100));
  const base = `${sold} of ${c.minOrders} sold`;
  const label =
    c.status === 'SUCCEEDED'
      ? `${base}: funded, in production`
      : c.status === 'FAILED'
        ? `${base}: the campaign did not reach its minimum; nobody was charged`
        : `${base}, ${timeLeftLabel(msLeft)}`;
  return { status: c.status, sold, minOrders: c.minOrders, remaining: Math.max(0, c.minOrders - sold), percent, msLeft, deadline: c.deadline, label };
}
