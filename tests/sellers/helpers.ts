// Shared set-up for seller and campaign tests: users, a design, a published listing, and a
// buyer who pays through the local Stripe server (real SDK, real webhooks into the store).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { resetDatabase } from '../setup/db';
import { startStripeHarness } from '../setup/stripe-harness';

export const SECRET = 'whsec_test_sellers';

/** Configure the process before the store's modules read env(). */
export function configureEnv() {
  process.env.STRIPE_SECRET_KEY = 'sk_test_local';
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.PUBLIC_URL = 'http://localhost:3999';
  process.env.LISTING_PHOTOS_RENDER = '0'; // placeholder tile: no model files needed
  process.env.LISTING_PHOTOS_TRYON = '0'; // the site-model photo has its own test
}

export const lib = async () => ({
  sellers: await import('../../lib/sellers'),
  campaigns: await import('../../lib/campaigns'),
  cart: await import('../../lib/cart'),
  catalog: await import('../../lib/catalog'),
  orders: await import('../../lib/orders'),
  auth: await import('../../lib/auth/users'),
  db: (await import('../../lib/db/client')).db,
  stripe: (await import('../../lib/payments')).stripe,
});

import type { StripeHarness } from '../setup/stripe-harness';
export type { StripeHarness };

/** Local Stripe whose webhooks land in the store's own handler. */
export const startStripe = () => startStripeHarness(SECRET);

/** Seeded catalog before every test of the file; the queue stopped after the last. */
export function withSeededCatalog(): void {
  beforeEach(async () => {
    await resetDatabase();
    const { catalog } = await lib();
    await catalog.seedCatalog();
  });
  afterAll(async () => {
    const { stopBoss } = await import('../../lib/queue');
    await stopBoss();
  });
}

/**
 * The file's hooks for paying tests: a local Stripe server for the file, a freshly seeded catalog
 * before each test (webhooks pointed at the store, the server's log emptied). Returns the harness.
 */
export function withStripeStore(): () => StripeHarness {
  let h: StripeHarness | undefined;
  beforeAll(async () => {
    h = await startStripe();
  });
  afterAll(async () => {
    await h?.close();
  });
  withSeededCatalog();
  beforeEach(() => {
    h!.local.setWebhookUrl(h!.hookUrl);
    h!.logs.length = 0;
  });
  return () => h!;
}

export async function user(email: string, role: 'SHOPPER' | 'SELLER' | 'ADMIN' = 'SHOPPER') {
  const { auth } = await lib();
  return auth.ensureUserWithRole(email, role);
}

export async function makeDesign(prompt = 'red hearts on navy', createdById: string | null = null): Promise<string> {
  const { db } = await lib();
  const { recipeHash } = await import('../../lib/generation/recipe');
  const recipe = { prompt, seed: 7, modelId: 'seedprint-tiny-v1', modelSha256: 'b'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };
  const id = recipeHash(recipe);
  await db.design.upsert({
    where: { id },
    update: {},
    create: { id, recipe, prompt, seed: BigInt(7), modelId: recipe.modelId, modelSha256: recipe.modelSha256, scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true, createdById },
  });
  return id;
}

export async function seller(email = 'sam@example.com', slug = 'sams-shop') {
  const { sellers } = await lib();
  const u = await user(email);
  await sellers.becomeSeller(u, { shopName: `Shop of ${email}`, slug });
  return { ...u, role: 'SELLER' as const };
}

export async function teeVariant(size = 'M', color = 'Black') {
  const { catalog } = await lib();
  const tee = (await catalog.findProductBySlug('tee'))!;
  return { tee, variant: tee.variants.find((v) => v.size === size && v.color === color)! };
}

/** A published tee listing (optionally a campaign), photos rendered by the real job handler. */
export async function publishedListing(owner: Awaited<ReturnType<typeof seller>>, opts: { priceMinor?: number; campaign?: { minOrders: number; deadline: Date } } = {}) {
  const { sellers } = await lib();
  const design = await makeDesign('red hearts on navy', owner.id);
  const listing = await sellers.createListing(owner, {
    design,
    title: 'Hearts on navy tee',
    description: 'Little red hearts.',
    tags: 'hearts, navy',
    products: [{ product: 'tee', priceMinor: opts.priceMinor ?? 3400 }],
    campaign: opts.campaign ?? null,
  });
  await sellers.handleListingPhotos({ listingId: listing.id });
  return sellers.publishListing(owner, listing.id);
}

/** A shopper adds the listing to a fresh cart, checks out and pays with a test card. */
export async function buy(h: StripeHarness, listingId: string, email: string, opts: { quantity?: number; card?: string } = {}) {
  const { cart, db, orders } = await lib();
  const { variant } = await teeVariant();
  const c = await db.cart.create({ data: {} });
  await cart.addToCart(c.id, { listingId, variantId: variant.id, quantity: opts.quantity ?? 1 });
  const { orderId } = await orders.startCheckout(c.id, { email, country: 'US' }, null);
  const order = (await orders.findOrder(orderId))!;
  const res = await fetch(`${h.local.url}/_test/checkout/sessions/${order.stripeCheckoutSessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer sk_test_local' },
    body: new URLSearchParams({ card: opts.card ?? '4242424242424242', name: 'Ada Shopper', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US' }),
  });
  if (res.status >= 400) throw new Error(`pay failed: ${res.status} ${await res.text()}`);
  return { orderId, cartId: c.id, sessionId: order.stripeCheckoutSessionId! };
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForStatus(orderId: string, status: string, ms = 10_000) {
  const { orders } = await lib();
  return waitFor(async () => {
    const o = await orders.findOrder(orderId);
    return o?.status === status ? o : null;
  }, `order ${orderId} to be ${status}`, ms);
}

export const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
