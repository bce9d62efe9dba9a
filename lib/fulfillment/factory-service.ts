// What a factory may do: list ready jobs, claim one, download its files, report progress.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FulfillmentStatus } from '../db/client';
import { conflict, notFound, unauthorized } from '../http/errors';
import { env } from '../env';
import { findOrder, transitionOrder } from '../orders';
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

/** Resolves `Authorization: Bearer <key>` to a factory, or throws 401. */
export async function authenticateFactory(authorization: string | null): Promise<{ id: string; name: string }> {
  const m = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!m) throw unauthorized('Missing API key: send Authorization: Bearer <key>.');
  const key = await repo.findActiveKey(hashKey(m[1]));
  if (!key) throw unauthorized('Invalid or revoked API key.');
  return key.factory;
}

export async function factoryForUser(userId: string): Promise<string> {
  const u = await repo.factoryOfUser(userId);
  if (!u?.factoryId) throw notFound('Your account is not linked to a factory yet. Ask an admin.');
  return u.factoryId;
}

export function fileUrl(jobId: string, placement: string) {
  return `${env().PUBLIC_URL}/api/factory/v1/jobs/${jobId}/files/${encodeURIComponent(placement)}`;
}

export function jobToApi(j: repo.JobView) {
  return {
    id: j.id,
    orderId: j.orderId,
    orderNumber: j.order.number,
    status: j.status.toLowerCase(),
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
    filesReplacedAt: j.filesRemadeAt,
    tracking: j.trackingNumber ? { carrier: j.carrier, trackingNumber: j.trackingNumber, trackingUrl: j.trackingUrl } : undefined,
    claimedAt: j.claimedAt,
    readyAt: j.readyAt,
  };
}

export const listQuerySchema = z.object({
  status: z.enum(['ready', 'claimed', 'received', 'printed', 'shipped', 'failed']).default('ready'),
});

export async function listJobsForFactory(factoryId: string, status: z.infer<typeof listQuerySchema>['status']) {
  const s = status.toUpperCase() as FulfillmentStatus;
  // Ready jobs are open to every factory; later states only to the factory that claimed them.
  const jobs = await repo.listJobs(s === 'READY' ? { status: 'READY', factoryId: null } : { status: s, factoryId });
  return jobs.map(jobToApi);
}

const JOB_ID = /^[a-z0-9]{1,64}$/; // cuid; anything else (NUL bytes, %, slashes) names no job

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

export const statusSchema = z
  .object({
    status: z.enum(['received', 'printed', 'shipped', 'failed']),
    carrier: z.string().trim().min(1).max(100).optional(),
    trackingNumber: z.string().trim().min(1).max(100).optional(),
    trackingUrl: z.string().url().max(500).optional(),
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'shipped' && !v.trackingNumber) ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'is required when status is shipped' });
    if (v.status === 'failed' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when status is failed' });
  });
export type StatusReport = z.infer<typeof statusSchema>;

const FACTORY_NEXT: Record<string, FulfillmentStatus[]> = {
  CLAIMED: ['RECEIVED', 'FAILED'],
  RECEIVED: ['PRINTED', 'FAILED'],
  PRINTED: ['SHIPPED', 'FAILED'],
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
  const updated = await repo.setJobStatus(jobId, factoryId, job.status, to, {
    ...(to === 'SHIPPED' ? { carrier: report.carrier, trackingNumber: report.trackingNumber, trackingUrl: report.trackingUrl } : {}),
    ...(to === 'FAILED' ? { failureReason: report.reason } : {}),
  });
  if (updated.count === 0) throw conflict('The job changed at the same time; fetch it and try again.', 'concurrent_update');
  await advanceOrder(job.orderId, to, report, factoryId);
  await emitWebhook('fulfillment.job.updated', { jobId, orderId: job.orderId, status: report.status, carrier: report.carrier ?? null, trackingNumber: report.trackingNumber ?? null, trackingUrl: report.trackingUrl ?? null });
  return jobToApi((await repo.findJob(jobId))!);
}

/** The order follows its jobs: in production once a factory has it, shipped when every job shipped. */
async function advanceOrder(orderId: string, to: FulfillmentStatus, report: StatusReport, factoryId: string) {
  const order = await findOrder(orderId);
  if (!order) return;
  const actor = `factory:${factoryId}`;
  if ((to === 'RECEIVED' || to === 'PRINTED' || to === 'SHIPPED') && order.status === 'PAID') {
    await transitionOrder(orderId, 'IN_PRODUCTION', actor, 'The factory received the print files');
    await emitWebhook('order.status_changed', { orderId, status: 'in_production' });
  }
  if (to === 'SHIPPED') {
    await repo.addShipment(orderId, report);
    const jobs = await repo.jobsOfOrder(orderId);
    if (jobs.every((j) => j.status === 'SHIPPED')) {
      await transitionOrder(orderId, 'SHIPPED', actor, [report.carrier, report.trackingNumber].filter(Boolean).join(' '));
      await emitWebhook('order.status_changed', { orderId, status: 'shipped', trackingNumber: report.trackingNumber ?? null });
    }
  }
}
