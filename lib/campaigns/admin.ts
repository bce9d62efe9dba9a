// Admin tools for campaigns: force the deadline (support, tests) and settle now.
import { z } from 'zod';
import type { CurrentUser } from '../auth';
import { forbidden, notFound, parseOrThrow } from '../http/errors';
import { findCampaignByListing, setCampaignDeadline } from '../listings';
import { settleCampaign } from './settle';

export const forceDeadlineSchema = z.object({
  deadline: z.coerce.date({ message: 'must be a date and time' }),
  settleNow: z.boolean().optional().default(true),
});

/** ADMIN only: moves a campaign's deadline (e.g. into the past to end it now) and settles it. */
export async function adminSetDeadline(user: CurrentUser, listingId: string, input: unknown) {
  if (user.role !== 'ADMIN') throw forbidden('Only administrators can change a campaign deadline.');
  const data = parseOrThrow(forceDeadlineSchema, input);
  const campaign = await findCampaignByListing(listingId);
  if (!campaign) throw notFound('This listing has no campaign.');
  await setCampaignDeadline(campaign.id, data.deadline);
  const settled = data.settleNow ? await settleCampaign(campaign.id) : null;
  return { campaignId: campaign.id, deadline: data.deadline, settled };
}

/** ADMIN only: settle a campaign now (captures if the minimum is reached, cancels if past the deadline). */
export async function adminSettle(user: CurrentUser, listingId: string) {
  if (user.role !== 'ADMIN') throw forbidden('Only administrators can settle a campaign by hand.');
  const campaign = await findCampaignByListing(listingId);
  if (!campaign) throw notFound('This listing has no campaign.');
  return settleCampaign(campaign.id);
}
