import { enqueueEmail } from '../../mail/outbox';
import { emailFormats, emailLocale, emailTranslator, emailWords } from '../../mail/i18n';
import { escapeHtml } from '../../mail/templates';
import type { Db } from '../context';

export interface HostInviteFacts {
  showId: string;
  title: string;
  start: Date;
  plannedDurationMinutes: number;
  commissionRateBps: number;
  brand: { name: string; timeZone: string };
  host: { id: string; name: string; email: string };
}

/** The invitation an influencer gets when a brand picks them to host a show; one per show and host. */
export async function emailHostInvite(db: Db, facts: HostInviteFacts, publicUrl: string): Promise<void> {
  const link = `${publicUrl}/dashboard/host`;
  // The host's own language (set from the pages they use), English when unknown.
  const lang = emailLocale((await db.user.findUnique({ where: { id: facts.host.id }, select: { locale: true } }))?.locale);
  const words = emailWords(lang);
  const when = `${emailFormats(lang).dateTime(facts.start, 'full', facts.brand.timeZone)} (${facts.brand.timeZone})`;
  const commission = `${facts.commissionRateBps / 100} %`;
  const lines = [
    words.greeting(facts.host.name),
    words.invite.hostLine(facts.brand.name, facts.title, when, String(facts.plannedDurationMinutes), commission),
    `${words.invite.hostAction}: ${link}`,
  ];
  await enqueueEmail(db, {
    dedupeKey: `host-invite:${facts.showId}:${facts.host.id}`,
    to: facts.host.email,
    subject: words.invite.hostSubject(facts.brand.name, facts.title),
    text: lines.join('\n\n'),
    html: lines
      .slice(0, 2)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .concat(`<p><a href="${escapeHtml(link)}">${escapeHtml(words.invite.hostAction)}</a></p>`)
      .join('\n'),
    kind: 'show.host-invite',
  });
}

/** Tells the brand's team that the host accepted or declined, so nobody has to poll the shows list. */
export async function emailBrandOfHostAnswer(db: Db, showId: string, answer: 'ACCEPTED' | 'DECLINED', publicUrl: string): Promise<void> {
  const show = await db.show.findUniqueOrThrow({
    where: { id: showId },
    select: {
      title: true,
      host: { select: { name: true } },
      brand: {
        select: {
          slug: true,
          name: true,
          members: { select: { user: { select: { id: true, email: true, locale: true, deletedAt: true } } } },
        },
      },
    },
  });
  const link = `${publicUrl}/dashboard/brands/${show.brand.slug}/shows/${showId}`;
  const accepted = answer === 'ACCEPTED';
  for (const { user } of show.brand.members) {
    if (user.deletedAt) continue;
    // Each member reads it in their own language.
    const lang = emailLocale(user.locale);
    const t = emailTranslator(lang);
    const values = { host: show.host.name, title: show.title, brand: show.brand.name };
    const line = accepted ? t('email.hostAnswer.acceptedLine', values) : t('email.hostAnswer.declinedLine', values);
    const open = t('email.hostAnswer.open');
    await enqueueEmail(db, {
      dedupeKey: `host-answer:${showId}:${answer}:${user.id}`,
      to: user.email,
      subject: (accepted ? t('email.hostAnswer.acceptedSubject', values) : t('email.hostAnswer.declinedSubject', values)).replace(
        /[\r\n]+/g,
        ' ',
      ),
      text: `${line}\n\n${open}: ${link}`,
      html: `<div lang="${lang}"><p>${escapeHtml(line)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p></div>`,
      kind: 'show.host-answer',
    });
  }
}
