// A store in test mode whose Stripe is the local Stripe-compatible server: the environment set
// before the store reads env(), the harness started once per file (its webhooks land in the
// store's own handler), the database emptied and the catalog seeded before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { LocalStripe } from '../../tools/local-stripe';
import { resetDatabase } from '../setup/db';
import { startStripeHarness, type StripeHarness } from '../setup/stripe-harness';

export const storeLib = async () => ({
  cart: await import('../../lib/cart'),
  catalog: await import('../../lib/catalog'),
  orders: await import('../../lib/orders'),
  db: (await import('../../lib/db/client')).db,
  stripe: (await import('../../lib/payments')).stripe,
});

export interface StoreWithStripe {
  harness: StripeHarness;
  local: LocalStripe;
  hookUrl: string;
}

export function storeWithLocalStripe(webhookSecret: string): StoreWithStripe {
  process.env.STRIPE_SECRET_KEY = 'sk_test_local';
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret;
  process.env.PUBLIC_URL = 'http://localhost:3999';
  const store = {} as StoreWithStripe;
  beforeAll(async () => {
    store.harness = await startStripeHarness(webhookSecret);
    store.local = store.harness.local;
    store.hookUrl = store.harness.hookUrl;
  });
  afterAll(async () => {
    await store.harness?.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    await (await storeLib()).catalog.seedCatalog();
  });
  return store;
}
