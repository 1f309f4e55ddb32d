// One plain-language sentence per error code (server/domain/errors.ts); the
// client shows these by code, so a refusal reads in the viewer's language.
export const errors = {
  UNAUTHENTICATED: 'Please sign in first.',
  FORBIDDEN: 'You are not allowed to do that.',
  INVALID_INPUT: 'Some of the information sent is not valid.',
  NOT_FOUND: 'We could not find that.',
  INVALID_STATE: 'That cannot be done right now.',
  SHOW_NOT_LIVE: 'This show is not live.',
  NOT_IN_LINEUP: 'That product is not part of this show.',
  SOLD_OUT: 'Sorry, this item just sold out.',
  DEAL_ENDED: 'This deal has ended.',
  LIMIT_REACHED: 'You have reached the limit for this product in this show.',
  BANNED: 'You can no longer chat in this show.',
  NO_ADDRESS: 'Add a shipping address to buy in one tap.',
  NO_PAYMENT_METHOD: 'Add a payment method to buy in one tap.',
  PAYMENT_DECLINED: 'Your payment was declined. Try another card.',
  PAYMENT_NOT_CAPTURABLE: 'Your payment could not be completed, so nothing was charged. Please try again.',
  RATE_LIMITED: 'Slow down a little and try again.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
  OFFLINE: 'You are offline. We will reconnect as soon as we can.',
  COUPON_INVALID: 'This code cannot be used here.',
  PRICE_CHANGED: 'The total changed since you looked. Check your bag and pay again.',
} as const;
