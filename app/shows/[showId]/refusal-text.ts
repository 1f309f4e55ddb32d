import { errorText } from '@/app/_i18n/error-text';
import type { MessageKey, Translate } from '@/app/_i18n/translate';

// The domain speaks English (the API and its tests read it). The sentences a
// viewer can meet on this page are matched here so they read in the viewer's
// language with their details (names, counts) kept; named groups fill the
// key's placeholders. Anything else falls back to the code's own sentence.
const RULES: readonly (readonly [english: string | RegExp, key: MessageKey])[] = [
  ['This show does not exist.', 'viewer.refusal.noShow'],
  ['This product is no longer available.', 'viewer.refusal.productGone'],
  [/^Sorry, (?<name>.+) just sold out\. Remove it or lower the quantity to pay\.$/, 'viewer.refusal.lineSoldOut'],
  [/^Sorry, (?<name>.+) is sold out\.$/, 'viewer.refusal.soldOutNamed'],
  [/^Only (?<count>\d+) of (?<name>.+) left\.$/, 'viewer.refusal.onlyLeft'],
  ['You can fill your bag while the show is live.', 'viewer.refusal.bagWhileLive'],
  [/^Your bag holds up to (?<max>\d+) different items\.$/, 'viewer.refusal.bagFull'],
  [/^You can buy at most (?<max>\d+) of this product in this show\.$/, 'viewer.refusal.limit'],
  [/^You can buy at most (?<max>\d+) of (?<product>.+) in this show\.$/, 'viewer.refusal.limitNamed'],
  ['This deal has ended or sold out.', 'viewer.refusal.dealOver'],
  ['Add a payment method to pay for your bag.', 'viewer.refusal.bagNoCard'],
  ['Add a shipping address to pay for your bag.', 'viewer.refusal.bagNoAddress'],
  ['Your bag is empty.', 'viewer.refusal.bagEmpty'],
  [/^(?<name>.+) is no longer available\. Remove it to pay\.$/, 'viewer.refusal.lineGone'],
  ['Join the show first.', 'viewer.refusal.joinFirst'],
  ['Type a message first.', 'viewer.refusal.chatEmpty'],
  [/^Messages can be at most (?<max>\d+) characters\.$/, 'viewer.refusal.chatTooLong'],
  ['Chat is closed for this show.', 'viewer.refusal.chatClosed'],
  [/^Slow mode is on: you can send another message in (?<seconds>\d+) s\.$/, 'viewer.refusal.slowMode'],
  ['You are sending messages too fast. Wait a moment.', 'viewer.refusal.chatTooFast'],
  [/^We do not know the code (?<code>.+)\.$/, 'viewer.refusal.couponUnknown'],
  ['This code is no longer active.', 'viewer.refusal.couponInactive'],
  ['This code is not valid yet.', 'viewer.refusal.couponNotYet'],
  ['This code has expired.', 'viewer.refusal.couponExpired'],
  ['This code has been used up.', 'viewer.refusal.couponUsedUp'],
  ['This code is for another show.', 'viewer.refusal.couponOtherShow'],
  [/^This code needs a subtotal of at least (?<amount>.+)\.$/, 'viewer.refusal.couponMinimum'],
  ['You have already used this code.', 'viewer.refusal.couponAlreadyUsed'],
  ['This code has just been used up or has ended. Remove it to pay without it.', 'viewer.refusal.couponJustEnded'],
  // app/_lib/show-socket.ts answers a timed-out request with this under INTERNAL.
  ['The connection is slow. Please try again.', 'viewer.refusal.slowConnection'],
];

/** A refusal from the show channel in the reader's language: a known sentence with its details, else by its code. */
export function refusalText(t: Translate, error: { code: string; message: string }): string {
  for (const [english, key] of RULES) {
    if (typeof english === 'string') {
      if (english === error.message) return t(key);
      continue;
    }
    const match = english.exec(error.message);
    if (match) return t(key, match.groups ?? {});
  }
  // COUPON_INVALID has no sentence in the shared errors dictionary yet.
  if (error.code === 'COUPON_INVALID') return t('viewer.refusal.couponInvalid');
  return errorText(t, error);
}
