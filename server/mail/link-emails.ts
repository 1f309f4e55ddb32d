// Emails whose link is a secret (sign-in, email verification, team
// invitations). The job names the row; the token is derived from the row's id
// and AUTH_SECRET here, while sending, so neither the job queue nor the
// invitation tables ever hold it (server/domain/sign-in-links.ts).
import { linkToken } from '../domain/sign-in-links';
import type { JobContext, JobOutcome } from '../jobs/context';
import type { JobPayload } from '../jobs/kinds';
import { deliverEmail } from './deliver';
import { escapeHtml } from './templates';

const REDACTED = { text: '(The link in this email is not kept after sending.)', html: '<p>(The link in this email is not kept after sending.)</p>' };

export async function linkEmailJob(payload: JobPayload<'auth.link-email'>, ctx: JobContext): Promise<JobOutcome> {
  const row = await ctx.db.signInToken.findUnique({ where: { id: payload.tokenId }, select: { email: true, purpose: true, usedAt: true, expiresAt: true } });
  // Spent or expired before the queue reached it: an email would only confuse.
  if (!row || row.usedAt || row.expiresAt <= new Date()) return 'discard';
  const token = linkToken(ctx.env.AUTH_SECRET, 'sign-in', payload.tokenId);
  const link = `${ctx.env.PUBLIC_URL}/signin/link?token=${token}&callbackUrl=${encodeURIComponent(payload.callbackUrl)}`;
  const verify = row.purpose === 'verify-email';
  const text = verify
    ? `Confirm that this address is yours to finish creating your Live Commerce account:\n\n${link}\n\nIf you did not sign up, do not open the link: someone else used your address. Ask for a sign-in link on the sign-in page instead; signing in with it removes the password they chose.`
    : `Open this link to sign in. It works once, for 15 minutes:\n\n${link}\n\nIf you did not ask for it, ignore this email.`;
  const html = verify
    ? `<p>Confirm that this address is yours to finish creating your Live Commerce account:</p><p><a href="${link}">Confirm my email</a></p><p>If you did not sign up, do not open the link: someone else used your address. Ask for a sign-in link on the sign-in page instead; signing in with it removes the password they chose.</p>`
    : `<p>Open this link to sign in. It works once, for 15 minutes:</p><p><a href="${link}">Sign in to Live Commerce</a></p><p>If you did not ask for it, ignore this email.</p>`;
  return deliverEmail(
    ctx,
    { dedupeKey: `sign-in-link:${payload.tokenId}`, to: row.email, kind: verify ? 'auth.verify-email' : 'auth.sign-in-link', subject: verify ? "Confirm your email" : "Your sign-in link", text, html },
    { storedCopy: REDACTED },
  );
}

export async function brandInviteEmailJob(payload: JobPayload<'brand.invite-email'>, ctx: JobContext): Promise<JobOutcome> {
  const invite = await ctx.db.brandInvite.findUnique({
    where: { id: payload.inviteId },
    select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, brand: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) return 'discard';
  const link = `${ctx.env.PUBLIC_URL}/invites/${linkToken(ctx.env.AUTH_SECRET, 'brand-invite', payload.inviteId)}`;
  const role = invite.role.toLowerCase();
  return deliverEmail(
    ctx,
    {
      dedupeKey: `brand-invite:${payload.inviteId}`,
      to: invite.email,
      kind: 'brand.invite',
      subject: `${invite.invitedBy.name} invited you to ${invite.brand.name}`.replace(/[\r\n]+/g, ' '),
      text: `${invite.invitedBy.name} invited you to join ${invite.brand.name} on Live Commerce as ${role}.\n\nAccept within 7 days: ${link}`,
      html: `<p>${escapeHtml(invite.invitedBy.name)} invited you to join <strong>${escapeHtml(invite.brand.name)}</strong> on Live Commerce as ${role}.</p><p><a href="${link}">Accept the invitation</a> (valid for 7 days)</p>`,
    },
    { storedCopy: REDACTED },
  );
}
