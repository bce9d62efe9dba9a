// What a factory may do: list ready jobs, claim one, download its files, report progress.
import { createHash, randomBytes } from 'node:crypto';
import { factoryIdOfUser } from '../auth';
import type { FulfillmentStatus } from '../db/client';
import { badRequest, conflict, notFound, unauthorized } from '../http/errors';
import { env } from '../env';
import { findOrder, sendOrderDelivered, sendOrderShipped, transitionOrder, transitionOrderOnce } from '../orders';
import { JOB_ID, type ApiJob, type ListQuery, type StatusReport } from './factory-api-schemas';
import * as repo from './fulfillment-repository';
import { emitWebhook } from './outbound-webhooks';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createApiKey(factoryId: string, label: string): Promise<{ key: string; id: string; prefix: string }> {
  const key = `spf_${randomBytes(24).toString('base64url')}`;
  const prefix = key.slice(0, 10);
  const row = await repo.insertApiKey(factoryId, label, prefix, hashKey(key));
  return { key, id: row.id, prefix };
}

export const revokeApiKey = repo.revokeApiKey;
export const createFactory = repo.createFactory;
export const listFactories = repo.listFactories;

export interface RateLimitState {
  ok: boolean;
  limit: number;
  remaining: number;
  windowSeconds: number;
  /** Whole seconds until the current window ends (at least 1). */
  resetSeconds: number;
}

function rateLimitState(count: number, resetSeconds: number, limit: number, windowSeconds: number): RateLimitState {
  return { ok: count <= limit, limit, remaining: Math.max(0, limit - count), windowSeconds, resetSeconds: Math.max(1, Math.ceil(resetSeconds)) };
}

/**
 * Resolves `Authorization: Bearer <key>` to a factory and the key's id, or throws 401; the
 * request is counted against the key's budget (FACTORY_API_RATE_LIMIT per
 * FACTORY_API_RATE_WINDOW_S) in the same database round trip, and `limit` says where it stands.
 */
export async function authenticateFactory(authorization: string | null): Promise<{ id: string; name: string; keyId: string; limit: RateLimitState }> {
  const m = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!m) throw unauthorized('Missing API key: send Authorization: Bearer <key>.');
  const { FACTORY_API_RATE_LIMIT: limit, FACTORY_API_RATE_WINDOW_S: windowSeconds } = env();
  const key = await repo.findActiveKeyAndCount(hashKey(m[1]), windowSeconds);
  if (!key) throw unauthorized('Invalid or revoked API key.');
  return { id: key.factoryId, name: key.factoryName, keyId: key.id, limit: rateLimitState(key.count, key.resetSeconds, limit, windowSeconds) };
}

/** Counts a request of an API key against its budget (FACTORY_API_RATE_LIMIT per FACTORY_API_RATE_WINDOW_S). */
export async function consumeRateLimit(keyId: string, opts: { limit?: number; windowSeconds?: number } = {}): Promise<RateLimitState> {
  const limit = opts.limit ?? env().FACTORY_API_RATE_LIMIT;
  const windowSeconds = opts.windowSeconds ?? env().FACTORY_API_RATE_WINDOW_S;
  const { count, resetSeconds } = await repo.countKeyRequest(keyId, windowSeconds);
  return rateLimitState(count, resetSeconds, limit, windowSeconds);
}

export async function factoryForUser(userId: string): Promise<string> {
  const factoryId = await factoryIdOfUser(userId);
  if (!factoryId) throw notFound('Your account is not linked to a factory yet. Ask an admin.');
  return factoryId;
}

export function fileUrl(jobId: string, placement: string) {
  return `${env().PUBLIC_URL}/api/factory/v1/jobs/${jobId}/files/${encodeURIComponent(placement)}`;
}

export function jobToApi(j: repo.ApiJobSource): ApiJob {
  return {
    id: j.id,
    orderId: j.orderId,
    orderNumber: j.order.number,
    status: j.status.toLowerCase() as ApiJob['status'],
    product: j.orderItem.productSlug,
    productName: j.orderItem.productName,
    variant: j.orderItem.variantLabel,
    sku: j.orderItem.sku,
    quantity: j.orderItem.quantity,
    shipTo: j.factoryId ? { name: j.order.shippingName, address: j.order.shippingAddress, country: j.order.shippingCountry } : undefined,
    files: j.files.map((f) => ({
      placement: f.placement,
      url: fileUrl(j.id, f.placement),
      thumbnailUrl: f.thumbKey ? `${fileUrl(j.id, f.placement)}/thumbnail` : null,
      sha256: f.blobKey,
      widthPx: f.widthPx,
      heightPx: f.heightPx,
      dpi: f.dpi,
      bytes: f.bytes,
      engine: f.engine,
      preflight: (f.preflight as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] } | null) ?? null,
    })),
    note: j.factoryNote,
    filesReplacedAt: j.filesRemadeAt?.toISOString() ?? null,
    tracking: j.trackingNumber ? { carrier: j.carrier, trackingNumber: j.trackingNumber, trackingUrl: j.trackingUrl } : undefined,
    claimedAt: j.claimedAt?.toISOString() ?? null,
    readyAt: j.readyAt?.toISOString() ?? null,
  };
}

// Ready jobs are open to every factory; later states only to the factory that claimed them.
function listScope(factoryId: string, status: ListQuery['status']) {
  const s = status.toUpperCase() as FulfillmentStatus;
  return s === 'READY' ? { status: s, factoryId: null } : { status: s, factoryId };
}

/** The first 100 jobs in a status (the factory console). */
export async function listJobsForFactory(factoryId: string, status: ListQuery['status']) {
  const jobs = await repo.listJobs(listScope(factoryId, status));
  return jobs.map(jobToApi);
}

/**
 * One page of a factory's list, oldest first by (createdAt, id). `starting_after` is the last job
 * of the previous page; it only places the page, so it still works after that job moved on (e.g.
 * another factory claimed it between two pages of the ready list).
 */
export async function listJobPage(factoryId: string, query: ListQuery): Promise<{ jobs: ApiJob[]; has_more: boolean; next_cursor: string | null }> {
  if (query.starting_after !== undefined && !(await repo.jobExists(query.starting_after))) {
    throw badRequest('starting_after: no such job (pass the next_cursor of the previous page).', 'invalid_cursor');
  }
  const page = await repo.listJobsPage(listScope(factoryId, query.status), query.limit, query.starting_after ?? null);
  const jobs = page.jobs.map(jobToApi);
  return { jobs, has_more: page.hasMore, next_cursor: page.hasMore ? jobs[jobs.length - 1].id : null };
}

/** A job is visible to a factory when it is unclaimed and ready, or claimed by that factory. */
export async function jobForFactory(jobId: string, factoryId: string) {
  if (!JOB_ID.test(jobId)) throw notFound('No such job.');
  const job = await repo.findJob(jobId);
  if (!job || (job.factoryId ? job.factoryId !== factoryId : job.status !== 'READY')) throw notFound('No such job.');
  return job;
}

export async function claim(jobId: string, factoryId: string) {
  if (!JOB_ID.test(jobId)) throw notFound('No such job.');
  const r = await repo.claimJob(jobId, factoryId);
  if (!r.exists) throw notFound('No such job.');
  if (r.ownerFactoryId && r.ownerFactoryId !== factoryId) throw conflict('This job was already claimed by another factory.', 'already_claimed');
  if (!r.ownerFactoryId) throw conflict(`This job cannot be claimed: it is ${String(r.status).toLowerCase()}.`, 'not_ready');
  const job = (await repo.findJob(jobId))!;
  await emitWebhook('fulfillment.job.claimed', { jobId, orderId: job.orderId, factoryId });
  return jobToApi(job);
}

const FACTORY_NEXT: Record<string, FulfillmentStatus[]> = {
  CLAIMED: ['RECEIVED', 'FAILED'],
  RECEIVED: ['PRINTED', 'FAILED'],
  PRINTED: ['SHIPPED', 'FAILED'],
  SHIPPED: ['DELIVERED'],
};

export async function reportStatus(jobId: string, factoryId: string, report: StatusReport) {
  if (!JOB_ID.test(jobId)) throw notFound('No such job (claim it first).');
  const job = await repo.findJob(jobId);
  if (!job || job.factoryId !== factoryId) throw notFound('No such job (claim it first).');
  const to = report.status.toUpperCase() as FulfillmentStatus;
  if (job.status === to) return jobToApi(job); // a retried report changes nothing
  if (!(FACTORY_NEXT[job.status] ?? []).includes(to)) {
    throw conflict(`A job that is ${job.status.toLowerCase()} cannot be marked ${report.status}.`, 'illegal_transition');
  }
  const shipped = report.status === 'shipped' ? report : null;
  const updated = await repo.setJobStatus(jobId, factoryId, job.status, to, {
    ...(shipped ? { carrier: shipped.carrier, trackingNumber: shipped.trackingNumber, trackingUrl: shipped.trackingUrl } : {}),
    ...(report.status === 'failed' ? { failureReason: report.reason } : {}),
  });
  if (updated.count === 0) throw conflict('The job changed at the same time; fetch it and try again.', 'concurrent_update');
  await advanceOrder(job.orderId, to, report, factoryId);
  await emitWebhook('fulfillment.job.updated', { jobId, orderId: job.orderId, status: report.status, carrier: shipped?.carrier ?? null, trackingNumber: shipped?.trackingNumber ?? null, trackingUrl: shipped?.trackingUrl ?? null });
  return jobToApi((await repo.findJob(jobId))!);
}

/**
 * The order follows its jobs: in production once a factory has it, shipped when every job
 * shipped, delivered when every job was delivered. The shopper gets one e-mail per step, however
 * often or concurrently a factory repeats its report.
 */
async function advanceOrder(orderId: string, to: FulfillmentStatus, report: StatusReport, factoryId: string) {
  const order = await findOrder(orderId);
  if (!order) return;
  const actor = `factory:${factoryId}`;
  if ((to === 'RECEIVED' || to === 'PRINTED' || to === 'SHIPPED') && order.status === 'PAID') {
    await transitionOrder(orderId, 'IN_PRODUCTION', actor, 'The factory received the print files');
    await emitWebhook('order.status_changed', { orderId, status: 'in_production' });
  }
  if (report.status === 'shipped') {
    await repo.addShipment(orderId, report);
    const jobs = await repo.jobsOfOrder(orderId);
    if (jobs.every((j) => j.status === 'SHIPPED' || j.status === 'DELIVERED')) {
      if (await transitionOrderOnce(orderId, 'SHIPPED', actor, [report.carrier, report.trackingNumber].filter(Boolean).join(' '))) {
        await emitWebhook('order.status_changed', { orderId, status: 'shipped', trackingNumber: report.trackingNumber ?? null });
        await tellShopper(() => sendOrderShipped(orderId), orderId, 'shipped');
      }
    }
  }
  if (report.status === 'delivered') {
    const jobs = await repo.jobsOfOrder(orderId);
    if (jobs.every((j) => j.status === 'DELIVERED') && (await transitionOrderOnce(orderId, 'DELIVERED', actor, 'The carrier delivered the parcel'))) {
      await emitWebhook('order.status_changed', { orderId, status: 'delivered' });
      await tellShopper(() => sendOrderDelivered(orderId), orderId, 'delivered');
    }
  }
}

/** The e-mail is in the outbox before SMTP is tried; an SMTP failure must not fail the factory's report. */
async function tellShopper(send: () => Promise<void>, orderId: string, what: string) {
  try {
    await send();
  } catch (err) {
    console.error(`[fulfillment] the ${what} e-mail for order ${orderId} was not delivered`, err);
  }
}
