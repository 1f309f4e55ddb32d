// One application error type with a stable code. Transports map the code to an
// HTTP status or a socket acknowledgement; raw exception text never reaches a client.
export const ERROR_CATALOG = {
  UNAUTHENTICATED: { status: 401, message: 'Please sign in first.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do that.' },
  INVALID_INPUT: { status: 400, message: 'Some of the information sent is not valid.' },
  NOT_FOUND: { status: 404, message: 'We could not find that.' },
  INVALID_STATE: { status: 409, message: 'That cannot be done right now.' },
  SHOW_NOT_LIVE: { status: 409, message: 'This show is not live.' },
  NOT_IN_LINEUP: { status: 409, message: 'That product is not part of this show.' },
  SOLD_OUT: { status: 409, message: 'Sorry, this item just sold out.' },
  DEAL_ENDED: { status: 409, message: 'This deal has ended.' },
  LIMIT_REACHED: { status: 409, message: 'You have reached the limit for this product in this show.' },
  BANNED: { status: 403, message: 'You can no longer chat in this show.' },
  NO_ADDRESS: { status: 409, message: 'Add a shipping address to buy in one tap.' },
  NO_PAYMENT_METHOD: { status: 409, message: 'Add a payment method to buy in one tap.' },
  PAYMENT_DECLINED: { status: 402, message: 'Your payment was declined. Try another card.' },
  PAYMENT_NOT_CAPTURABLE: { status: 402, message: 'Your payment could not be completed, so nothing was charged. Please try again.' },
  RATE_LIMITED: { status: 429, message: 'Slow down a little and try again.' },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many attempts from you. Wait a while before trying again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Please try again.' },
  COUPON_INVALID: { status: 409, message: 'This code cannot be used here.' },
  PRODUCT_NOT_ON_SALE: { status: 409, message: 'This product is not on sale yet.' },
  PRICE_CHANGED: { status: 409, message: 'The total changed since you looked. Check your bag and pay again.' },
  MEDIA_NOT_LIVE: { status: 409, message: 'The video starts when the show goes live.' },
  TRANSPORT_LIMIT: { status: 429, message: 'Too many video connections at once. Close another tab and try again.' },
  TOO_MANY_CONNECTIONS: { status: 429, message: 'Too many connections from your network. Close some tabs and try again.' },
  INVALID_AMOUNT: { status: 400, message: 'Enter the amount as a number, like 12.50 or 12,50.' },
  BRAND_ADDRESS_TAKEN: { status: 409, message: 'That web address is taken. Try another.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** With TOO_MANY_ATTEMPTS: seconds until trying again can succeed. */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;

  constructor(code: ErrorCode, devMessage?: string, userMessage?: string) {
    super(devMessage ?? ERROR_CATALOG[code].message);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage ?? ERROR_CATALOG[code].message;
  }

  get httpStatus(): number {
    return ERROR_CATALOG[this.code].status;
  }
}

/** What a client may see of any error: the code and a safe message, never the raw text. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) {
    const retryAfterSeconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return typeof retryAfterSeconds === 'number'
      ? { code: error.code, message: error.userMessage, retryAfterSeconds }
      : { code: error.code, message: error.userMessage };
  }
  return { code: 'INTERNAL', message: ERROR_CATALOG.INTERNAL.message };
}
