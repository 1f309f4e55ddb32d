import { emailLocale, emailTranslator } from '../../mail/i18n';
import { enqueueEmail } from '../../mail/outbox';
import { escapeHtml } from '../../mail/templates';
import type { Db } from '../context';

/** A unit just held for someone in line, as the live shows featuring its product are told. */
export interface WaitlistOffer {
  entryId: string;
  userId: string;
  variantId: string;
  productId: string;
  productTitle: string;
  variantName: string;
  holdExpiresAt: string;
  /** Live shows whose lineup or pin holds the product: where the "back in stock" toast goes. */
  showIds: string[];
}

type OfferRow = Omit<WaitlistOffer, 'holdExpiresAt' | 'showIds'> & { holdExpiresAt: Date };

/**
 * Claims the holds no node has announced yet (one conditional UPDATE: with several
 * nodes each hold is claimed by exactly one, and a claim that rolled back is
 * claimed again next time) and says where to announce them.
 */
export async function claimNewOffers(db: Db, limit = 200): Promise<WaitlistOffer[]> {
  const rows = await db.$queryRaw<OfferRow[]>`
    UPDATE "WaitlistEntry" w SET "announcedAt" = (now() AT TIME ZONE 'UTC')
      FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId"
     WHERE w."id" IN (SELECT "id" FROM "WaitlistEntry" WHERE "status" = 'HELD' AND "announcedAt" IS NULL
                      ORDER BY "heldAt", "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       AND v."id" = w."variantId"
    RETURNING w."id" AS "entryId", w."userId", w."variantId", v."productId", p."title" AS "productTitle", v."name" AS "variantName",
              w."holdExpiresAt"`;
  if (rows.length === 0) return [];
  const productIds = [...new Set(rows.map((r) => r.productId))];
  const shows = await db.show.findMany({
    where: { status: 'LIVE', OR: [{ lineup: { some: { productId: { in: productIds } } } }, { pinnedProductId: { in: productIds } }] },
    select: { id: true, pinnedProductId: true, lineup: { where: { productId: { in: productIds } }, select: { productId: true } } },
  });
  return rows.map((r) => ({
    ...r,
    holdExpiresAt: r.holdExpiresAt.toISOString(),
    showIds: shows.filter((s) => s.pinnedProductId === r.productId || s.lineup.some((l) => l.productId === r.productId)).map((s) => s.id),
  }));
}

/**
 * The "back in stock, held for you" email, in the person's language, once per hold
 * (the dedupe key names the moment it was held). A hold that already ended sends nothing.
 */
export async function emailWaitlistOffer(db: Db, entryId: string, heldAt: string, publicUrl: string): Promise<void> {
  const entry = await db.waitlistEntry.findUnique({
    where: { id: entryId },
    select: {
      status: true,
      heldAt: true,
      holdSeconds: true,
      showId: true,
      user: { select: { email: true, name: true, locale: true, deletedAt: true } },
      variant: {
        select: { name: true, productId: true, product: { select: { title: true, brand: { select: { slug: true, name: true } } } } },
      },
    },
  });
  if (!entry || entry.status !== 'HELD' || entry.user.deletedAt || entry.heldAt?.toISOString() !== heldAt) return;
  const locale = emailLocale(entry.user.locale);
  const t = emailTranslator(locale);
  const product = `${entry.variant.product.title} — ${entry.variant.name}`;
  // Units are sold in live shows: the link goes to one featuring the product now, else to where they asked.
  const productId = entry.variant.productId;
  const live = await db.show.findFirst({
    where: { status: 'LIVE', OR: [{ pinnedProductId: productId }, { lineup: { some: { productId } } }] },
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
    select: { id: true },
  });
  const showId = live?.id ?? entry.showId;
  const path = showId ? `/shows/${showId}` : `/brands/${entry.variant.product.brand.slug}`;
  const url = new URL(path, publicUrl).toString();
  const minutes = Math.round(entry.holdSeconds / 60);
  const lines = [
    t('email.greeting', { name: entry.user.name }),
    t('email.waitlist.line', { product, brand: entry.variant.product.brand.name }),
    t('email.waitlist.hold', { count: minutes }),
    `${t('email.waitlist.buyHere')} ${url}`,
  ];
  await enqueueEmail(db, {
    dedupeKey: `waitlist-offer:${entryId}:${heldAt}`,
    to: entry.user.email,
    subject: t('email.waitlist.subject', { product }),
    text: lines.join('\n\n'),
    html: `<div lang="${locale}">${lines
      .slice(0, 3)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n')}\n<p><a href="${escapeHtml(url)}">${escapeHtml(t('email.waitlist.buyHere'))}</a></p></div>`,
    kind: 'waitlist.offer',
  });
}
