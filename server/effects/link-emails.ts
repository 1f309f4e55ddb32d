// Emails whose link is a secret (sign-in, email verification, team
// invitations). The job names the row; the token is derived from the row's id
// and AUTH_SECRET here, while sending, so neither the job queue nor the
// invitation tables ever hold it (server/domain/accounts/sign-in-links.ts).
import { linkToken } from '../domain/accounts';
import type { JobContext, JobOutcome } from '../jobs/context';
import type { JobPayload } from '../jobs/kinds';
import { deliverEmail } from '../mail/deliver';
import { emailLocale, emailWords } from '../mail/i18n';
import { escapeHtml } from '../mail/templates';

const REDACTED = {
  text: '(The link in this email is not kept after sending.)',
  html: '<p>(The link in this email is not kept after sending.)</p>',
};

export async function linkEmailJob(payload: JobPayload<'auth.link-email'>, ctx: JobContext): Promise<JobOutcome> {
  const row = await ctx.db.signInToken.findUnique({
    where: { id: payload.tokenId },
    select: { email: true, purpose: true, usedAt: true, expiresAt: true },
  });
  // Spent or expired before the queue reached it: an email would only confuse.
  if (!row || row.usedAt || row.expiresAt <= new Date()) return 'discard';
  const token = linkToken(ctx.env.AUTH_SECRET, 'sign-in', payload.tokenId);
  const link = `${ctx.env.PUBLIC_URL}/signin/link?token=${token}&callbackUrl=${encodeURIComponent(payload.callbackUrl)}`;
  const verify = row.purpose === 'verify-email';
  // In the account's language when the address has one (set at sign-up from the page), else English.
  const account = await ctx.db.user.findUnique({ where: { email: row.email }, select: { locale: true } });
  const lang = emailLocale(account?.locale);
  const w = emailWords(lang).link;
  const text = verify ? `${w.verifyIntro}\n\n${link}\n\n${w.verifyWarning}` : `${w.signInIntro}\n\n${link}\n\n${w.signInIgnore}`;
  const html = verify
    ? `<div lang="${lang}"><p>${escapeHtml(w.verifyIntro)}</p><p><a href="${link}">${escapeHtml(w.verifyButton)}</a></p><p>${escapeHtml(w.verifyWarning)}</p></div>`
    : `<div lang="${lang}"><p>${escapeHtml(w.signInIntro)}</p><p><a href="${link}">${escapeHtml(w.signInButton)}</a></p><p>${escapeHtml(w.signInIgnore)}</p></div>`;
  return deliverEmail(
    ctx,
    {
      dedupeKey: `sign-in-link:${payload.tokenId}`,
      to: row.email,
      kind: verify ? 'auth.verify-email' : 'auth.sign-in-link',
      subject: verify ? w.verifySubject : w.signInSubject,
      text,
      html,
    },
    { storedCopy: REDACTED },
  );
}

export async function brandInviteEmailJob(payload: JobPayload<'brand.invite-email'>, ctx: JobContext): Promise<JobOutcome> {
  const invite = await ctx.db.brandInvite.findUnique({
    where: { id: payload.inviteId },
    select: {
      email: true,
      role: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      brand: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) return 'discard';
  const link = `${ctx.env.PUBLIC_URL}/invites/${linkToken(ctx.env.AUTH_SECRET, 'brand-invite', payload.inviteId)}`;
  // The invitee's language if the address already has an account; English otherwise.
  const account = await ctx.db.user.findUnique({ where: { email: invite.email }, select: { locale: true } });
  const lang = emailLocale(account?.locale);
  const w = emailWords(lang).invite;
  const roleKey = invite.role.toLowerCase();
  const role = w.roles[roleKey] ?? roleKey;
  const inviter = invite.invitedBy.name;
  return deliverEmail(
    ctx,
    {
      dedupeKey: `brand-invite:${payload.inviteId}`,
      to: invite.email,
      kind: 'brand.invite',
      subject: w.brandSubject(inviter, invite.brand.name).replace(/[\r\n]+/g, ' '),
      text: `${w.brandLine(inviter, invite.brand.name, role)}\n\n${w.brandAccept} (${w.brandValid}): ${link}`,
      html: `<div lang="${lang}"><p>${escapeHtml(w.brandLine(inviter, invite.brand.name, role))}</p><p><a href="${link}">${escapeHtml(w.brandAccept)}</a> (${escapeHtml(w.brandValid)})</p></div>`,
    },
    { storedCopy: REDACTED },
  );
}
