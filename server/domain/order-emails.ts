// The two emails a buyer gets about an order: the receipt once it is paid and
// the shipping notice with its tracking. English only, like every email so far
// (templates.ts); names and titles are user input and go through escapeHtml.
// Neither ever throws: both run after the order changed, and a lost email must
// not turn a placed order or a shipped parcel into a refusal.
import { enqueueEmail, type OutgoingEmail } from '../mail/outbox';
import { escapeHtml } from '../mail/templates';
import { currencyFormat } from './money-format';
import type { Db } from './context';
import { shippingAddressSelect, withShippingAddress } from './order-address';

export const receiptEmailKey = (orderId: string) => `order-receipt:${orderId}`;
export const shippedEmailKey = (orderId: string) => `order-shipped:${orderId}`;

/** The buyer's page of one order, which also shows the shipment's tracking. */
export function orderPageUrl(publicUrl: string, orderNumber: number): string {
  return new URL(`/account/orders/${orderNumber}`, publicUrl).toString();
}

function money(minor: number, currency: string): string {
  return currencyFormat(currency).format(minor);
}

const emailOrderSelect = {
  id: true, number: true, status: true, currency: true, subtotalMinor: true, shippingMinor: true, discountMinor: true, totalMinor: true,
  carrier: true, trackingNumber: true,
  buyer: { select: { name: true, email: true, deletedAt: true } },
  brand: { select: { name: true } },
  items: { select: { title: true, quantity: true, unitPriceMinor: true }, orderBy: { id: 'asc' } },
  ...shippingAddressSelect,
} as const;

async function loadOrder(db: Db, orderId: string) {
  const order = await db.order.findUnique({ where: { id: orderId }, select: emailOrderSelect });
  // A deleted account keeps its orders but has no address to write to.
  return order && !order.buyer.deletedAt ? withShippingAddress(order) : null;
}

type EmailOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

/** What a receipt says, wherever the order's data came from. */
export interface ReceiptOrder {
  id: string;
  number: number;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  discountMinor: number;
  totalMinor: number;
  buyer: { name: string; email: string };
  brand: { name: string };
  items: readonly { title: string; quantity: number; unitPriceMinor: number }[];
  address: EmailOrder['address'];
}

function lineList(order: ReceiptOrder): string[] {
  const lines = order.items.map((i) => `${i.quantity} × ${i.title} — ${money(i.unitPriceMinor * i.quantity, order.currency)}`);
  const totals = [`Subtotal: ${money(order.subtotalMinor, order.currency)}`, `Shipping: ${order.shippingMinor === 0 ? 'free' : money(order.shippingMinor, order.currency)}`];
  if (order.discountMinor > 0) totals.push(`Discount: −${money(order.discountMinor, order.currency)}`);
  totals.push(`Total paid: ${money(order.totalMinor, order.currency)}`);
  return [...lines, '', ...totals];
}

function addressLines(order: ReceiptOrder): string[] {
  const a = order.address;
  if (!a) return [];
  return [a.fullName, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean);
}

function html(paragraphs: readonly (string | readonly string[])[], link: { href: string; label: string } | null): string {
  const body = paragraphs.map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p>${p.map(escapeHtml).join('<br>')}</p>`));
  if (link) body.push(`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`);
  return body.join('\n');
}

function text(paragraphs: readonly (string | readonly string[])[], link: string | null): string {
  return [...paragraphs.map((p) => (typeof p === 'string' ? p : p.join('\n'))), ...(link ? [link] : [])].join('\n\n');
}

/**
 * The receipt, once per order whatever calls it (the dedupe key is the order).
 * Without `publicUrl` (the realtime layer does not know it) the email points
 * to "Your orders" in words instead of a link.
 */
export async function sendReceiptEmail(db: Db, orderId: string, publicUrl?: string): Promise<void> {
  try {
    const order = await loadOrder(db, orderId);
    if (!order) return;
    await enqueueEmail(db, receiptEmail(order, publicUrl));
  } catch (error) {
    console.error('receipt email not queued', { orderId, error });
  }
}

/** The receipt itself; the one-tap purchase writes it from data it already holds, without reading the order back. */
export function receiptEmail(order: ReceiptOrder, publicUrl?: string): OutgoingEmail {
  const link = publicUrl ? orderPageUrl(publicUrl, order.number) : null;
  const paragraphs = [
    `Hi ${order.buyer.name || 'there'},`,
    `Thank you for your order from ${order.brand.name}. We have your payment, and we will email you again when it ships.`,
    lineList(order),
    ...(order.address ? [['Shipping to:', ...addressLines(order)]] : []),
    link ? 'Follow your order here:' : 'You can follow it under “Your orders” in your account.',
  ];
  return {
    dedupeKey: receiptEmailKey(order.id),
    to: order.buyer.email,
    subject: `Your receipt for order #${order.number}`,
    text: text(paragraphs, link),
    html: html(paragraphs, link ? { href: link, label: `Order #${order.number}` } : null),
    kind: 'order.receipt',
  };
}

/** The shipping notice with carrier, tracking number and the order's tracking page; once per order. */
export async function sendShippedEmail(db: Db, orderId: string, publicUrl: string): Promise<void> {
  try {
    const order = await loadOrder(db, orderId);
    if (!order) return;
    const link = orderPageUrl(publicUrl, order.number);
    const paragraphs = [
      `Hi ${order.buyer.name || 'there'},`,
      `Good news: ${order.brand.name} has shipped order #${order.number}.`,
      [`Carrier: ${order.carrier ?? '—'}`, `Tracking number: ${order.trackingNumber ?? '—'}`],
      order.items.map((i) => `${i.quantity} × ${i.title}`),
      'Track your order here:',
    ];
    await enqueueEmail(db, {
      dedupeKey: shippedEmailKey(order.id),
      to: order.buyer.email,
      subject: `Order #${order.number} has shipped`,
      text: text(paragraphs, link),
      html: html(paragraphs, { href: link, label: `Track order #${order.number}` }),
      kind: 'order.shipped',
    });
  } catch (error) {
    console.error('shipping email not queued', { orderId, error });
  }
}
