// The two emails a buyer gets about an order: the receipt once it is paid and
// the shipping notice with its tracking, in the buyer's stored language
// (User.locale, English when unknown); names and titles are user input and go through escapeHtml.
// Neither ever throws: both run after the order changed, and a lost email must
// not turn a placed order or a shipped parcel into a refusal.
import { enqueueEmail, type OutgoingEmail } from '../../mail/outbox';
import { escapeHtml } from '../../mail/templates';
import { EMAIL_LOCALES, emailFormats, emailLocale, emailWords, type EmailLocale } from '../../mail/i18n';
import type { Db } from '../context';
import { localizeProducts } from '../product-content';
import { shippingAddressSelect, withShippingAddress } from './order-address';

export const receiptEmailKey = (orderId: string) => `order-receipt:${orderId}`;
export const shippedEmailKey = (orderId: string) => `order-shipped:${orderId}`;

/** The buyer's page of one order, which also shows the shipment's tracking; by id, since numbers count per brand. */
export function orderPageUrl(publicUrl: string, orderId: string): string {
  return new URL(`/account/orders/${orderId}`, publicUrl).toString();
}

function money(minor: number, currency: string, locale: EmailLocale = 'en'): string {
  return emailFormats(locale).price(minor, currency);
}

/**
 * Builds the receipt's money formatters before the first order needs them. The
 * first currency formatter a process builds for a language loads ICU's data for
 * it, which blocked the event loop for about 200 ms inside the first sale of a
 * purchase storm (issue 14's profile); at boot nobody waits for it.
 */
export async function warmReceiptFormats(db: Db): Promise<void> {
  const brands = await db.brand.findMany({ select: { currency: true }, distinct: ['currency'] });
  for (const { currency } of brands) for (const locale of EMAIL_LOCALES) money(0, currency, locale);
}

const emailOrderSelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  subtotalMinor: true,
  shippingMinor: true,
  discountMinor: true,
  totalMinor: true,
  carrier: true,
  trackingNumber: true,
  buyer: { select: { name: true, email: true, locale: true, deletedAt: true } },
  brand: { select: { name: true } },
  items: {
    select: {
      title: true,
      quantity: true,
      unitPriceMinor: true,
      variant: { select: { id: true, name: true, product: { select: { id: true, title: true } } } },
    },
    orderBy: { id: 'asc' },
  },
  ...shippingAddressSelect,
} as const;

async function loadOrder(db: Db, orderId: string, locale?: string | null) {
  const order = await db.order.findUnique({ where: { id: orderId }, select: emailOrderSelect });
  // A deleted account keeps its orders but has no address to write to.
  if (!order || order.buyer.deletedAt) return null;
  const { items, ...rest } = withShippingAddress(order);
  return { ...rest, items: await itemsInLanguage(db, items, emailLocale(locale ?? order.buyer.locale)) };
}

type EmailItemRow = {
  title: string;
  quantity: number;
  unitPriceMinor: number;
  variant: { id: string; name: string; product: { id: string; title: string } };
};

/**
 * The lines in the buyer's language where the brand wrote the product's words in it (issue 19
 * item 6); otherwise the title copied when the order was placed, which a later rename never changes.
 */
async function itemsInLanguage(db: Db, items: readonly EmailItemRow[], locale: EmailLocale) {
  const plain = items.map(({ variant: _variant, ...line }) => line);
  if (locale === 'en') return plain;
  const texts = items.map((i) => ({
    id: i.variant.product.id,
    title: i.variant.product.title,
    variants: [{ id: i.variant.id, name: i.variant.name }],
  }));
  const localized = await localizeProducts(db, texts, locale);
  return plain.map((line, n) => {
    const own = texts[n]!;
    const read = localized[n]!;
    const translated = read.title !== own.title || read.variants[0]!.name !== own.variants[0]!.name;
    return translated ? { ...line, title: `${read.title} — ${read.variants[0]!.name}` } : line;
  });
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
  /** locale: the buyer's stored language; absent or unknown means English. */
  buyer: { name: string; email: string; locale?: string | null };
  brand: { name: string };
  items: readonly { title: string; quantity: number; unitPriceMinor: number }[];
  address: EmailOrder['address'];
}

function lineList(order: ReceiptOrder, locale: EmailLocale = 'en'): string[] {
  const w = emailWords(locale);
  const m = (minor: number) => money(minor, order.currency, locale);
  const lines = order.items.map((i) => `${i.quantity} × ${i.title} — ${m(i.unitPriceMinor * i.quantity)}`);
  const totals = [
    `${w.subtotal}: ${m(order.subtotalMinor)}`,
    `${w.shipping}: ${order.shippingMinor === 0 ? w.free : m(order.shippingMinor)}`,
  ];
  if (order.discountMinor > 0) totals.push(`${w.discount}: −${m(order.discountMinor)}`);
  totals.push(`${w.totalPaid}: ${m(order.totalMinor)}`);
  return [...lines, '', ...totals];
}

function addressLines(order: ReceiptOrder): string[] {
  const a = order.address;
  if (!a) return [];
  return [a.fullName, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean);
}

function html(
  paragraphs: readonly (string | readonly string[])[],
  link: { href: string; label: string } | null,
  locale: EmailLocale = 'en',
): string {
  const body = paragraphs.map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p>${p.map(escapeHtml).join('<br>')}</p>`));
  if (link) body.push(`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`);
  // The language tag lets mail clients pick a font and a screen reader a voice.
  return `<div lang="${locale}">\n${body.join('\n')}\n</div>`;
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

/**
 * The receipt of an order paid in one statement, which wrote only an
 * 'order.receipt' job: run by that job, so it throws (and is retried) rather than
 * lose the email. `locale` is the language of the page the buyer paid on, when known.
 */
export async function queueReceiptEmail(db: Db, orderId: string, locale: string | null, publicUrl?: string): Promise<void> {
  const order = await loadOrder(db, orderId, locale);
  if (!order) return;
  await enqueueEmail(db, receiptEmail(locale ? { ...order, buyer: { ...order.buyer, locale } } : order, publicUrl));
}

/** The receipt itself; the one-tap purchase writes it from data it already holds, without reading the order back. */
export function receiptEmail(order: ReceiptOrder, publicUrl?: string): OutgoingEmail {
  const link = publicUrl ? orderPageUrl(publicUrl, order.id) : null;
  const locale = emailLocale(order.buyer.locale);
  const w = emailWords(locale);
  const n = String(order.number);
  const paragraphs = [
    w.greeting(order.buyer.name),
    w.receiptIntro(order.brand.name),
    lineList(order, locale),
    ...(order.address ? [[w.shippingTo, ...addressLines(order)]] : []),
    link ? w.followHere : w.followInAccount,
  ];
  return {
    dedupeKey: receiptEmailKey(order.id),
    to: order.buyer.email,
    subject: w.receiptSubject(n),
    text: text(paragraphs, link),
    html: html(paragraphs, link ? { href: link, label: w.orderLink(n) } : null, locale),
    kind: 'order.receipt',
  };
}

/** The shipping notice with carrier, tracking number and the order's tracking page; once per order. */
export async function sendShippedEmail(db: Db, orderId: string, publicUrl: string): Promise<void> {
  try {
    const order = await loadOrder(db, orderId);
    if (!order) return;
    const link = orderPageUrl(publicUrl, order.id);
    const locale = emailLocale(order.buyer.locale);
    const w = emailWords(locale);
    const n = String(order.number);
    const paragraphs = [
      w.greeting(order.buyer.name),
      w.shippedIntro(order.brand.name, n),
      [`${w.carrier}: ${order.carrier ?? '—'}`, `${w.trackingNumber}: ${order.trackingNumber ?? '—'}`],
      order.items.map((i) => `${i.quantity} × ${i.title}`),
      w.trackHere,
    ];
    await enqueueEmail(db, {
      dedupeKey: shippedEmailKey(order.id),
      to: order.buyer.email,
      subject: w.shippedSubject(n),
      text: text(paragraphs, link),
      html: html(paragraphs, { href: link, label: w.trackLink(n) }, locale),
      kind: 'order.shipped',
    });
  } catch (error) {
    console.error('shipping email not queued', { orderId, error });
  }
}
