// Seller queue handlers (registered from lib/fulfillment/workers.ts startWorkers()).
import { work, QUEUES } from '../queue';
import { handleListingPhotos } from './photos';

export async function startSellerWorkers(): Promise<void> {
  await work(QUEUES.listingPhotos, handleListingPhotos);
}
