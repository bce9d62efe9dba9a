// Campaign progress for pages: "37 of 50 sold, 3 days left".
import { campaignProgress, type CampaignProgress } from './campaign-maths';
import * as repo from './campaign-repository';

export async function progressForCampaign(c: { id: string; minOrders: number; deadline: Date; status: 'ACTIVE' | 'SUCCEEDED' | 'FAILED' } | null | undefined, now = new Date()): Promise<CampaignProgress | null> {
  if (!c) return null;
  return campaignProgress(c, await repo.countSold(c.id), now);
}
