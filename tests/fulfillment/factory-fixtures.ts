// Cheap factory-API fixtures: orders with many items and their READY jobs written straight to the
// database (no model render), optionally with a small stored PNG and JPEG as the print file.
import sharp from 'sharp';
import { db } from '../../lib/db/client';
import { putBlob } from '../../lib/storage';

let orderSeq = 0;

export async function makeReadyJobs(n: number, opts: { createdAt?: (i: number) => Date; withFile?: boolean; shipTo?: boolean } = {}) {
  const number = `SP-F${process.pid}${(orderSeq++).toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const order = await db.order.create({
    data: {
      number,
      email: 'buyer@example.com',
      status: 'PAID',
      currency: 'usd',
      subtotalMinor: 1000 * n,
      shippingMinor: 499,
      totalMinor: 1000 * n + 499,
      shippingZone: 'us',
      shippingCountry: 'US',
      shippingName: opts.shipTo ? 'Ada Buyer' : null,
      shippingAddress: opts.shipTo ? { line1: '1 Main St', city: 'Springfield', postal_code: '12345' } : undefined,
      paidAt: new Date(),
      items: {
        create: Array.from({ length: n }, (_, i) => ({ productSlug: 'mug', productName: 'Mug', variantLabel: '11 oz', sku: `MUG-11-${i}`, unitPriceMinor: 1000, quantity: 1, repeatIn: 3 })),
      },
    },
    include: { items: { orderBy: { sku: 'asc' } } },
  });
  let file: { blobKey: string; thumbKey: string; bytes: number } | undefined;
  if (opts.withFile) {
    const png = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#336699' } }).png().toBuffer();
    const jpg = await sharp(png).jpeg().toBuffer();
    const p = await putBlob(png);
    file = { blobKey: p.key, thumbKey: (await putBlob(jpg)).key, bytes: p.bytes };
  }
  const jobs = [];
  for (const [i, item] of order.items.entries()) {
    jobs.push(
      await db.fulfillmentJob.create({
        data: {
          orderId: order.id,
          orderItemId: item.id,
          status: 'READY',
          readyAt: new Date(),
          ...(opts.createdAt ? { createdAt: opts.createdAt(i) } : {}),
          ...(file
            ? {
                files: {
                  create: {
                    placement: 'wrap',
                    blobKey: file.blobKey,
                    manifestKey: file.blobKey,
                    thumbKey: file.thumbKey,
                    widthPx: 8,
                    heightPx: 4,
                    dpi: 300,
                    bytes: file.bytes,
                    engine: 'raster-lanczos',
                    preflight: { ok: true, checks: [{ name: 'dpi', ok: true, detail: '300' }] },
                  },
                },
              }
            : {}),
        },
      }),
    );
  }
  return { order, jobs };
}
