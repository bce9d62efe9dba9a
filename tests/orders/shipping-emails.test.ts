// Shipped and delivered e-mails through the factory API's real route handlers: one e-mail per
// order step with the tracking link, however often (or at once) the factory repeats its report.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { createApiKey, createFactory, handleOrderPaid } from '../../lib/fulfillment';
import { resetDatabase } from '../setup/db';
import { makePaidOrder } from '../fulfillment/helpers';
import * as claimRoute from '../../app/api/factory/v1/jobs/[id]/claim/route';
import * as statusRoute from '../../app/api/factory/v1/jobs/[id]/status/route';

const base = 'http://localhost/api/factory/v1';
let key: string;

const req = (path: string, body?: object) =>
  new Request(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const report = (jobId: string, body: object) => statusRoute.POST(req(`/jobs/${jobId}/status`, body), ctx(jobId));
const emails = (kind: string) => db.outboxEmail.findMany({ where: { kind }, orderBy: { createdAt: 'asc' } });

/** A paid order with `items` print jobs, claimed and printed by the factory (files are not rendered). */
async function printedOrder(items = 1) {
  const { order } = await makePaidOrder('mug', { repeatIn: 1.5 });
  const first = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
  for (let i = 1; i < items; i++) {
    const { id: _id, ...copy } = first;
    await db.orderItem.create({ data: { ...copy, recipe: copy.recipe ?? {} } });
  }
  await handleOrderPaid({ orderId: order.id });
  const jobs = await db.fulfillmentJob.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } });
  expect(jobs).toHaveLength(items);
  await db.fulfillmentJob.updateMany({ where: { orderId: order.id }, data: { status: 'READY' } });
  for (const j of jobs) {
    expect((await claimRoute.POST(req(`/jobs/${j.id}/claim`), ctx(j.id))).status).toBe(200);
    for (const status of ['received', 'printed']) expect((await report(j.id, { status })).status).toBe(200);
  }
  return { order, jobIds: jobs.map((j) => j.id) };
}

const shipped = (n: number) => ({ status: 'shipped', carrier: 'UPS', trackingNumber: `1Z99900${n}`, trackingUrl: `https://www.ups.com/track?tracknum=1Z99900${n}` });

describe('shipped and delivered e-mails', () => {
  beforeEach(async () => {
    await resetDatabase();
    const factory = await createFactory('Factory A');
    key = (await createApiKey(factory.id, 'test')).key;
  });

  it('one shipped e-mail with the tracking link, one delivered e-mail, repeats change nothing', async () => {
    const { order, jobIds: [jobId] } = await printedOrder();
    expect(await emails('order-shipped')).toHaveLength(0);

    expect((await report(jobId, shipped(1))).status).toBe(200);
    expect((await report(jobId, shipped(1))).status).toBe(200); // the factory retries
    const [mail, ...more] = await emails('order-shipped');
    expect(more).toHaveLength(0);
    expect(mail.to).toBe(order.email);
    expect(mail.subject).toContain(order.number);
    expect(mail.subject).toMatch(/shipped/);
    expect(mail.text).toContain('UPS 1Z999001: https://www.ups.com/track?tracknum=1Z999001');
    expect(mail.html).toContain('href="https://www.ups.com/track?tracknum=1Z999001"');
    expect(mail.text).toMatch(/\/orders\//); // the order page link
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('SHIPPED');
    expect(await emails('order-delivered')).toHaveLength(0);

    const runs = await Promise.all([1, 2, 3, 4].map(() => report(jobId, { status: 'delivered' })));
    for (const r of runs) expect([200, 409]).toContain(r.status);
    expect(runs.some((r) => r.status === 200)).toBe(true);
    expect((await report(jobId, { status: 'delivered' })).status).toBe(200);
    const delivered = await emails('order-delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0].text).toContain('https://www.ups.com/track?tracknum=1Z999001');
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('DELIVERED');
    const history = await db.orderStatusEvent.findMany({ where: { orderId: order.id, to: { in: ['SHIPPED', 'DELIVERED'] } } });
    expect(history.map((h) => h.to).sort()).toEqual(['DELIVERED', 'SHIPPED']);
    expect(await emails('order-shipped')).toHaveLength(1);
  });

  it('the same shipped report sent at once by several workers gives one e-mail', async () => {
    const { jobIds: [jobId] } = await printedOrder();
    const runs = await Promise.all([1, 2, 3, 4, 5].map(() => report(jobId, shipped(7))));
    for (const r of runs) expect([200, 409]).toContain(r.status);
    expect(await emails('order-shipped')).toHaveLength(1);
  });

  it('an order of two parcels ships when both have shipped (even at the same instant), with both links', async () => {
    const { order, jobIds } = await printedOrder(2);
    expect((await report(jobIds[0], shipped(1))).status).toBe(200);
    expect(await emails('order-shipped')).toHaveLength(0); // one parcel still in the print shop
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('IN_PRODUCTION');
    expect((await report(jobIds[1], shipped(2))).status).toBe(200);
    const [mail, ...more] = await emails('order-shipped');
    expect(more).toHaveLength(0);
    expect(mail.text).toContain('tracknum=1Z999001');
    expect(mail.text).toContain('tracknum=1Z999002');

    // Both parcels delivered at once: the order is delivered once, one e-mail.
    const runs = await Promise.all(jobIds.map((id) => report(id, { status: 'delivered' })));
    expect(runs.map((r) => r.status)).toEqual([200, 200]);
    expect(await emails('order-delivered')).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('DELIVERED');
  });

  it('two last parcels shipped at the same instant still give one e-mail', async () => {
    const { jobIds } = await printedOrder(2);
    const runs = await Promise.all(jobIds.map((id, i) => report(id, shipped(i + 1))));
    expect(runs.map((r) => r.status)).toEqual([200, 200]);
    expect(await emails('order-shipped')).toHaveLength(1);
  });

  it('delivered before shipped is refused and sends nothing', async () => {
    const { jobIds: [jobId] } = await printedOrder();
    const res = await report(jobId, { status: 'delivered' });
    expect(res.status).toBe(409);
    expect(await emails('order-delivered')).toHaveLength(0);
  });
});
