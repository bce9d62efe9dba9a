// Child-process entry: serves the store's observability routes with whatever environment the
// test gives it (production settings, a database that is not there) and prints its URL.
import { serve, storeRoutes } from './serve';

const { url } = await serve(await storeRoutes());
process.stdout.write(`listening ${url}\n`);
