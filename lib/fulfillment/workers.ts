// Registers the fulfillment queue handlers (print files, order-paid fan-out, outbound webhooks).
import { work, QUEUES } from '../queue';
import { deliverWebhook } from './outbound-webhooks';
import { handleOrderPaid, handleRenderJob } from './render-job';

export async function startFulfillmentWorkers(): Promise<void> {
  await work(QUEUES.orderPaid, handleOrderPaid);
  await work(QUEUES.renderPrintFiles, handleRenderJob);
  await work(QUEUES.deliverWebhook, deliverWebhook);
}
