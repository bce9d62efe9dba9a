// Every domain's queue workers. `npm run worker` runs them in their own process (scale out =
// run more); the embedded default also runs them inside the app (instrumentation.ts).
import { startCampaignWorkers } from './campaigns/workers';
import { startFulfillmentWorkers } from './fulfillment/workers';
import { startOrderWorkers } from './orders/workers';
import { startSellerWorkers } from './sellers/workers';
import { startTryonWorkers } from './tryon';

export async function startWorkers(): Promise<void> {
  await startFulfillmentWorkers(); // print files, order-paid fan-out, outbound webhooks
  await startOrderWorkers(); // refunds of orders that cannot be fulfilled
  await startSellerWorkers(); // listing photos
  await startCampaignWorkers(); // campaign settle + sweep
  await startTryonWorkers(); // try-on renders + expiry sweep
}
