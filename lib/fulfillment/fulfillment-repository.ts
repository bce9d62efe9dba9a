// Fulfillment data access: the only fulfillment module that touches Prisma.
import { db, Prisma, type FulfillmentStatus } from '../db/client';
import { orderItemIds } from '../orders';

export const jobInclude = {
  files: { orderBy: { placement: 'asc' as const } },
  orderItem: true,
  order: { select: { id: true, number: true, status: true, shippingName: true, shippingAddress: true, shippingCountry: true } },
};
export type JobView = Prisma.FulfillmentJobGetPayload<{ include: typeof jobInclude }>;

/** One job per order item; running twice creates nothing new. */
export async function createJobsForOrder(orderId: string): Promise<string[]> {
  for (const orderItemId of await orderItemIds(orderId)) {
    await db.fulfillmentJob.upsert({ where: { orderItemId }, update: {}, create: { orderId, orderItemId } });
  }
  const jobs = await db.fulfillmentJob.findMany({ where: { orderId }, select: { id: true, status: true } });
  return jobs.filter((j) => j.status === 'QUEUED' || j.status === 'RENDERING').map((j) => j.id);
}

export function findJob(id: string) {
  return db.fulfillmentJob.findUnique({ where: { id }, include: jobInclude });
}

export async function loadRenderInput(jobId: string) {
  const job = await db.fulfillmentJob.findUnique({
    where: { id: jobId },
    include: { orderItem: { include: { variant: { include: { product: { include: { printAreas: true } } } }, design: { select: { previewSha256: true } } } }, files: true },
  });
  return job;
}

export function markRendering(jobId: string) {
  return db.fulfillmentJob.updateMany({ where: { id: jobId, status: { in: ['QUEUED', 'RENDERING'] } }, data: { status: 'RENDERING', attempts: { increment: 1 } } });
}

export interface PrintFileRow {
  placement: string;
  blobKey: string;
  manifestKey: string;
  thumbKey: string;
  engine: string;
  preflight: Prisma.InputJsonValue;
  widthPx: number;
  heightPx: number;
  dpi: number;
  bytes: number;
}

/** Files and READY in one transaction, guarded by status: a job completes exactly once. */
export function completeJob(jobId: string, files: PrintFileRow[], printEngine: number) {
  return db.$transaction(async (tx) => {
    const updated = await tx.fulfillmentJob.updateMany({ where: { id: jobId, status: 'RENDERING' }, data: { status: 'READY', readyAt: new Date(), lastError: null, printEngine } });
    if (updated.count === 0) return false;
    for (const f of files) {
      await tx.printFile.upsert({ where: { jobId_placement: { jobId, placement: f.placement } }, update: f, create: { jobId, ...f } });
    }
    return true;
  });
}

const REMAKEABLE: FulfillmentStatus[] = ['READY', 'CLAIMED', 'RECEIVED'];

/** Jobs holding files from an older print engine that no factory has printed yet. */
export async function jobsWithOutdatedFiles(printEngine: number): Promise<string[]> {
  const jobs = await db.fulfillmentJob.findMany({
    where: { status: { in: REMAKEABLE }, OR: [{ printEngine: null }, { printEngine: { lt: printEngine } }], files: { some: {} } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return jobs.map((j) => j.id);
}

/** Swaps a job's files for remade ones, unless it was printed (or remade) meanwhile. */
export function replaceFiles(jobId: string, files: PrintFileRow[], printEngine: number, note: string) {
  return db.$transaction(async (tx) => {
    const guard = { id: jobId, status: { in: REMAKEABLE }, OR: [{ printEngine: null }, { printEngine: { lt: printEngine } }] };
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "FulfillmentJob" WHERE id = ${jobId} FOR UPDATE`;
    if (!locked.length) return false;
    const updated = await tx.fulfillmentJob.updateMany({ where: guard, data: { printEngine, factoryNote: note, filesRemadeAt: new Date() } });
    if (updated.count === 0) return false;
    await tx.printFile.deleteMany({ where: { jobId, placement: { notIn: files.map((f) => f.placement) } } });
    for (const f of files) {
      await tx.printFile.upsert({ where: { jobId_placement: { jobId, placement: f.placement } }, update: f, create: { jobId, ...f } });
    }
    return true;
  });
}

export function recordJobError(jobId: string, message: string, fatal: boolean) {
  return db.fulfillmentJob.update({ where: { id: jobId }, data: { lastError: message, ...(fatal ? { status: 'FAILED', failureReason: message } : {}) } });
}

export function listJobs(where: Prisma.FulfillmentJobWhereInput, take = 100) {
  return db.fulfillmentJob.findMany({ where, include: jobInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take });
}

/** Whether a job with this id exists (a raw primary-key probe: the factory API checks its cursor per request). */
export async function jobExists(id: string): Promise<boolean> {
  return (await db.$queryRaw<unknown[]>`SELECT 1 FROM "FulfillmentJob" WHERE id = ${id}`).length > 0;
}

/** What the factory API shows of a job (a JobView has all of it). */
export interface ApiJobSource {
  id: string;
  orderId: string;
  status: FulfillmentStatus;
  factoryId: string | null;
  factoryNote: string | null;
  filesRemadeAt: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  claimedAt: Date | null;
  readyAt: Date | null;
  order: { number: string; shippingName: string | null; shippingAddress: Prisma.JsonValue; shippingCountry: string };
  orderItem: { productSlug: string; productName: string; variantLabel: string; sku: string; quantity: number };
  files: { placement: string; blobKey: string; thumbKey: string | null; widthPx: number; heightPx: number; dpi: number; bytes: number; engine: string | null; preflight: Prisma.JsonValue }[];
}

/**
 * One page of jobs in (createdAt, id) order, the first ones after the job `afterId` (keyset
 * pagination: stable while jobs are added or change status between pages). Served by the index
 * on (status, factoryId, createdAt, id), or (status, createdAt, id) for the ready list. One
 * statement with the order, the item and the print files joined; asks for one more than `take`
 * to tell whether more follow.
 */
export async function listJobsPage(where: { status: FulfillmentStatus; factoryId: string | null }, take: number, afterId: string | null) {
  const conditions = [Prisma.sql`j.status = ${where.status}::"FulfillmentStatus"`, where.factoryId === null ? Prisma.sql`j."factoryId" IS NULL` : Prisma.sql`j."factoryId" = ${where.factoryId}`];
  if (afterId !== null) {
    const at = Prisma.sql`(SELECT a."createdAt" FROM "FulfillmentJob" a WHERE a.id = ${afterId})`;
    conditions.push(Prisma.sql`j."createdAt" >= ${at} AND (j."createdAt" > ${at} OR j.id > ${afterId})`);
  }
  const rows = await db.$queryRaw<(Omit<ApiJobSource, 'order' | 'orderItem'> & { orderNumber: string; shippingName: string | null; shippingAddress: Prisma.JsonValue; shippingCountry: string } & ApiJobSource['orderItem'])[]>`
    SELECT j.id, j."orderId", j.status::text AS status, j."factoryId", j."factoryNote", j."filesRemadeAt", j.carrier, j."trackingNumber", j."trackingUrl", j."claimedAt", j."readyAt",
           o.number AS "orderNumber", o."shippingName", o."shippingAddress", o."shippingCountry",
           i."productSlug", i."productName", i."variantLabel", i.sku, i.quantity,
           COALESCE((SELECT json_agg(json_build_object('placement', f.placement, 'blobKey', f."blobKey", 'thumbKey', f."thumbKey", 'widthPx', f."widthPx", 'heightPx', f."heightPx",
                                                       'dpi', f.dpi, 'bytes', f.bytes, 'engine', f.engine, 'preflight', f.preflight) ORDER BY f.placement)
                     FROM "PrintFile" f WHERE f."jobId" = j.id), '[]'::json) AS files
    FROM "FulfillmentJob" j
    JOIN "Order" o ON o.id = j."orderId"
    JOIN "OrderItem" i ON i.id = j."orderItemId"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY j."createdAt", j.id
    LIMIT ${take + 1}`;
  const jobs: ApiJobSource[] = rows.slice(0, take).map(({ orderNumber, shippingName, shippingAddress, shippingCountry, productSlug, productName, variantLabel, sku, quantity, ...j }) => ({
    ...j,
    order: { number: orderNumber, shippingName, shippingAddress, shippingCountry },
    orderItem: { productSlug, productName, variantLabel, sku, quantity },
  }));
  return { jobs, hasMore: rows.length > take };
}

/** Claims a READY job for a factory. Returns the job's factory afterwards (ours, another's or none). */
export async function claimJob(jobId: string, factoryId: string): Promise<{ exists: boolean; ownerFactoryId: string | null; status: FulfillmentStatus | null }> {
  await db.fulfillmentJob.updateMany({ where: { id: jobId, status: 'READY', factoryId: null }, data: { status: 'CLAIMED', factoryId, claimedAt: new Date() } });
  const job = await db.fulfillmentJob.findUnique({ where: { id: jobId }, select: { factoryId: true, status: true } });
  return { exists: !!job, ownerFactoryId: job?.factoryId ?? null, status: job?.status ?? null };
}

export function setJobStatus(jobId: string, factoryId: string, from: FulfillmentStatus, to: FulfillmentStatus, data: { carrier?: string; trackingNumber?: string; trackingUrl?: string; failureReason?: string }) {
  return db.fulfillmentJob.updateMany({ where: { id: jobId, factoryId, status: from }, data: { status: to, ...data } });
}

export function jobsOfOrder(orderId: string) {
  return db.fulfillmentJob.findMany({ where: { orderId }, select: { id: true, status: true, carrier: true, trackingNumber: true, trackingUrl: true } });
}

export function addShipment(orderId: string, s: { carrier?: string | null; trackingNumber?: string | null; trackingUrl?: string | null }) {
  return db.shipment.create({ data: { orderId, carrier: s.carrier ?? null, trackingNumber: s.trackingNumber ?? null, trackingUrl: s.trackingUrl ?? null } });
}

// ---- factories and API keys ----
export function createFactory(name: string) {
  return db.factory.upsert({ where: { name }, update: {}, create: { name } });
}

export function listFactories() {
  return db.factory.findMany({ include: { apiKeys: { orderBy: { createdAt: 'desc' } } }, orderBy: { name: 'asc' } });
}

export function insertApiKey(factoryId: string, label: string, prefix: string, keyHash: string) {
  return db.factoryApiKey.create({ data: { factoryId, label, prefix, keyHash } });
}

export function revokeApiKey(id: string) {
  return db.factoryApiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * The upsert that counts one request of a key (`keyId`, read from `from`) in the current fixed
 * window: a new window starts at 1, the same window adds one; it returns the count so far and
 * the seconds until the window ends. Needs the CTE `now` (the database's clock, the same for
 * every app instance). One statement, so concurrent requests never lose a count.
 */
const countRequestSql = (keyId: Prisma.Sql, from: Prisma.Sql, windowSeconds: number) => Prisma.sql`
  INSERT INTO "FactoryApiRateLimit" ("keyId", "windowIndex", "count")
  SELECT ${keyId}, floor((SELECT t FROM now) / ${windowSeconds}::int)::bigint, 1 ${from}
  ON CONFLICT ("keyId") DO UPDATE SET
    "count" = CASE WHEN "FactoryApiRateLimit"."windowIndex" = EXCLUDED."windowIndex" THEN "FactoryApiRateLimit"."count" + 1 ELSE 1 END,
    "windowIndex" = EXCLUDED."windowIndex"
  RETURNING "count"::int AS "count", (("windowIndex" + 1) * ${windowSeconds}::int - (SELECT t FROM now))::float8 AS "resetSeconds"`;

const NOW_CTE = Prisma.sql`now AS (SELECT extract(epoch FROM clock_timestamp()) AS t)`;

/** Counts one request of an API key in the current fixed window (see countRequestSql). */
export async function countKeyRequest(keyId: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
  const rows = await db.$queryRaw<{ count: number; resetSeconds: number }[]>`WITH ${NOW_CTE} ${countRequestSql(Prisma.sql`${keyId}`, Prisma.empty, windowSeconds)}`;
  return rows[0];
}

/**
 * The unrevoked key with this hash and its factory, with the request counted against the key's
 * budget (`windowSeconds`), in one statement that also stamps the key's lastUsedAt (at most once
 * a minute, so a busy key does not write its row on every request). Null for an unknown or
 * revoked key, which counts nothing.
 */
export async function findActiveKeyAndCount(keyHash: string, windowSeconds: number) {
  const rows = await db.$queryRaw<{ id: string; factoryId: string; factoryName: string; count: number; resetSeconds: number }[]>`
    WITH ${NOW_CTE}, k AS (
      SELECT k.id, k."lastUsedAt", f.id AS "factoryId", f.name AS "factoryName"
      FROM "FactoryApiKey" k JOIN "Factory" f ON f.id = k."factoryId"
      WHERE k."keyHash" = ${keyHash} AND k."revokedAt" IS NULL
    ), used AS (
      UPDATE "FactoryApiKey" SET "lastUsedAt" = now() AT TIME ZONE 'UTC'
      WHERE id IN (SELECT id FROM k WHERE "lastUsedAt" IS NULL OR "lastUsedAt" < now() AT TIME ZONE 'UTC' - interval '1 minute')
    ), counted AS (${countRequestSql(Prisma.sql`k.id`, Prisma.sql`FROM k`, windowSeconds)})
    SELECT k.id, k."factoryId", k."factoryName", c."count", c."resetSeconds" FROM k, counted c`;
  return rows[0] ?? null;
}

// ---- outbound webhooks ----
export function activeEndpoints() {
  return db.webhookEndpoint.findMany({ where: { active: true } });
}

export function createEndpoint(url: string, secret: string) {
  return db.webhookEndpoint.create({ data: { url, secret } });
}

export function insertDelivery(endpointId: string, event: string, payload: Prisma.InputJsonValue) {
  return db.webhookDelivery.create({ data: { endpointId, event, payload } });
}

export function findDelivery(id: string) {
  return db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
}

export function updateDelivery(id: string, data: Prisma.WebhookDeliveryUpdateInput) {
  return db.webhookDelivery.update({ where: { id }, data });
}

export function listDeliveries(take = 50) {
  return db.webhookDelivery.findMany({ include: { endpoint: { select: { url: true } } }, orderBy: { createdAt: 'desc' }, take });
}
