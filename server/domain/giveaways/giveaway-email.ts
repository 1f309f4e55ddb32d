import { emailLocale, emailTranslator } from '../../mail/i18n';
import { enqueueEmail } from '../../mail/outbox';
import { escapeHtml } from '../../mail/templates';
import type { Db } from '../context';

/**
 * The winner's email, in their language, once per giveaway and winner (the dedupe
 * key): what they won, and how the prize reaches them. The realtime layer that
 * draws does not know the public address, so the links are paths in words.
 */
export async function emailGiveawayWinner(
  db: Db,
  giveaway: { id: string; prizeText: string; showId: string },
  userId: string,
): Promise<void> {
  const [user, win, show] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true, deletedAt: true } }),
    db.giveawayWinner.findUnique({
      where: { giveawayId_userId: { giveawayId: giveaway.id, userId } },
      select: { status: true, orderId: true },
    }),
    db.show.findUnique({ where: { id: giveaway.showId }, select: { title: true } }),
  ]);
  if (!user || user.deletedAt || !win) return;
  const order = win.orderId ? await db.order.findUnique({ where: { id: win.orderId }, select: { number: true } }) : null;
  const t = emailTranslator(emailLocale(user.locale));
  const how =
    win.status === 'ORDERED' && order
      ? t('engage.email.ordered', { number: order.number })
      : win.status === 'NEEDS_ADDRESS'
        ? t('engage.email.needsAddress')
        : t('engage.email.noOrder');
  const lines = [
    t('email.greeting', { name: user.name }),
    t('engage.email.winLine', { prize: giveaway.prizeText, show: show?.title ?? '' }),
    how,
    t('engage.email.verify', { id: giveaway.id }),
  ];
  await enqueueEmail(db, {
    dedupeKey: `giveaway-win:${giveaway.id}:${userId}`,
    to: user.email,
    subject: t('engage.email.winSubject', { prize: giveaway.prizeText }),
    text: lines.join('\n\n'),
    html: `<div lang="${emailLocale(user.locale)}">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}</div>`,
    kind: 'giveaway.winner',
  });
}
