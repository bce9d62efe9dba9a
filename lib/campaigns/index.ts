// Public surface of lib/campaigns: sell first, build later.
export { MAX_CAMPAIGN_DAYS, MAX_MIN_ORDERS, MIN_CAMPAIGN_MINUTES, assertDeadlineAllowed, campaignProgress, decideOutcome, timeLeftLabel, type CampaignProgress, type CampaignOutcome } from './campaign-maths';
export { settleCampaign, sweepCampaigns, enqueueSettle, checkCampaignForOrder, handleSettleJob, type SettleOptions, type SettleResult } from './settle';
export { adminSetDeadline, adminSettle, forceDeadlineSchema } from './admin';
export { startCampaignWorkers } from './workers';
export { progressForCampaign, progressForCampaigns } from './progress';
