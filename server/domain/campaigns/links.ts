import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

// Every link in a marketing email is signed with a key derived from AUTH_SECRET for this purpose alone:
// the open pixel and the unsubscribe link name who they are about, and the click redirect names where
// it goes, so none can be forged, widened, or turned into an open redirect through our domain.

function mac(secret: string, ...parts: string[]): Buffer {
  return createHmac('sha256', `campaign-links:v1\0${secret}`).update(parts.join('\0')).digest();
}

function sameMac(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given, 'base64url');
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/** Who a marketing unsubscribe is for, and the campaign message it came from ('-': an automatic email). */
export interface MarketingUnsubscribe {
  userId: string;
  messageId: string | null;
}

export function unsubscribeToken(secret: string, request: MarketingUnsubscribe): string {
  const message = request.messageId ?? '-';
  return `${request.userId}.${message}.${mac(secret, 'unsubscribe', request.userId, message).toString('base64url')}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): MarketingUnsubscribe {
  const [userId, message, signature, ...rest] = token.split('.');
  if (!userId || !message || !signature || rest.length || !sameMac(signature, mac(secret, 'unsubscribe', userId, message)))
    throw new AppError('UNSUBSCRIBE_LINK_INVALID', 'marketing unsubscribe token does not verify');
  return { userId, messageId: message === '-' ? null : message };
}

export function openToken(secret: string, messageId: string): string {
  return `${messageId}.${mac(secret, 'open', messageId).toString('base64url')}`;
}

/** The message a pixel's token names, or null when it does not verify (a pixel never errors). */
export function verifyOpenToken(secret: string, token: string): string | null {
  const [messageId, signature, ...rest] = token.split('.');
  if (!messageId || !signature || rest.length) return null;
  return sameMac(signature, mac(secret, 'open', messageId)) ? messageId : null;
}

export function clickSignature(secret: string, messageId: string, url: string): string {
  return mac(secret, 'click', messageId, url).toString('base64url');
}

export function verifyClick(secret: string, messageId: string, url: string, signature: string): boolean {
  return sameMac(signature, mac(secret, 'click', messageId, url));
}

export interface MarketingLinks {
  unsubscribePageUrl: string;
  oneClickUrl: string;
  openPixelUrl: string | null;
  track: (url: string) => string;
}

export function marketingLinks(
  publicUrl: string,
  secret: string,
  who: MarketingUnsubscribe,
  tracking: { opens: boolean; clicks: boolean },
): MarketingLinks {
  const token = encodeURIComponent(unsubscribeToken(secret, who));
  const messageId = who.messageId;
  return {
    unsubscribePageUrl: `${publicUrl}/marketing/unsubscribe?token=${token}`,
    oneClickUrl: `${publicUrl}/api/marketing/unsubscribe?token=${token}`,
    openPixelUrl:
      messageId && tracking.opens ? `${publicUrl}/api/marketing/open/${encodeURIComponent(openToken(secret, messageId))}` : null,
    track: (url) =>
      messageId && tracking.clicks
        ? `${publicUrl}/api/marketing/click?m=${encodeURIComponent(messageId)}&u=${encodeURIComponent(url)}&s=${clickSignature(secret, messageId, url)}`
        : url,
  };
}
