// The order confirmation e-mail (SMTP when configured, otherwise the dev outbox).
import { formatMoney } from '../catalog';
import { renderEmailLayout, sendEmail } from '../email';
import { findOrder } from './order-repository';
import { orderUrl } from './order-links';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function sendOrderConfirmation(orderId: string): Promise<void> {
  const order = await findOrder(orderId);
  if (!order) return;
  const link = orderUrl(order.id);
  const lines = order.items.map((i) => `${i.quantity} × ${i.productName} (${i.variantLabel}) — ${formatMoney(i.unitPriceMinor * i.quantity, order.currency)}`);
  const text = [
    `Thank you for your order ${order.number}.`,
    '',
    ...lines,
    `Shipping: ${formatMoney(order.shippingMinor, order.currency)}`,
    `Total: ${formatMoney(order.totalMinor, order.currency)}`,
    '',
    `Follow your order: ${link}`,
  ].join('\n');
  const bodyHtml = `<p>Thank you for your order <strong>${esc(order.number)}</strong>. We will print it from your design recipe and let you know when it ships.</p>
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
