// `npm run seed:scale [-- <scale>]`: fills the database at DATABASE_URL with a real shop's volume
// (scale 1: 1 M designs, 100 k orders with history, payments, print jobs and files, 10 k listings
// in 500 shops, 50 k try-on photos) to measure pages at that size. Every table is filled by one
// set-based INSERT … SELECT … FROM generate_series, so the database does the work (a few minutes
// on 2 cores). Ids are made from the row number ('sco42', …) so relations need no look-ups.
// Refuses to run twice on one database; the catalog is seeded first when it is missing.
import { db } from '../lib/db/client';
import { seed } from './seed';

export interface ScaleCounts {
  [table: string]: number;
}

/** Row counts for a scale factor (1 = the size issue #26 names). */
export function scaleVolumes(scale: number) {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  const shops = n(500, 5);
  return {
    shoppers: n(50_000, 50),
    shops,
    listings: Math.max(shops * 2, n(10_000, 20)),
    designs: n(1_000_000, 200),
    orders: n(100_000, 100),
    openCarts: n(10_000, 10),
    tryonOwners: n(10_000, 10),
  };
}

const WORDS = `ARRAY['red','navy','mint','coral','gold','plum','teal','ivory','rust','sage','lilac','ochre']`;
const THINGS = `ARRAY['hearts','stars','waves','leaves','cats','lemons','mushrooms','clouds','stripes','daisies','foxes','moons']`;
const hex = (s: string) => `encode(sha256(convert_to(${s}, 'UTF8')), 'hex')`;
const designId = (g: string) => hex(`'scale-design-' || (${g})`);

/** Seeds the scaled volume; returns the row count of every table it filled. */
export async function seedScale(scale = 1, overrides: Partial<ReturnType<typeof scaleVolumes>> = {}, log: (m: string) => void = () => {}): Promise<ScaleCounts> {
  const v = { ...scaleVolumes(scale), ...overrides };
  const [{ seeded }] = await db.$queryRawUnsafe<{ seeded: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM "User" WHERE id = 'scu1') AS seeded`);
  if (seeded) throw new Error('this database already holds the scale data (user scu1 exists)');
  const [{ products }] = await db.$queryRawUnsafe<{ products: number }[]>(`SELECT count(*)::int AS products FROM "Product"`);
  if (products === 0) await seed();
  const [{ factoryId }] = await db.$queryRawUnsafe<{ factoryId: string | null }[]>(`SELECT (SELECT id FROM "Factory" ORDER BY "createdAt", id LIMIT 1) AS "factoryId"`);
  const factory = factoryId ?? 'scf1';
  if (!factoryId) await db.$executeRawUnsafe(`INSERT INTO "Factory" (id, name) VALUES ('scf1', 'Scale Factory')`);

  const steps: [string, string][] = [
    [
      'users',
      `INSERT INTO "User" (id, email, name, role, "createdAt", "updatedAt")
       SELECT 'scu' || g, 'shopper' || g || '@scale.seedprint.test', 'Shopper ' || g, 'SHOPPER'::"Role", now() - (g % 700) * interval '1 day', now()
       FROM generate_series(1, ${v.shoppers}) g
       UNION ALL
       SELECT 'scs' || g, 'seller' || g || '@scale.seedprint.test', 'Seller ' || g, 'SELLER'::"Role", now() - (g % 700) * interval '1 day', now()
       FROM generate_series(1, ${v.shops}) g`,
    ],
    [
      'shops',
      `INSERT INTO "SellerProfile" (id, "userId", "shopName", slug, bio, "createdAt", "updatedAt")
       SELECT 'scp' || g, 'scs' || g, initcap((${WORDS})[1 + g % 12] || ' ' || (${THINGS})[1 + (g / 12) % 12]) || ' Shop ' || g,
              'scale-shop-' || g, 'Patterns by seller ' || g, now() - (g % 700) * interval '1 day', now()
       FROM generate_series(1, ${v.shops}) g`,
    ],
    [
      'designs',
      `INSERT INTO "Design" (id, recipe, prompt, seed, "modelId", "modelSha256", scheduler, steps, guidance, width, height, tileable, "previewSha256", "createdById", "createdAt")
       SELECT ${designId('g')},
              jsonb_build_object('prompt', p, 'seed', g, 'modelId', 'seedprint-tiny-v1', 'modelSha256', repeat('b', 64), 'scheduler', 'ddim', 'steps', 8, 'guidance', 3, 'width', 64, 'height', 64, 'tileable', true),
              p, g, 'seedprint-tiny-v1', repeat('b', 64), 'ddim', 8, 3, 64, 64, true, ${hex(`'scale-preview-' || g`)},
              CASE WHEN g % 10 = 0 THEN NULL ELSE 'scu' || (1 + g % ${v.shoppers}) END,
              now() - (g % 100000) * interval '5 minutes'
       FROM generate_series(1, ${v.designs}) g,
            LATERAL (SELECT (${WORDS})[1 + g % 12] || ' ' || (${THINGS})[1 + (g / 12) % 12] || ' on ' || (${WORDS})[1 + (g / 144) % 12] AS p) w`,
    ],
    [
      'listings',
      `INSERT INTO "Listing" (id, "sellerId", "designId", slug, title, description, tags, status, "coverPhotoId", views, "publishedAt", "createdAt", "updatedAt")
       SELECT 'scl' || g, 'scp' || (1 + (g - 1) % ${v.shops}), ${designId(`1 + (g * 7) % ${v.designs}`)}, 'scale-listing-' || g,
              initcap(a || ' ' || b) || ' no. ' || g, 'A pattern of ' || a || ' ' || b || ', printed to order.', ARRAY[a, b],
              (CASE WHEN g % 10 = 0 THEN 'DRAFT' WHEN g % 25 = 1 THEN 'ARCHIVED' ELSE 'PUBLISHED' END)::"ListingStatus",
              'sclp' || g || 'a', g % 500,
              CASE WHEN g % 10 = 0 THEN NULL ELSE now() - (g % 365) * interval '1 day' END,
              now() - (g % 365) * interval '1 day' - interval '1 hour', now()
       FROM generate_series(1, ${v.listings}) g,
            LATERAL (SELECT (${WORDS})[1 + g % 12] AS a, (${THINGS})[1 + (g / 12) % 12] AS b) w`,
    ],
    [
      'listing products',
      `INSERT INTO "ListingProduct" (id, "listingId", "productId", "priceMinor", "variantIds")
       SELECT 'sclpr' || g || '-' || k, 'scl' || g, p.ids[1 + (g + k) % cardinality(p.ids)], 3500 + (g % 20) * 100, '{}'
       FROM generate_series(1, ${v.listings}) g, generate_series(0, 1) k,
            (SELECT array_agg(id ORDER BY "sortOrder", id) AS ids FROM "Product") p`,
    ],
    [
      'listing photos',
      `INSERT INTO "ListingPhoto" (id, "listingId", kind, "productSlug", view, "blobKey", "createdAt")
       SELECT 'sclp' || g || k, 'scl' || g, CASE k WHEN 'a' THEN 'mockup' ELSE 'model' END, 'tee', 'front', ${hex(`'scale-photo-' || g || k`)}, now() - (g % 365) * interval '1 day'
       FROM generate_series(1, ${v.listings}) g, unnest(ARRAY['a', 'b']) k`,
    ],
    [
      'campaigns',
      `INSERT INTO "Campaign" (id, "listingId", "minOrders", deadline, status)
       SELECT 'scc' || g, 'scl' || g, 20, now() + interval '14 days', 'ACTIVE' FROM generate_series(5, ${v.listings}, 50) g`,
    ],
    [
      'carts',
      `INSERT INTO "Cart" (id, "userId", currency, "createdAt", "updatedAt")
       SELECT 'sccart' || g, CASE WHEN g % 20 = 0 THEN NULL ELSE 'scu' || (1 + (g * 7919) % ${v.shoppers}) END, 'usd',
              now() - (${v.orders} - g) * interval '5 minutes' - interval '10 minutes', now() - (${v.orders} - g) * interval '5 minutes'
       FROM generate_series(1, ${v.orders}) g
       UNION ALL
       SELECT 'scopen' || g, 'scu' || (1 + g % ${v.shoppers}), 'usd', now() - (g % 30) * interval '1 day', now() FROM generate_series(1, ${v.openCarts}) g`,
    ],
    [
      'cart items',
      `INSERT INTO "CartItem" (id, "cartId", "variantId", "designId", quantity, "createdAt")
       SELECT 'scci' || g || '-' || k, 'scopen' || g, vs.ids[1 + (g * 31 + k) % cardinality(vs.ids)], ${designId(`1 + (g * 11 + k) % ${v.designs}`)}, 1 + k, now()
       FROM generate_series(1, ${v.openCarts}) g, generate_series(0, 1) k,
            (SELECT array_agg(id ORDER BY id) AS ids FROM "ProductVariant" WHERE active) vs`,
    ],
    [
      'orders',
      // A twentieth are guest orders; a thirteenth typed their email in capitals (found case-insensitively).
      `INSERT INTO "Order" (id, number, "userId", "cartId", email, status, currency, "subtotalMinor", "shippingMinor", "totalMinor", "shippingZone", "shippingCountry",
                            "shippingName", "shippingAddress", "stripeCheckoutSessionId", "testMode", "paidAt", "campaignId", "createdAt", "updatedAt")
       SELECT 'sco' || g, 'SP-' || lpad(g::text, 7, '0'), CASE WHEN g % 20 = 0 THEN NULL ELSE 'scu' || u END, 'sccart' || g,
              CASE WHEN g % 13 = 0 THEN upper(e) ELSE e END,
              s::"OrderStatus", 'usd', 3500 + (g % 2) * 3500, 499, 3999 + (g % 2) * 3500, 'domestic', 'US', 'Shopper ' || u,
              jsonb_build_object('line1', g || ' Pattern Street', 'city', 'Springfield', 'postal_code', '12345', 'country', 'US'),
              'cs_test_scale_' || g, true, CASE WHEN s IN ('PENDING_PAYMENT', 'CANCELLED') THEN NULL ELSE t + interval '2 minutes' END,
              CASE WHEN g % 100 = 0 THEN 'scc' || (5 + 50 * ((g / 100) % ${Math.max(1, Math.floor(v.listings / 50))})) END, t, t + interval '3 minutes'
       FROM generate_series(1, ${v.orders}) g,
            LATERAL (SELECT 1 + (g * 7919) % ${v.shoppers} AS u, now() - (${v.orders} - g) * interval '5 minutes' AS t) a,
            LATERAL (SELECT 'shopper' || u || '@scale.seedprint.test' AS e,
                            CASE WHEN g % 20 = 0 THEN 'PENDING_PAYMENT' WHEN g % 20 = 1 THEN 'CANCELLED' WHEN g % 20 < 6 THEN 'PAID'
                                 WHEN g % 20 < 10 THEN 'IN_PRODUCTION' WHEN g % 20 < 15 THEN 'SHIPPED' ELSE 'DELIVERED' END AS s) b`,
    ],
    [
      'order items',
      `INSERT INTO "OrderItem" (id, "orderId", "variantId", "designId", "productSlug", "productName", "variantLabel", sku, recipe, "unitPriceMinor", quantity, "repeatIn", "listingId")
       SELECT 'scoi' || g || '-' || k, 'sco' || g, vr.id, d.id, vr.slug, vr.name, concat_ws(' / ', vr.size, vr.color), vr.sku,
              jsonb_build_object('prompt', 'pattern ' || g, 'seed', g), 3500, 1, 4,
              CASE WHEN g % 100 = 0 THEN 'scl' || (5 + 50 * ((g / 100) % ${Math.max(1, Math.floor(v.listings / 50))})) WHEN g % 4 = 0 THEN 'scl' || (1 + g % ${v.listings}) END
       FROM generate_series(1, ${v.orders}) g, generate_series(1, 1 + g % 2) k,
            LATERAL (SELECT ${designId(`1 + (g * 13 + k) % ${v.designs}`)} AS id) d,
            (SELECT count(*) AS n FROM "ProductVariant") c,
            (SELECT row_number() OVER (ORDER BY pv.id) - 1 AS i, pv.id, pv.sku, pv.size, pv.color, p.slug, p.name
             FROM "ProductVariant" pv JOIN "Product" p ON p.id = pv."productId") vr
       WHERE vr.i = (g * 31 + k) % c.n`,
    ],
    [
      'order history',
      `INSERT INTO "OrderStatusEvent" (id, "orderId", "from", "to", note, actor, "createdAt")
       SELECT 'scev' || substr(o.id, 4) || '-' || k, o.id, (path[k - 1])::"OrderStatus", (path[k])::"OrderStatus", NULL,
              CASE WHEN k = 1 THEN 'system' WHEN k = 2 THEN 'stripe' ELSE 'factory:' || '${factory}' END, o."createdAt" + k * interval '1 hour'
       FROM "Order" o,
            LATERAL (SELECT CASE o.status WHEN 'CANCELLED' THEN ARRAY['PENDING_PAYMENT', 'CANCELLED']
                                          ELSE (ARRAY['PENDING_PAYMENT', 'PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'])[1:array_position(ARRAY['PENDING_PAYMENT', 'PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'], o.status::text)] END AS path) p,
            generate_series(1, cardinality(path)) k
       WHERE o.id LIKE 'sco%'`,
    ],
    [
      'payments',
      `INSERT INTO "Payment" (id, "orderId", "stripeCheckoutSessionId", "stripePaymentIntentId", status, "amountMinor", currency, "createdAt", "updatedAt")
       SELECT 'scpay' || substr(id, 4), id, "stripeCheckoutSessionId", 'pi_scale_' || substr(id, 4),
              (CASE status WHEN 'PENDING_PAYMENT' THEN 'REQUIRES_PAYMENT' WHEN 'CANCELLED' THEN 'CANCELLED' ELSE 'SUCCEEDED' END)::"PaymentStatus",
              "totalMinor", currency, "createdAt", "updatedAt"
       FROM "Order" WHERE id LIKE 'sco%'`,
    ],
    [
      'print jobs',
      // Paid orders' jobs wait READY for any factory; later ones belong to the store's factory. Job
      // ids are [a-z0-9] only, as the factory API's cursor accepts.
      `INSERT INTO "FulfillmentJob" (id, "orderId", "orderItemId", status, "factoryId", attempts, "claimedAt", "readyAt", "printEngine", "createdAt", "updatedAt")
       SELECT 'scj' || replace(substr(i.id, 5), '-', 'x'), o.id, i.id, js::"FulfillmentStatus", CASE WHEN js = 'READY' THEN NULL ELSE '${factory}' END, 1,
              CASE WHEN js = 'READY' THEN NULL ELSE o."createdAt" + interval '2 hours' END, o."createdAt" + interval '1 hour', 1,
              o."createdAt" + interval '3 minutes', o."updatedAt"
       FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId",
            LATERAL (SELECT CASE o.status WHEN 'PAID' THEN 'READY' WHEN 'IN_PRODUCTION' THEN 'PRINTED' ELSE o.status::text END AS js) j
       WHERE o.id LIKE 'sco%' AND o.status IN ('PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED')`,
    ],
    [
      'print files',
      `INSERT INTO "PrintFile" (id, "jobId", placement, "blobKey", "manifestKey", "widthPx", "heightPx", dpi, bytes, "thumbKey", engine, preflight, "createdAt")
       SELECT 'scpf' || substr(j.id, 4) || '-' || pl, j.id, pl, ${hex(`j.id || pl`)}, ${hex(`'manifest' || j.id || pl`)}, 4200, 4800, 300, 3500000 + length(j.id) * 1000,
              ${hex(`'thumb' || j.id || pl`)}, 'seedprint-flat-vector@1', '{"ok": true, "checks": []}', j."readyAt"
       FROM "FulfillmentJob" j, unnest(CASE WHEN length(j.id) % 2 = 0 THEN ARRAY['front', 'back'] ELSE ARRAY['front'] END) pl
       WHERE j.id LIKE 'scj%'`,
    ],
    [
      'shipments',
      `INSERT INTO "Shipment" (id, "orderId", carrier, "trackingNumber", "trackingUrl", "createdAt")
       SELECT 'scsh' || substr(id, 4), id, 'USPS', '9400' || lpad(substr(id, 4), 18, '0'), NULL, "createdAt" + interval '3 hours'
       FROM "Order" WHERE id LIKE 'sco%' AND status IN ('SHIPPED', 'DELIVERED')`,
    ],
    [
      'try-on photos',
      `INSERT INTO "TryonPhoto" (id, "ownerKey", name, "blobKey", width, height, bytes, "consentAt", "createdAt", "expiresAt")
       SELECT 'sctp' || g || '-' || k, CASE WHEN g % 3 = 0 THEN 'a:' || ${hex(`'anon' || g`)} ELSE 'u:scu' || (1 + g % ${v.shoppers}) END, 'photo-' || k || '.jpg',
              ${hex(`'tryon' || g || '-' || k`)}, 1536, 2048, 400000 + k, now() - (g % 7) * interval '1 day', now() - (g % 7) * interval '1 day', now() + (7 - g % 7) * interval '1 day'
       FROM generate_series(1, ${v.tryonOwners}) g, generate_series(0, 4) k`,
    ],
    [
      'try-on looks',
      `INSERT INTO "TryonLook" (id, "photoId", "designId", "productSlug", "repeatIn", status, progress, "createdAt", "updatedAt")
       SELECT 'sctl' || substr(p.id, 5), p.id, ${designId(`1 + (abs(hashtext(p."ownerKey")::bigint) * 17) % ${v.designs}`)}, 'tee', 4,
              (CASE WHEN p.name = 'photo-4.jpg' AND p.bytes % 5 = 0 THEN 'FAILED' ELSE 'DONE' END)::"TryonPhotoStatus", 100, p."createdAt", p."createdAt"
       FROM "TryonPhoto" p WHERE p.id LIKE 'sctp%'`,
    ],
    [
      'try-on renders',
      `INSERT INTO "TryonRender" (id, "lookId", variant, "blobKey", width, height, "createdAt")
       SELECT 'sctr' || substr(l.id, 5) || '-' || r, l.id, r, ${hex(`l.id || r`)}, 1536, 2048, l."createdAt"
       FROM "TryonLook" l, unnest(ARRAY['photo', 'studio']) r WHERE l.id LIKE 'sctl%' AND l.status = 'DONE'`,
    ],
  ];
  for (const [name, sql] of steps) {
    const t = Date.now();
    const rows = await db.$executeRawUnsafe(sql);
    log(`${name}: ${rows} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  // As autovacuum would: statistics for the planner, and GIN pending lists merged into their indexes.
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  const tables = ['User', 'SellerProfile', 'Design', 'Listing', 'ListingProduct', 'ListingPhoto', 'Campaign', 'Cart', 'CartItem', 'Order', 'OrderItem', 'OrderStatusEvent', 'Payment', 'FulfillmentJob', 'PrintFile', 'Shipment', 'TryonPhoto', 'TryonLook', 'TryonRender'];
  const counts: ScaleCounts = {};
  for (const t of tables) counts[t] = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`))[0].n);
  return counts;
}

/** Deletes what seedScale(scale, overrides) added (the rows its ids and design hashes name). */
export async function clearScaleData(scale = 1, overrides: Partial<ReturnType<typeof scaleVolumes>> = {}): Promise<void> {
  const v = { ...scaleVolumes(scale), ...overrides };
  // Orders, carts, try-on photos and listings first: their children go with them (ON DELETE CASCADE).
  for (const sql of [
    `DELETE FROM "Order" WHERE id LIKE 'sco%'`,
    `DELETE FROM "Cart" WHERE id LIKE 'sccart%' OR id LIKE 'scopen%'`,
    `DELETE FROM "TryonPhoto" WHERE id LIKE 'sctp%'`,
    `DELETE FROM "Listing" WHERE id LIKE 'scl%'`,
    `DELETE FROM "User" WHERE id LIKE 'scu%' OR id LIKE 'scs%'`,
    `DELETE FROM "Design" WHERE id IN (SELECT ${designId('g')} FROM generate_series(1, ${v.designs}) g)`,
    `DELETE FROM "Factory" WHERE id = 'scf1'`,
  ]) {
    await db.$executeRawUnsafe(sql);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(process.argv[2] ?? '1');
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL is not set (the embedded store prints it at start-up).');
    process.exit(2);
  }
  if (!(scale > 0 && scale <= 10)) {
    console.error('usage: npm run seed:scale [-- <scale, 0 < scale ≤ 10; 1 = 1 M designs, 100 k orders>]');
    process.exit(2);
  }
  const t = Date.now();
  seedScale(scale, {}, (m) => console.log(`[seed:scale] ${m}`))
    .then((counts) => {
      for (const [table, n] of Object.entries(counts)) console.log(`${table.padEnd(18)} ${n}`);
      console.log(`seeded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
