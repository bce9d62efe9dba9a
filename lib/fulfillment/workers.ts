// Registers the fulfillment queue handlers (print files, order-paid fan-out, outbound webhooks,
// remaking print files an older engine made).
import { enqueue, work, QUEUES } from '../queue';
import { deliverWebhook } from './outbound-webhooks';
import { handleOrderPaid, handleRenderJob, remakeOutdatedPrintFiles } from './render-job';

export async function startFulfillmentWorkers(): Promise<void> {
  await work(QUEUES.orderPaid, handleOrderPaid);
  await work(QUEUES.renderPrintFiles, handleRenderJob);
  await work(QUEUES.deliverWebhook, deliverWebhook);
  await work(QUEUES.printRemake, async () => void (await remakeOutdatedPrintFiles()));
  // Files from an older print engine are remade once per start-up of any worker (idempotent).
  await enqueue(QUEUES.printRemake, {}, { singletonKey: 'print-remake' });
}
