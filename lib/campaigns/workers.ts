// Campaign queue handlers: settle jobs, and the sweep that finds campaigns due for settling.
// The sweep runs on a pg-boss cron schedule (every minute, durable) and, while a worker process
// is up, every CAMPAIGN_SWEEP_SECONDS (default 5) so a campaign that just reached its minimum is
// captured within seconds.
import { env } from '../env';
import { enqueue, getBoss, QUEUES, work } from '../queue';
import { handleSettleJob, sweepCampaigns } from './settle';

const g = globalThis as unknown as { seedprintCampaignTimer?: NodeJS.Timeout };

export async function startCampaignWorkers(): Promise<void> {
  await work(QUEUES.campaignSettle, handleSettleJob);
  await work(QUEUES.campaignSweep, async () => {
    await sweepCampaigns();
  });
  const boss = await getBoss();
  await boss.schedule(QUEUES.campaignSweep, '* * * * *', {}, { singletonKey: 'campaign-sweep' });
  const seconds = env().CAMPAIGN_SWEEP_SECONDS;
  if (seconds > 0 && !g.seedprintCampaignTimer) {
    g.seedprintCampaignTimer = setInterval(() => {
      enqueue(QUEUES.campaignSweep, {}, { singletonKey: 'campaign-sweep' }).catch((err) => console.error('[campaigns] sweep enqueue failed', (err as Error).message));
    }, seconds * 1000);
    g.seedprintCampaignTimer.unref();
  }
}
