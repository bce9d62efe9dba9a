// Campaign progress for pages: "37 of 50 sold, 3 days left".
import { countCampaignOrders } from '../orders';
import { campaignProgress, type CampaignProgress } from './campaign-maths';

type CampaignState = { id: string; minOrders: number; deadline: Date; status: 'ACTIVE' | 'SUCCEEDED' | 'FAILED' };

export async function progressForCampaign(c: CampaignState | null | undefined, now = new Date()): Promise<CampaignProgress | null> {
  if (!c) return null;
  return (await progressForCampaigns([c], now)).get(c.id) ?? null;
}

/** Progress of many campaigns in one query (shop pages, the seller dashboard), keyed by campaign id. */
export async function progressForCampaigns(campaigns: CampaignState[], now = new Date()): Promise<Map<string, CampaignProgress>> {
  const sold = await countCampaignOrders(campaigns.map((c) => c.id));
  return new Map(campaigns.map((c) => [c.id, campaignProgress(c, sold.get(c.id) ?? 0, now)]));
}
