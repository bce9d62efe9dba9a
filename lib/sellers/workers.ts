// Seller queue handlers (registered from lib/workers.ts).
import { work, QUEUES } from '../queue';
import { handleListingPhotos } from './photos';

export async function startSellerWorkers(): Promise<void> {
  await work(QUEUES.listingPhotos, handleListingPhotos);
}
