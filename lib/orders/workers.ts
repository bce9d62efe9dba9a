// Registers the orders queue handlers (refunds of orders that cannot be fulfilled).
import { work, QUEUES } from '../queue';
import { handleOrderRefund } from './refunds';

export async function startOrderWorkers(): Promise<void> {
  await work(QUEUES.orderRefund, async (data: { orderId: string; reason?: string }) => {
    await handleOrderRefund(data);
  });
}
