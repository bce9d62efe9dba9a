// Outbound webhooks: HMAC-signed, logged per attempt, retried on a 1/4/16/64-minute schedule.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { createEndpoint, emitWebhook, RETRY_MINUTES } from '../../lib/fulfillment';
import { deliverWebhook } from '../../lib/fulfillment/outbound-webhooks';
import { stopBoss } from '../../lib/queue';
import { freePort } from '../setup/free-port';
import { resetDatabase } from '../setup/db';

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let failNext = 0;
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    received.push({ headers: req.headers, body });
    if (failNext > 0) {
      failNext--;
      res.writeHead(503).end('busy');
    } else res.writeHead(204).end();
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  url = `http://127.0.0.1:${port}/hooks`;
});
afterAll(async () => {
  await stopBoss();
  await new Promise((r) => server.close(r));
});
beforeEach(async () => {
  await resetDatabase();
  received.length = 0;
});

describe('outbound webhooks', () => {
  it('signs the body with HMAC-SHA256 of "timestamp.body"', async () => {
    await createEndpoint(url, 'whsec_factory_test');
    expect(await emitWebhook('order.status_changed', { orderId: 'o1', status: 'shipped' })).toBe(1);
    const d = await db.webhookDelivery.findFirstOrThrow();
    await deliverWebhook({ deliveryId: d.id });
    expect(received).toHaveLength(1);
    const sig = String(received[0].headers['seedprint-signature']);
    const [, t, v1] = sig.match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
    expect(createHmac('sha256', 'whsec_factory_test').update(`${t}.${received[0].body}`).digest('hex')).toBe(v1);
    expect(JSON.parse(received[0].body)).toMatchObject({ event: 'order.status_changed', data: { orderId: 'o1', status: 'shipped' } });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 });
  });

  it('retries failures after 1, 4, 16 and 64 minutes, then gives up', async () => {
    await createEndpoint(url, 'whsec_x');
    await emitWebhook('fulfillment.job.updated', { jobId: 'j1' });
    const d = await db.webhookDelivery.findFirstOrThrow();
    failNext = 10;
    for (const [i, minutes] of RETRY_MINUTES.entries()) {
      const before = Date.now();
      await deliverWebhook({ deliveryId: d.id });
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
      expect(row.attempts).toBe(i + 1);
      expect(row.status).toBe('pending');
      expect(row.lastStatusCode).toBe(503);
      const delay = row.nextAttemptAt!.getTime() - before;
      expect(delay).toBeGreaterThanOrEqual(minutes * 60_000 - 1000);
      expect(delay).toBeLessThanOrEqual(minutes * 60_000 + 5000);
    }
    await deliverWebhook({ deliveryId: d.id });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: 'failed', attempts: 5 });
    expect(RETRY_MINUTES).toEqual([1, 4, 16, 64]);
  });
});
