// What the links in a marketing email do when followed: the open pixel, the click redirect and the
// unsubscribe. Each counts once per person and only where the campaign has that tracking switched on.
import type { Db } from '../context';
import { AppError } from '../errors';
import { setMarketingConsent } from './consent';
import { verifyClick, verifyOpenToken, verifyUnsubscribeToken } from './links';

/** Counts an open; a token that does not verify or a campaign without open tracking counts nothing. */
export async function recordOpen(db: Db, secret: string, token: string): Promise<void> {
  const messageId = verifyOpenToken(secret, token);
  if (!messageId) return;
  await db.$executeRaw`
    UPDATE "CampaignMessage" m SET "openedAt" = (now() AT TIME ZONE 'UTC')
      FROM "Campaign" c
     WHERE m."id" = ${messageId} AND m."openedAt" IS NULL AND c."id" = m."campaignId" AND c."trackOpens"`;
}

/**
 * Counts a click and answers where to send the person. Only a URL signed for this message is ever
 * redirected to: anything else is NOT_FOUND, so our domain is no open redirect.
 */
export async function recordClick(db: Db, secret: string, query: { messageId: string; url: string; signature: string }): Promise<string> {
  const { messageId, url, signature } = query;
  if (!/^https?:\/\//.test(url) || !verifyClick(secret, messageId, url, signature))
    throw new AppError('NOT_FOUND', 'click link does not verify');
  // A click proves the email was opened even where images were blocked.
  await db.$executeRaw`
    UPDATE "CampaignMessage" m
       SET "clickedAt" = COALESCE(m."clickedAt", (now() AT TIME ZONE 'UTC')),
           "openedAt" = CASE WHEN c."trackOpens" THEN COALESCE(m."openedAt", (now() AT TIME ZONE 'UTC')) ELSE m."openedAt" END
      FROM "Campaign" c
     WHERE m."id" = ${messageId} AND c."id" = m."campaignId" AND c."trackClicks"`;
  return url;
}

/** Withdraws marketing consent (logged as coming from the link) and counts the unsubscribe for the campaign. Safe to repeat. */
export async function unsubscribeFromMarketing(db: Db, secret: string, token: string): Promise<void> {
  const { userId, messageId } = verifyUnsubscribeToken(secret, token);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError('UNSUBSCRIBE_LINK_UNKNOWN', `user ${userId} not found`);
  await setMarketingConsent(db, userId, false, 'unsubscribe-link');
  if (messageId)
    await db.campaignMessage.updateMany({ where: { id: messageId, userId, unsubscribedAt: null }, data: { unsubscribedAt: new Date() } });
}

/** Whose marketing emails a token stops, partly hidden, for the confirmation page. Changes nothing. */
export async function previewMarketingUnsubscribe(db: Db, secret: string, token: string): Promise<{ maskedEmail: string }> {
  const { userId } = verifyUnsubscribeToken(secret, token);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError('UNSUBSCRIBE_LINK_UNKNOWN', `user ${userId} not found`);
  const at = user.email.lastIndexOf('@');
  return { maskedEmail: at < 1 ? '***' : `${user.email[0]}***${user.email.slice(at)}` };
}
