// Order e-mails: confirmation, shipped (with tracking) and delivered (SMTP when configured,
// otherwise the dev outbox).
import { formatMoney } from '../catalog';
import { emailButton, renderEmailLayout, sendEmail } from '../email';
import { findCampaign, preorderEstimate } from '../listings';
import { SHIPPING_ZONES } from '../shipping';
import { findOrder, type OrderView } from './order-repository';
import { orderUrl } from './order-links';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function sendOrderConfirmation(orderId: string): Promise<void> {
  const order = await findOrder(orderId);
  if (!order) return;
  const link = orderUrl(order.id);
  // A campaign order is a pre-order: made after the campaign ends, so its estimate starts there.
  const campaign = order.campaignId ? await findCampaign(order.campaignId) : null;
  const estimate = campaign ? preorderEstimate(campaign.deadline, SHIPPING_ZONES.find((z) => z.id === order.shippingZone)?.deliveryDays) : null;
  const preorder = estimate ? `This is a pre-order: it is printed after the campaign ends on ${estimate.endsOn}, estimated delivery ${estimate.arrives}.` : null;
  const lines = order.items.map((i) => `${i.quantity} × ${estimate ? 'Pre-order: ' : ''}${i.productName} (${i.variantLabel}) — ${formatMoney(i.unitPriceMinor * i.quantity, order.currency)}`);
  const text = [
    `Thank you for your order ${order.number}.`,
    ...(preorder ? [preorder] : []),
    '',
    ...lines,
    `Shipping: ${formatMoney(order.shippingMinor, order.currency)}`,
    `Total: ${formatMoney(order.totalMinor, order.currency)}`,
    '',
    `Follow your order: ${link}`,
  ].join('\n');
  const bodyHtml = `<p>Thank you for your order <strong>${esc(order.number)}</strong>. We will print it from your design and let you know when it ships.</p>
${preorder ? `<p><strong>${esc(preorder)}</strong></p>` : ''}
<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>
<p>Shipping: ${esc(formatMoney(order.shippingMinor, order.currency))}<br><strong>Total: ${esc(formatMoney(order.totalMinor, order.currency))}</strong></p>
<p><a href="${esc(link)}">Follow your order</a></p>`;
  await sendEmail({
    to: order.email,
    subject: `Your Seedprint order ${order.number}`,
    text,
    html: renderEmailLayout({ title: `Order ${order.number} confirmed`, bodyHtml }),
    kind: 'order-confirmation',
  });
}

type Shipment = OrderView['shipments'][number];

/** A shipment as one line: carrier, tracking number and its link (only http(s) links are kept). */
function trackingParts(s: Shipment): { label: string; url: string | null } {
  const label = [s.carrier, s.trackingNumber].filter(Boolean).join(' ') || 'Parcel';
  const url = s.trackingUrl && /^https?:\/\//i.test(s.trackingUrl) ? s.trackingUrl : null;
  return { label, url };
}

function trackingHtml(shipments: Shipment[]): string {
  if (!shipments.length) return '';
  const items = shipments.map((s) => {
    const t = trackingParts(s);
    return `<li>${esc(t.label)}${t.url ? ` — <a href="${esc(t.url)}">Track your parcel</a>` : ''}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function trackingText(shipments: Shipment[]): string[] {
  return shipments.map((s) => {
    const t = trackingParts(s);
    return t.url ? `${t.label}: ${t.url}` : t.label;
  });
}

/** "Your order has shipped", with every parcel's tracking link. Sent once, when the order ships. */
export async function sendOrderShipped(orderId: string): Promise<void> {
  const order = await findOrder(orderId);
  if (!order) return;
  const link = orderUrl(order.id);
  const first = order.shipments.map(trackingParts).find((t) => t.url);
  const text = [
    `Good news: your order ${order.number} is on its way.`,
    '',
    ...(order.shipments.length ? ['Tracking:', ...trackingText(order.shipments), ''] : []),
    ...order.items.map((i) => `${i.quantity} × ${i.productName} (${i.variantLabel})`),
    '',
    `Follow your order: ${link}`,
  ].join('\n');
  const bodyHtml = `<p>Good news: your order <strong>${esc(order.number)}</strong> has left the print shop and is on its way.</p>
${trackingHtml(order.shipments)}
${first?.url ? emailButton(first.url, 'Track your parcel') : ''}
<ul>${order.items.map((i) => `<li>${esc(`${i.quantity} × ${i.productName} (${i.variantLabel})`)}</li>`).join('')}</ul>
<p><a href="${esc(link)}">Follow your order</a></p>`;
  await sendEmail({
    to: order.email,
    subject: `Your Seedprint order ${order.number} has shipped`,
    text,
    html: renderEmailLayout({ title: `Order ${order.number} has shipped`, bodyHtml, preheader: first ? `Tracking: ${trackingText(order.shipments)[0]}` : undefined }),
    kind: 'order-shipped',
  });
}

/** "Your order was delivered". Sent once, when the carrier has delivered every parcel. */
export async function sendOrderDelivered(orderId: string): Promise<void> {
  const order = await findOrder(orderId);
  if (!order) return;
  const link = orderUrl(order.id);
  const text = [
    `Your order ${order.number} has been delivered. We hope you love it.`,
    '',
    ...(order.shipments.length ? ['Tracking:', ...trackingText(order.shipments), ''] : []),
    `Your order: ${link}`,
    'If anything is wrong with it, reply to this e-mail and we will put it right.',
  ].join('\n');
  const bodyHtml = `<p>Your order <strong>${esc(order.number)}</strong> has been delivered. We hope you love it.</p>
${trackingHtml(order.shipments)}
<p><a href="${esc(link)}">See your order</a></p>
<p>If anything is wrong with it, reply to this e-mail and we will put it right.</p>`;
  await sendEmail({
    to: order.email,
    subject: `Your Seedprint order ${order.number} was delivered`,
    text,
    html: renderEmailLayout({ title: `Order ${order.number} delivered`, bodyHtml }),
    kind: 'order-delivered',
  });
}
