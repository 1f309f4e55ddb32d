// The brand decides who may find a show; each invitee of an INVITE_ONLY show gets a personal join
// link by email (the existing outbox), which lets them in without an account.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { enqueueEmails } from '../../mail/outbox';
import { emailFormats, emailLocale, emailTranslator } from '../../mail/i18n';
import { escapeHtml } from '../../mail/templates';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';
import { SHOW_VISIBILITIES } from './visibility';

export const SHOW_INVITES_MAX = 500;

export const showVisibilitySchema = z.object({
  visibility: z.enum(SHOW_VISIBILITIES),
  inviteFollowers: z.coerce.boolean().default(false),
  /** Emails separated by commas, spaces or new lines (the dashboard's text area). */
  emails: z
    .string()
    .max(50_000, 'TEXT_TOO_LONG')
    .default('')
    .transform((text) => [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().email('TEAM_EMAIL_INVALID')).max(SHOW_INVITES_MAX, 'TEXT_TOO_LONG')),
});
export type ShowVisibilityInput = z.input<typeof showVisibilitySchema>;

export interface ShowPrivacy {
  visibility: (typeof SHOW_VISIBILITIES)[number];
  inviteFollowers: boolean;
  invites: { email: string; sentAt: Date | null }[];
}

/** The personal join link an invitee receives. */
export const joinLink = (publicUrl: string, token: string) => `${publicUrl}/api/shows/join/${token}`;

async function requireBrandShow(db: Db, actor: Actor, slug: string, showId: string) {
  const brand = await requireBrandMember(db, actor, { slug });
  const show = await db.show.findFirst({
    where: { id: showId, brandId: brand.brandId },
    select: { id: true, title: true, status: true, scheduledStart: true },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} is not in brand ${slug}`);
  return { brand, show };
}

export async function getShowPrivacy(db: Db, actor: Actor, slug: string, showId: string): Promise<ShowPrivacy> {
  await requireBrandShow(db, actor, slug, showId);
  const show = await db.show.findUniqueOrThrow({
    where: { id: showId },
    select: { visibility: true, inviteFollowers: true, invites: { select: { email: true, sentAt: true }, orderBy: { createdAt: 'asc' } } },
  });
  return show;
}

/**
 * Sets who may find and join the show. The email list is the whole list: emails no longer on it
 * lose their invitation (their link stops working); new ones are invited and emailed once.
 */
export async function setShowPrivacy(
  db: Db,
  actor: Actor,
  slug: string,
  showId: string,
  input: ShowVisibilityInput,
  opts: { publicUrl: string },
): Promise<{ invited: number }> {
  const parsed = showVisibilitySchema.safeParse(input);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  const { visibility, inviteFollowers, emails } = parsed.data;
  const { brand, show } = await requireBrandShow(db, actor, slug, showId);
  if (show.status === 'ENDED' || show.status === 'CANCELLED') throw new AppError('SHOW_NOT_EDITABLE', `show ${showId} is ${show.status}`);
  const keep = visibility === 'INVITE_ONLY' ? emails : [];
  const fresh = await db.$transaction(async (tx) => {
    await tx.show.update({ where: { id: showId }, data: { visibility, inviteFollowers: visibility === 'INVITE_ONLY' && inviteFollowers } });
    await tx.showInvite.deleteMany({ where: { showId, email: { notIn: keep } } });
    const existing = new Set((await tx.showInvite.findMany({ where: { showId }, select: { email: true } })).map((i) => i.email));
    const rows = keep
      .filter((email) => !existing.has(email))
      .map((email) => ({ showId, email, token: randomBytes(24).toString('base64url') }));
    await tx.showInvite.createMany({ data: rows, skipDuplicates: true });
    return rows;
  });
  if (fresh.length > 0) await emailInvites(db, { ...show, brandName: brand.name, timeZone: brand.timeZone }, fresh, opts.publicUrl);
  return { invited: fresh.length };
}

interface InviteShow {
  id: string;
  title: string;
  scheduledStart: Date;
  brandName: string;
  timeZone: string;
}

async function emailInvites(db: Db, show: InviteShow, invites: { email: string; token: string }[], publicUrl: string): Promise<void> {
  // An invitee with an account reads it in their language; anyone else in English.
  const accounts = await db.user.findMany({ where: { email: { in: invites.map((i) => i.email) } }, select: { email: true, locale: true } });
  const localeOf = new Map(accounts.map((a) => [a.email.toLowerCase(), a.locale]));
  const emails = invites.map((invite) => {
    const lang = emailLocale(localeOf.get(invite.email));
    const t = emailTranslator(lang);
    const when = `${emailFormats(lang).dateTime(show.scheduledStart, 'full', show.timeZone)} (${show.timeZone})`;
    const values = { brand: show.brandName, title: show.title, when };
    const line = t('email.showInvite.line', values);
    const open = t('email.showInvite.open');
    const link = joinLink(publicUrl, invite.token);
    return {
      dedupeKey: `show-invite:${show.id}:${invite.email}`,
      to: invite.email,
      subject: t('email.showInvite.subject', values).replace(/[\r\n]+/g, ' '),
      text: `${line}\n\n${open}: ${link}`,
      html: `<div lang="${lang}"><p>${escapeHtml(line)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p></div>`,
      kind: 'show.invite',
    };
  });
  await enqueueEmails(db, emails);
  await db.showInvite.updateMany({ where: { showId: show.id, email: { in: invites.map((i) => i.email) } }, data: { sentAt: new Date() } });
}

/** The show a personal join link opens, or SHOW_PRIVATE for a link that was withdrawn or never existed. */
export async function redeemJoinToken(db: Db, token: string): Promise<{ showId: string }> {
  const invite = await db.showInvite.findUnique({ where: { token }, select: { showId: true } });
  if (!invite) throw new AppError('SHOW_PRIVATE', 'unknown join token');
  return invite;
}
