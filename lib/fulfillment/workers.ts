// Registers the queue handlers. `npm run worker` runs them in their own process (scale out =
// run more); the embedded default also runs them inside the app.
import { work, QUEUES } from '../queue';
import { deliverWebhook } from './outbound-webhooks';
import { handleOrderPaid, handleRenderJob } from './render-job';
import { startSellerWorkers } from '../sellers/workers';
import { startCampaignWorkers } from '../campaigns/workers';

export async function startWorkers(): Promise<void> {
  await work(QUEUES.orderPaid, handleOrderPaid);
  await work(QUEUES.renderPrintFiles, handleRenderJob);
  await work(QUEUES.deliverWebhook, deliverWebhook);
  await startSellerWorkers(); // listing photos
  await startCampaignWorkers(); // campaign settle + sweep
}
