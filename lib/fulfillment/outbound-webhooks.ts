// Status changes go out as HMAC-signed webhooks to every configured endpoint, retried with
// backoff (1, 4, 16, 64 minutes) and logged per attempt in WebhookDelivery.
import { createHmac } from 'node:crypto';
import type { Prisma } from '../db/client';
import { logger, metrics } from '../observability';
import { enqueue, QUEUES } from '../queue';
import * as repo from './fulfillment-repository';

export const RETRY_MINUTES = [1, 4, 16, 64];

export function signPayload(secret: string, body: string, timestamp: number): string {
  const sig = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${sig}`;
}

export async function emitWebhook(event: string, data: Prisma.InputJsonValue): Promise<number> {
  const endpoints = await repo.activeEndpoints();
  for (const ep of endpoints) {
    const d = await repo.insertDelivery(ep.id, event, { event, createdAt: new Date().toISOString(), data });
    await enqueue(QUEUES.deliverWebhook, { deliveryId: d.id });
  }
  return endpoints.length;
}

export async function deliverWebhook({ deliveryId }: { deliveryId: string }): Promise<void> {
  const d = await repo.findDelivery(deliveryId);
  if (!d || d.status !== 'pending') return;
  const body = JSON.stringify({ id: d.id, ...(d.payload as object) });
  const t = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'seedprint-signature': signPayload(d.endpoint.secret, body, t), 'seedprint-event': d.event },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = res.status;
    if (!res.ok) error = `HTTP ${res.status}`;
  } catch (err) {
    error = (err as Error).message;
  }
  const attempts = d.attempts + 1;
  if (error) {
    metrics().webhookFailures.inc({ direction: 'outbound', reason: status ? `http_${status}` : 'network' });
    logger().warn({ deliveryId: d.id, attempt: attempts, status, err: error }, 'webhook delivery failed');
  }
  if (!error) {
    await repo.updateDelivery(d.id, { status: 'delivered', attempts, lastStatusCode: status, lastError: null, deliveredAt: new Date(), nextAttemptAt: null });
    return;
  }
  const waitMin = RETRY_MINUTES[attempts - 1];
  if (waitMin === undefined) {
    await repo.updateDelivery(d.id, { status: 'failed', attempts, lastStatusCode: status, lastError: error, nextAttemptAt: null });
    return;
  }
  const next = new Date(Date.now() + waitMin * 60_000);
  await repo.updateDelivery(d.id, { attempts, lastStatusCode: status, lastError: error, nextAttemptAt: next });
  await enqueue(QUEUES.deliverWebhook, { deliveryId: d.id }, { startAfter: next });
}
