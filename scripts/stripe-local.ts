// `npm run stripe:local`: the local Stripe-compatible server on its own, for trying the
// hosted checkout page or pointing another process at it (STRIPE_API_BASE=http://127.0.0.1:12111).
import path from 'node:path';
import { startLocalStripe } from '../tools/local-stripe';

const port = Number(process.env.LOCAL_STRIPE_PORT ?? 12111);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`LOCAL_STRIPE_PORT must be a port number, not ${process.env.LOCAL_STRIPE_PORT}`);

const local = await startLocalStripe({
  port,
  host: process.env.LOCAL_STRIPE_HOST ?? '127.0.0.1',
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_local_seedprint',
  webhookUrl: process.env.STRIPE_WEBHOOK_URL || undefined,
  publicUrl: process.env.LOCAL_STRIPE_PUBLIC_URL || undefined,
  stateFile: process.env.LOCAL_STRIPE_STATE_FILE ?? path.resolve(process.env.DATA_DIR ?? '.data', 'local-stripe.json'),
});
console.log(`[local-stripe] use: new Stripe('sk_test_local', { host: '127.0.0.1', port: ${local.port}, protocol: 'http' })`);
console.log('[local-stripe] test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 has insufficient funds');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void local.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
