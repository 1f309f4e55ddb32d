import { errors as ENGLISH } from '../../app/_i18n/messages/en/errors';

// One application error type with a stable code. Transports map the code to an
// HTTP status or a socket acknowledgement; raw exception text never reaches a client.
//
// What people read is never written here: a refusal is a code (and, where one code
// covers situations a person must tell apart, a finer `reason`) plus typed
// parameters, and every page, email and API answer renders it from the dictionary
// (app/_i18n/messages/<locale>/errors.ts, one sentence per code and per reason).

/** The stable codes clients switch on, with their HTTP status. */
export const ERROR_CODES = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  SHOW_NOT_LIVE: 409,
  NOT_IN_LINEUP: 409,
  SOLD_OUT: 409,
  DEAL_ENDED: 409,
  LIMIT_REACHED: 409,
  BANNED: 403,
  NO_ADDRESS: 409,
  NO_PAYMENT_METHOD: 409,
  PAYMENT_DECLINED: 402,
  PAYMENT_NOT_CAPTURABLE: 402,
  RATE_LIMITED: 429,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  COUPON_INVALID: 409,
  PRODUCT_NOT_ON_SALE: 409,
  PRICE_CHANGED: 409,
  MEDIA_NOT_LIVE: 409,
  TRANSPORT_LIMIT: 429,
  TOO_MANY_CONNECTIONS: 429,
  INVALID_AMOUNT: 400,
  BRAND_ADDRESS_TAKEN: 409,
  AUCTION_ENDED: 409,
  BID_TOO_LOW: 409,
  REVIEW_NOT_ALLOWED: 403,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

type ParamKind = 'string' | 'number';
const text = 'string';
const count = 'number';

/**
 * The finer reasons: each belongs to one code (its status and what older clients
 * switch on) and declares the parameters its sentence uses, by name and type.
 */
export const ERROR_REASONS = {
  // Input and forms
  INVALID_FIELD: { code: 'INVALID_INPUT', params: { field: text } },
  EMAIL_TAKEN: { code: 'INVALID_INPUT' },
  CURRENT_PASSWORD_WRONG: { code: 'INVALID_INPUT' },
  HANDLE_TAKEN: { code: 'INVALID_INPUT', params: { handle: text } },
  BRAND_SLUG_TAKEN: { code: 'INVALID_INPUT', params: { slug: text } },
  ALREADY_MEMBER: { code: 'INVALID_INPUT', params: { email: text } },
  DELETE_EMAIL_MISMATCH: { code: 'INVALID_INPUT' },
  CANNOT_FOLLOW_SELF: { code: 'INVALID_INPUT' },
  REMINDER_LEAD_NOT_OFFERED: { code: 'INVALID_INPUT' },
  UNSUBSCRIBE_LINK_INVALID: { code: 'INVALID_INPUT' },
  CHAT_EMPTY: { code: 'INVALID_INPUT' },
  CHAT_TOO_LONG: { code: 'INVALID_INPUT', params: { max: count } },
  BROWSER_CANNOT_PLAY: { code: 'INVALID_INPUT' },
  // Catalog, images, CSV
  STOCK_INVALID: { code: 'INVALID_INPUT' },
  SKU_TAKEN: { code: 'INVALID_INPUT', params: { sku: text } },
  SKU_TAKEN_BY: { code: 'INVALID_INPUT', params: { sku: text, product: text } },
  SKU_TAKEN_RACE: { code: 'INVALID_INPUT' },
  VARIANT_GONE: { code: 'INVALID_INPUT' },
  VARIANT_ORDERED: { code: 'INVALID_STATE', params: { name: text, sku: text } },
  IMAGE_REQUIRED: { code: 'INVALID_INPUT' },
  IMAGE_TOO_LARGE: { code: 'INVALID_INPUT' },
  IMAGE_NOT_IMAGE: { code: 'INVALID_INPUT' },
  COVER_TOO_LARGE: { code: 'INVALID_INPUT' },
  COVER_TYPE: { code: 'INVALID_INPUT' },
  CSV_EMPTY: { code: 'INVALID_INPUT' },
  CSV_TOO_LARGE: { code: 'INVALID_INPUT' },
  CSV_NO_ROWS: { code: 'INVALID_INPUT' },
  CSV_TOO_MANY_ROWS: { code: 'INVALID_INPUT', params: { max: count } },
  CSV_UNCLOSED_QUOTE: { code: 'INVALID_INPUT', params: { row: count } },
  CSV_TEXT_AFTER_QUOTE: { code: 'INVALID_INPUT', params: { row: count } },
  CSV_DUPLICATE_COLUMN: { code: 'INVALID_INPUT', params: { column: text } },
  CSV_MISSING_COLUMNS: { code: 'INVALID_INPUT', params: { columns: text } },
  SHIPPING_NEGATIVE: { code: 'INVALID_INPUT' },
  COUPON_CODE_TAKEN: { code: 'INVALID_INPUT', params: { code: text } },
  EXPORT_TOO_MANY: { code: 'INVALID_INPUT', params: { count: count, max: count } },
  EMBED_ORIGIN_INVALID: { code: 'INVALID_INPUT', params: { origin: text } },
  EMBED_ORIGINS_TOO_MANY: { code: 'INVALID_INPUT', params: { max: count } },
  // Shows and scheduling
  START_INVALID: { code: 'INVALID_INPUT' },
  START_SKIPPED: { code: 'INVALID_INPUT', params: { zone: text } },
  START_PAST: { code: 'INVALID_INPUT' },
  LINEUP_FOREIGN: { code: 'INVALID_INPUT' },
  HOST_HANDLE_UNKNOWN: { code: 'INVALID_INPUT', params: { handle: text } },
  SHOW_FINISHED: { code: 'INVALID_STATE' },
  SHOW_NOT_EDITABLE: { code: 'INVALID_STATE' },
  PRODUCT_PINNED: { code: 'INVALID_STATE' },
  RESCHEDULE_STARTED: { code: 'INVALID_STATE' },
  CANCEL_STARTED: { code: 'INVALID_STATE' },
  INVITE_NOT_ACCEPTED: { code: 'INVALID_STATE' },
  INVITE_ANSWER_STARTED: { code: 'INVALID_STATE' },
  INVITE_DECLINED_BEFORE: { code: 'INVALID_STATE' },
  SHOW_CHANGED: { code: 'INVALID_STATE' },
  REMINDER_STARTED: { code: 'INVALID_STATE' },
  PIN_NEEDS_LIVE: { code: 'SHOW_NOT_LIVE' },
  DEAL_NEEDS_PIN: { code: 'INVALID_INPUT' },
  DEAL_PRICE_NOT_LOWER: { code: 'INVALID_INPUT' },
  // Not found
  SHOW_NOT_FOUND: { code: 'NOT_FOUND' },
  ORDER_NOT_FOUND: { code: 'NOT_FOUND' },
  PRODUCT_NOT_FOUND: { code: 'NOT_FOUND' },
  VARIANT_NOT_FOUND: { code: 'NOT_FOUND' },
  PRODUCT_GONE: { code: 'NOT_FOUND' },
  HOST_NOT_FOUND: { code: 'NOT_FOUND' },
  BRAND_NOT_FOUND: { code: 'NOT_FOUND' },
  COUPON_NOT_FOUND: { code: 'NOT_FOUND' },
  ADDRESS_NOT_FOUND: { code: 'NOT_FOUND' },
  CARD_NOT_FOUND: { code: 'NOT_FOUND' },
  MESSAGE_NOT_FOUND: { code: 'NOT_FOUND' },
  EMAIL_NOT_FOUND: { code: 'NOT_FOUND' },
  INVITE_NOT_FOUND: { code: 'NOT_FOUND' },
  API_KEY_NOT_FOUND: { code: 'NOT_FOUND' },
  ENDPOINT_NOT_FOUND: { code: 'NOT_FOUND' },
  DELIVERY_NOT_FOUND: { code: 'NOT_FOUND' },
  EVENT_NOT_FOUND: { code: 'NOT_FOUND' },
  UNSUBSCRIBE_LINK_UNKNOWN: { code: 'NOT_FOUND' },
  // Who may do what
  API_KEY_MISSING: { code: 'UNAUTHENTICATED' },
  API_KEY_INVALID: { code: 'UNAUTHENTICATED' },
  API_KEY_SCOPE: { code: 'FORBIDDEN', params: { scope: text } },
  HOST_ONLY: { code: 'FORBIDDEN' },
  HOST_ONLY_BROADCAST: { code: 'FORBIDDEN' },
  MODERATORS_ONLY: { code: 'FORBIDDEN' },
  OWNER_ONLY: { code: 'FORBIDDEN' },
  INVITE_NOT_YOURS: { code: 'FORBIDDEN' },
  INVITE_NOT_USABLE: { code: 'FORBIDDEN' },
  CANNOT_BAN_STAFF: { code: 'FORBIDDEN' },
  WEBHOOK_SIGNATURE_INVALID: { code: 'FORBIDDEN' },
  ENDPOINT_PAUSED: { code: 'INVALID_STATE' },
  LAST_OWNER: { code: 'INVALID_STATE' },
  DELETE_HOSTS_UPCOMING: { code: 'INVALID_STATE' },
  DELETE_SOLE_OWNER: { code: 'INVALID_STATE', params: { brand: text } },
  // Live show: joining, chat, media
  JOIN_FIRST: { code: 'INVALID_STATE' },
  CHAT_CLOSED: { code: 'INVALID_STATE' },
  CHAT_TOO_FAST: { code: 'RATE_LIMITED' },
  CHAT_SLOW_MODE: { code: 'RATE_LIMITED', params: { retryAfterSeconds: count } },
  API_RATE_LIMITED: { code: 'RATE_LIMITED', params: { retryAfterSeconds: count } },
  SIGN_IN_LINKS_LIMIT: { code: 'RATE_LIMITED' },
  STREAM_RESTARTED: { code: 'INVALID_STATE' },
  // The browser's own: a request the server did not answer in time (app/_lib/show-socket.ts).
  CONNECTION_SLOW: { code: 'INTERNAL' },
  // Giveaways, polls and Q&A in a live show
  FORMAT_NEEDS_LIVE: { code: 'SHOW_NOT_LIVE' },
  GIVEAWAY_RUNNING: { code: 'INVALID_STATE' },
  GIVEAWAY_PRIZE_REQUIRED: { code: 'INVALID_INPUT' },
  GIVEAWAY_NOT_FOUND: { code: 'NOT_FOUND' },
  GIVEAWAY_CLOSED: { code: 'INVALID_STATE' },
  GIVEAWAY_KEYWORD_ONLY: { code: 'INVALID_STATE', params: { keyword: text } },
  GIVEAWAY_STAFF: { code: 'FORBIDDEN' },
  NOT_ELIGIBLE_FOLLOWERS: { code: 'FORBIDDEN' },
  NOT_ELIGIBLE_BUYERS: { code: 'FORBIDDEN' },
  GIVEAWAY_NOT_WON: { code: 'FORBIDDEN' },
  POLL_RUNNING: { code: 'INVALID_STATE' },
  POLL_NOT_FOUND: { code: 'NOT_FOUND' },
  POLL_CLOSED: { code: 'INVALID_STATE' },
  POLL_OPTION_UNKNOWN: { code: 'INVALID_INPUT' },
  ALREADY_VOTED: { code: 'INVALID_STATE' },
  QUESTION_EMPTY: { code: 'INVALID_INPUT' },
  QUESTION_TOO_LONG: { code: 'INVALID_INPUT', params: { max: count } },
  QUESTION_NOT_FOUND: { code: 'NOT_FOUND' },
  QUESTION_ANSWERED: { code: 'INVALID_STATE' },
  QUESTIONS_CLOSED: { code: 'INVALID_STATE' },
  // The shop assistant in a show
  ASSISTANT_OFF: { code: 'INVALID_STATE' },
  ASSISTANT_TOO_FAST: { code: 'RATE_LIMITED' },
  ASSISTANT_CARD_NOT_FOUND: { code: 'NOT_FOUND' },
  // Guests on stage
  STAGE_FULL: { code: 'LIMIT_REACHED', params: { max: count } },
  STAGE_GUEST_BANNED: { code: 'FORBIDDEN' },
  STAGE_NOT_INVITED: { code: 'INVALID_STATE' },
  STAGE_HOST_ALREADY: { code: 'INVALID_INPUT' },
  STAGE_GUEST_NOT_ON_STAGE: { code: 'INVALID_STATE' },
  // Buying: bag, one tap, checkout
  BAG_WHILE_LIVE: { code: 'SHOW_NOT_LIVE' },
  NO_REPLAY: { code: 'SHOW_NOT_LIVE' },
  BAG_FULL: { code: 'INVALID_STATE', params: { max: count } },
  BAG_EMPTY: { code: 'INVALID_STATE' },
  BAG_NO_ADDRESS: { code: 'NO_ADDRESS' },
  BAG_NO_CARD: { code: 'NO_PAYMENT_METHOD' },
  SOLD_OUT_NAMED: { code: 'SOLD_OUT', params: { name: text } },
  ONLY_LEFT: { code: 'SOLD_OUT', params: { count: count, name: text } },
  LINE_SOLD_OUT: { code: 'SOLD_OUT', params: { name: text } },
  LINE_GONE: { code: 'NOT_IN_LINEUP', params: { name: text } },
  LIMIT_PER_BUYER: { code: 'LIMIT_REACHED', params: { max: count } },
  LIMIT_PER_PRODUCT: { code: 'LIMIT_REACHED', params: { max: count, product: text } },
  DEAL_OVER: { code: 'DEAL_ENDED' },
  CANCELLED_WHILE_PAYING: { code: 'INVALID_STATE' },
  CARD_DECLINED_NOT_SAVED: { code: 'PAYMENT_DECLINED' },
  BRAND_ADDRESS_IN_USE: { code: 'BRAND_ADDRESS_TAKEN', params: { slug: text } },
  // Auctions
  AUCTION_NOT_FOUND: { code: 'NOT_FOUND' },
  AUCTION_RUNNING: { code: 'INVALID_STATE' },
  AUCTION_HOST_CANNOT_BID: { code: 'FORBIDDEN' },
  AUCTION_ALREADY_LEADING: { code: 'BID_TOO_LOW', params: { amount: text } },
  BID_BELOW_NEXT: { code: 'BID_TOO_LOW', params: { amount: text } },
  // Simulcast destinations (RTMP out)
  SIMULCAST_URL_RULE: { code: 'INVALID_INPUT' },
  SIMULCAST_KEY_RULE: { code: 'INVALID_INPUT' },
  SIMULCAST_TOO_MANY: { code: 'LIMIT_REACHED', params: { max: count } },
  SIMULCAST_DESTINATION_NOT_FOUND: { code: 'NOT_FOUND' },
  // Waitlist
  WAITLIST_IN_STOCK: { code: 'INVALID_STATE' },
  // Coupons at checkout
  COUPON_UNKNOWN: { code: 'COUPON_INVALID', params: { code: text } },
  COUPON_INACTIVE: { code: 'COUPON_INVALID' },
  COUPON_NOT_YET: { code: 'COUPON_INVALID' },
  COUPON_EXPIRED: { code: 'COUPON_INVALID' },
  COUPON_USED_UP: { code: 'COUPON_INVALID' },
  COUPON_OTHER_SHOW: { code: 'COUPON_INVALID' },
  COUPON_MINIMUM: { code: 'COUPON_INVALID', params: { amount: text } },
  COUPON_ALREADY_USED: { code: 'COUPON_INVALID' },
  COUPON_JUST_ENDED: { code: 'COUPON_INVALID' },
  // Cards
  CARD_NUMBER_INVALID: { code: 'INVALID_INPUT' },
  CARD_MONTH_RANGE: { code: 'INVALID_INPUT' },
  CARD_YEAR_INVALID: { code: 'INVALID_INPUT' },
  CARD_EXPIRED: { code: 'INVALID_INPUT' },
  CARD_CVC_DIGITS: { code: 'INVALID_INPUT', params: { digits: count } },
  CARD_HOLDER_REQUIRED: { code: 'INVALID_INPUT' },
  // Orders after the sale: fulfilment, cancellations, refunds
  ORDER_NEEDS_TRACKING: { code: 'INVALID_INPUT' },
  ORDER_ALREADY_THERE: { code: 'INVALID_STATE' },
  ORDER_WRONG_STEP: { code: 'INVALID_STATE' },
  ORDER_TOO_LATE_TO_CANCEL: { code: 'INVALID_STATE' },
  ORDER_SHIPPED_CANNOT_CANCEL: { code: 'INVALID_STATE' },
  ORDER_CANCELLED: { code: 'INVALID_STATE' },
  ORDER_FULLY_REFUNDED: { code: 'INVALID_STATE' },
  BULK_TOO_MANY: { code: 'INVALID_INPUT' },
  NOTHING_PAID: { code: 'INVALID_STATE' },
  REFUND_AMOUNT_FORMAT: { code: 'INVALID_INPUT' },
  REFUND_AMOUNT_ZERO: { code: 'INVALID_INPUT' },
  REFUND_OVER: { code: 'INVALID_STATE' },
  REFUND_NOT_CAPTURED: { code: 'INVALID_STATE' },
  RESTOCK_PARTIAL: { code: 'INVALID_STATE' },
  // Order help and support (issue 19 item 5)
  ORDER_ADDRESS_TOO_LATE: { code: 'INVALID_STATE' },
  RETURN_NOT_DELIVERED: { code: 'INVALID_STATE' },
  RETURN_WINDOW_CLOSED: { code: 'INVALID_STATE', params: { days: count } },
  RETURN_ALREADY_REQUESTED: { code: 'INVALID_STATE' },
  SUPPORT_CONVERSATION_NOT_FOUND: { code: 'NOT_FOUND' },
  SUPPORT_ASSIGNEE_NOT_MEMBER: { code: 'INVALID_INPUT' },
  SUPPORT_MESSAGE_REQUIRED: { code: 'INVALID_INPUT' },
  SUPPORT_MESSAGE_TOO_LONG: { code: 'INVALID_INPUT' },
  // Form fields: schemas give these keys as their messages, so a field reads in the reader's language without a rule.
  PROFILE_NAME_REQUIRED: { code: 'INVALID_INPUT' },
  HOST_HANDLE_RULE: { code: 'INVALID_INPUT' },
  HOST_LINK_URL_RULE: { code: 'INVALID_INPUT' },
  PASSWORD_REPETITIVE: { code: 'INVALID_INPUT' },
  WALLET_FULL_NAME_REQUIRED: { code: 'INVALID_INPUT' },
  WALLET_LINE1_REQUIRED: { code: 'INVALID_INPUT' },
  WALLET_CITY_REQUIRED: { code: 'INVALID_INPUT' },
  WALLET_COUNTRY: { code: 'INVALID_INPUT' },
  WALLET_PHONE: { code: 'INVALID_INPUT' },
  WALLET_NUMBER_FORMAT: { code: 'INVALID_INPUT' },
  WALLET_MONTH_REQUIRED: { code: 'INVALID_INPUT' },
  WALLET_YEAR_REQUIRED: { code: 'INVALID_INPUT' },
  WALLET_CVC_FORMAT: { code: 'INVALID_INPUT' },
  PRODUCT_TITLE_REQUIRED: { code: 'INVALID_INPUT' },
  PRODUCT_TITLE_TOO_LONG: { code: 'INVALID_INPUT' },
  PRODUCT_DESCRIPTION_TOO_LONG: { code: 'INVALID_INPUT' },
  PRODUCT_VARIANTS_REQUIRED: { code: 'INVALID_INPUT' },
  PRODUCT_PRODUCT_NEEDS_VARIANT: { code: 'INVALID_INPUT' },
  PRODUCT_VARIANT_NAME_REQUIRED: { code: 'INVALID_INPUT' },
  PRODUCT_SKU_REQUIRED: { code: 'INVALID_INPUT' },
  PRODUCT_SKU_TOO_LONG: { code: 'INVALID_INPUT' },
  PRODUCT_SKU_FORMAT: { code: 'INVALID_INPUT' },
  PRODUCT_OPTIONS_FORMAT: { code: 'INVALID_INPUT' },
  PRODUCT_OPTION_CHARS: { code: 'INVALID_INPUT' },
  PRODUCT_TOO_MANY_OPTIONS: { code: 'INVALID_INPUT' },
  PRODUCT_PRICE_REQUIRED: { code: 'INVALID_INPUT' },
  PRODUCT_PRICE_NEGATIVE: { code: 'INVALID_INPUT' },
  PRODUCT_PRICE_TOO_HIGH: { code: 'INVALID_INPUT' },
  PRODUCT_STOCK_WHOLE: { code: 'INVALID_INPUT' },
  PRODUCT_STOCK_NEGATIVE: { code: 'INVALID_INPUT' },
  PRODUCT_STOCK_TOO_HIGH: { code: 'INVALID_INPUT' },
  PRODUCT_NEW_VARIANT_STOCK: { code: 'INVALID_INPUT' },
  CSV_CHOOSE_FILE: { code: 'INVALID_INPUT' },
  CSV_PREVIEW_FIRST: { code: 'INVALID_INPUT' },
  SHOW_TITLE_REQUIRED: { code: 'INVALID_INPUT' },
  SHOW_DURATION_WHOLE: { code: 'INVALID_INPUT' },
  SHOW_DURATION_MIN: { code: 'INVALID_INPUT' },
  SHOW_DURATION_MAX: { code: 'INVALID_INPUT' },
  SHOW_COMMISSION_REQUIRED: { code: 'INVALID_INPUT' },
  SHOW_COMMISSION_NEGATIVE: { code: 'INVALID_INPUT' },
  SHOW_COMMISSION_MAX: { code: 'INVALID_INPUT' },
  SHOW_HOST_REQUIRED: { code: 'INVALID_INPUT' },
  SHOW_START_FORMAT: { code: 'INVALID_INPUT' },
  IMAGE_SOURCE_NOT_ALLOWED: { code: 'INVALID_INPUT' },
  SHOW_LINEUP_TWICE: { code: 'INVALID_INPUT' },
  TEAM_EMAIL_INVALID: { code: 'INVALID_INPUT' },
  DEVELOPER_KEY_NAME_REQUIRED: { code: 'INVALID_INPUT' },
  DEVELOPER_KEY_NAME_TOO_LONG: { code: 'INVALID_INPUT' },
  DEVELOPER_SCOPES_CHOOSE: { code: 'INVALID_INPUT' },
  DEVELOPER_SCOPES_MIN: { code: 'INVALID_INPUT' },
  DEVELOPER_URL_TOO_LONG: { code: 'INVALID_INPUT' },
  DEVELOPER_URL_FORMAT: { code: 'INVALID_INPUT' },
  DEVELOPER_URL_CREDENTIALS: { code: 'INVALID_INPUT' },
  DEVELOPER_EVENTS_CHOOSE: { code: 'INVALID_INPUT' },
  DEVELOPER_EVENTS_MIN: { code: 'INVALID_INPUT' },
  COUPON_FORM_PERCENT_RANGE: { code: 'INVALID_INPUT' },
  COUPON_FORM_SKIPPED_TIME: { code: 'INVALID_INPUT' },
  COUPON_FORM_USE_DATE_PICKER: { code: 'INVALID_INPUT' },
  COUPON_FORM_MAX_REDEMPTIONS_FORMAT: { code: 'INVALID_INPUT' },
  COUPON_FORM_PER_BUYER_FORMAT: { code: 'INVALID_INPUT' },
  COUPON_FORM_CODE_FORMAT: { code: 'INVALID_INPUT' },
  COUPON_FORM_END_AFTER_START: { code: 'INVALID_INPUT' },
  COUPON_FORM_DISCOUNT_POSITIVE: { code: 'INVALID_INPUT' },
  COUPON_FORM_PERCENT_BETWEEN: { code: 'INVALID_INPUT' },
  NEW_BRAND_SLUG_RULE: { code: 'INVALID_INPUT' },
  NEW_BRAND_CURRENCY_RULE: { code: 'INVALID_INPUT' },
  NEW_BRAND_TIME_ZONE_RULE: { code: 'INVALID_INPUT' },
  // Field limits and amounts with values: schemas name the key, the form helper takes the values from the zod issue.
  TEXT_TOO_SHORT: { code: 'INVALID_INPUT', params: { min: count } },
  TEXT_TOO_LONG: { code: 'INVALID_INPUT', params: { max: count } },
  PRODUCT_SKU_TWICE: { code: 'INVALID_INPUT', params: { sku: text } },
  SHOW_LINEUP_TOO_LONG: { code: 'INVALID_INPUT', params: { max: count } },
  AMOUNT_MALFORMED: { code: 'INVALID_AMOUNT', params: { example: text } },
  AMOUNT_AMBIGUOUS: { code: 'INVALID_AMOUNT', params: { text: text, example: text } },
  AMOUNT_DECIMALS: { code: 'INVALID_AMOUNT', params: { currency: text, digits: count } },
  AMOUNT_WHOLE: { code: 'INVALID_AMOUNT', params: { currency: text, example: text } },
  AMOUNT_TOO_LARGE: { code: 'INVALID_AMOUNT' },
  SHIPPING_RATE_FORMAT: { code: 'INVALID_AMOUNT', params: { example: text } },
  // Why a row of a catalog CSV cannot be imported: shown per row on the import page.
  CSV_SKU_EMPTY: { code: 'INVALID_INPUT' },
  CSV_SKU_INVALID: { code: 'INVALID_INPUT', params: { sku: text } },
  CSV_SKU_REPEATED: { code: 'INVALID_INPUT', params: { sku: text, row: count } },
  CSV_TITLE_EMPTY: { code: 'INVALID_INPUT' },
  CSV_TITLE_TOO_LONG: { code: 'INVALID_INPUT', params: { max: count } },
  CSV_DESCRIPTION_TOO_LONG: { code: 'INVALID_INPUT', params: { max: count } },
  CSV_VARIANT_NAME_EMPTY: { code: 'INVALID_INPUT' },
  CSV_VARIANT_NAME_TOO_LONG: { code: 'INVALID_INPUT', params: { max: count } },
  CSV_STATUS_UNKNOWN: { code: 'INVALID_INPUT', params: { status: text } },
  CSV_OPTIONS_FORMAT: { code: 'INVALID_INPUT', params: { options: text } },
  CSV_STOCK_INVALID: { code: 'INVALID_INPUT', params: { stock: text } },
  CSV_CURRENCY_MISMATCH: { code: 'INVALID_INPUT', params: { currency: text, rowCurrency: text } },
  CSV_SKU_OUTSIDE: { code: 'INVALID_INPUT', params: { sku: text } },
  CSV_SKU_OTHER_PRODUCT: { code: 'INVALID_INPUT', params: { sku: text, product: text, given: text } },
  CSV_PRODUCT_UNKNOWN: { code: 'INVALID_INPUT', params: { product: text } },
  CSV_PRODUCT_FIELD_CLASH: { code: 'INVALID_INPUT', params: { row: count, column: text } },
  // Why a webhook delivery failed: stored as its last error (code, reason, params) and read on the developers page, never sent to a client.
  WEBHOOK_PAUSED_BEFORE_SEND: { code: 'INVALID_STATE' },
  WEBHOOK_PRIVATE_ADDRESS: { code: 'INVALID_STATE' },
  WEBHOOK_TIMEOUT: { code: 'INVALID_STATE', params: { seconds: count } },
  WEBHOOK_CONNECTION_FAILED: { code: 'INVALID_STATE', params: { error: text } },
  WEBHOOK_NO_CONNECTION: { code: 'INVALID_STATE' },
  WEBHOOK_HTTP_STATUS: { code: 'INVALID_STATE', params: { status: count } },
  // Co-hosts, rehearsals and private shows (issue 18).
  HOST_SHARES_SUM: { code: 'INVALID_INPUT', params: { sum: text, rate: text } },
  HOST_SHARE_TWICE: { code: 'INVALID_INPUT', params: { handle: text } },
  SHOW_PRIVATE: { code: 'FORBIDDEN' },
  REHEARSAL_STAFF_ONLY: { code: 'FORBIDDEN' },
  REHEARSAL_NO_ORDERS: { code: 'SHOW_NOT_LIVE' },
  REHEARSAL_NOT_SCHEDULED: { code: 'INVALID_STATE' },
  // QR payments (issue 21).
  QR_NOT_OFFERED: { code: 'INVALID_STATE' },
  QR_BANK_UNAVAILABLE: { code: 'PAYMENT_DECLINED' },
  // Cards through a brand's Stripe account (issue 21).
  PAYMENT_AUTHENTICATION_REQUIRED: { code: 'PAYMENT_DECLINED' },
  CARD_NOT_ACCEPTED_HERE: { code: 'NO_PAYMENT_METHOD' },
  STRIPE_CARDS_BY_ELEMENTS: { code: 'INVALID_STATE' },
  STRIPE_NOT_CONFIGURED: { code: 'INVALID_STATE' },
  STRIPE_CONNECTION_FAILED: { code: 'INVALID_STATE' },
  STRIPE_SECRET_KEY_FORMAT: { code: 'INVALID_INPUT' },
  STRIPE_PUBLISHABLE_KEY_FORMAT: { code: 'INVALID_INPUT' },
  STRIPE_WEBHOOK_SECRET_FORMAT: { code: 'INVALID_INPUT' },
  STRIPE_ACCOUNT_FORMAT: { code: 'INVALID_INPUT' },
  PAYOUT_FAILURE_NOT_FOUND: { code: 'NOT_FOUND' },
  // Product reviews (issue 20 item 6).
  REVIEW_NOT_PURCHASED: { code: 'REVIEW_NOT_ALLOWED' },
  REVIEW_NOT_DELIVERED: { code: 'REVIEW_NOT_ALLOWED' },
  REVIEW_REFUNDED: { code: 'REVIEW_NOT_ALLOWED' },
  REVIEW_RATING_RANGE: { code: 'INVALID_INPUT' },
  REVIEW_NOT_FOUND: { code: 'NOT_FOUND' },
  REVIEW_OWN: { code: 'INVALID_STATE' },
  REVIEW_ALREADY_REPORTED: { code: 'INVALID_STATE' },
  REVIEW_ALREADY_REPLIED: { code: 'INVALID_STATE' },
  REVIEW_HIDE_REASON_REQUIRED: { code: 'INVALID_INPUT' },
  REVIEW_REPORT_REASON: { code: 'INVALID_INPUT' },
  // Web push (issue 20).
  PUSH_NOT_CONFIGURED: { code: 'INVALID_STATE' },
  // Campaign segments.
  CAMPAIGN_COUNTRY_UNKNOWN: { code: 'INVALID_INPUT', params: { name: text } },
  // Brand settings.
  RETURN_WINDOW_RANGE: { code: 'INVALID_INPUT', params: { max: count } },
} as const satisfies Record<string, { code: ErrorCode; params?: Record<string, ParamKind> }>;

export type ErrorReason = keyof typeof ERROR_REASONS;
/** A code or a reason: the key of one sentence in the dictionary. */
export type ErrorKey = ErrorCode | ErrorReason;
export type ErrorParamValue = string | number;
export type ErrorParams = Readonly<Record<string, ErrorParamValue>>;

type Kind<K extends ParamKind> = K extends 'number' ? number : string;
/** The parameters a key's sentence needs, by name and type; `undefined` when it needs none. */
export type ParamsOf<K extends ErrorKey> = K extends ErrorReason
  ? (typeof ERROR_REASONS)[K] extends { params: infer P extends Record<string, ParamKind> }
    ? { readonly [N in keyof P]: Kind<P[N]> }
    : undefined
  : undefined;
type AppErrorArgs<K extends ErrorKey> = ParamsOf<K> extends undefined ? [devMessage?: string] : [params: ParamsOf<K>, devMessage?: string];

/** Every key the dictionary must hold, with the parameter names its sentence must use. */
export function errorKeyParams(): Record<ErrorKey, readonly string[]> {
  const out = {} as Record<ErrorKey, readonly string[]>;
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) out[code] = [];
  for (const [reason, entry] of Object.entries(ERROR_REASONS) as [ErrorReason, { params?: Record<string, ParamKind> }][])
    out[reason] = Object.keys(entry.params ?? {});
  return out;
}

export const isErrorReason = (key: string): key is ErrorReason => Object.hasOwn(ERROR_REASONS, key);
/** Whether a string is a key of the catalog: a schema may give one as its message instead of a sentence. */
export const isErrorKey = (key: string): key is ErrorKey => Object.hasOwn(ERROR_CODES, key) || isErrorReason(key);

/** The English sentence of a key with its parameters filled in: for API clients, tests and logs, never parsed. */
export function englishMessage(key: ErrorKey, params?: ErrorParams): string {
  const template: string = ENGLISH[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (params?.[name] === undefined ? match : String(params[name])));
}

export interface ErrorPayload {
  code: ErrorCode;
  /** A finer, equally stable key under `code` (see ERROR_REASONS). */
  reason?: ErrorReason;
  /** The values the sentence of `reason ?? code` needs. */
  params?: ErrorParams;
  /** That sentence in English, for API clients and logs; pages translate `reason ?? code` with `params` instead. */
  message: string;
  /** With TOO_MANY_ATTEMPTS and the rate limits: seconds until trying again can succeed. */
  retryAfterSeconds?: number;
}

export class AppError<K extends ErrorKey = ErrorKey> extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason | undefined;
  readonly params: ErrorParams | undefined;

  /** `new AppError('API_KEY_SCOPE', { scope }, 'key k1 lacks products:write')`: the params type-check per key; the last argument is for logs only. */
  constructor(key: K, ...args: AppErrorArgs<K>) {
    const [first, second] = args as unknown as [ErrorParams | string | undefined, string | undefined];
    const params = typeof first === 'object' ? first : undefined;
    const devMessage = typeof first === 'string' ? first : second;
    super(devMessage ?? englishMessage(key, params));
    this.name = 'AppError';
    this.reason = isErrorReason(key) ? key : undefined;
    this.code = isErrorReason(key) ? ERROR_REASONS[key].code : (key as ErrorCode);
    this.params = params;
  }

  /** The dictionary key of what people read. */
  get key(): ErrorKey {
    return this.reason ?? this.code;
  }

  /** The English sentence, rendered from the dictionary (never written at the throw site). */
  get userMessage(): string {
    return englishMessage(this.key, this.params);
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }
}

/** What a client may see of any error: the code, the reason and params, and their English sentence; never the raw text. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (!(error instanceof AppError)) return { code: 'INTERNAL', message: englishMessage('INTERNAL') };
  const payload: ErrorPayload = { code: error.code, message: error.userMessage };
  if (error.reason) payload.reason = error.reason;
  if (error.params) payload.params = error.params;
  const own = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const retryAfterSeconds = typeof own === 'number' ? own : error.params?.retryAfterSeconds;
  if (typeof retryAfterSeconds === 'number') payload.retryAfterSeconds = retryAfterSeconds;
  return payload;
}

/** A zod message that is a key, as its English sentence (CSV row problems and API issues are English text). */
export const schemaText = (message: string | undefined): string =>
  message && isErrorKey(message) ? englishMessage(message) : (message ?? '');

/** What a zod issue looks like to this module (no zod import): enough to read a key's values from it. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  maximum?: unknown;
  minimum?: unknown;
  params?: Readonly<Record<string, unknown>>;
}

/**
 * The values an issue's key needs: a length or count limit's bound (`max`,
 * `min`), or the `params` a refine gave (`{ sku }`). The key is the message.
 */
export function issueParams(issue: SchemaIssue): ErrorParams | undefined {
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code !== 'custom' || !issue.params) return undefined;
  const values = Object.entries(issue.params).filter((entry): entry is [string, ErrorParamValue] =>
    ['string', 'number'].includes(typeof entry[1]),
  );
  return Object.fromEntries(values);
}

/** Whether the issue gives every param its key's sentence needs. */
function paramsFit(reason: ErrorReason, params: ErrorParams | undefined): boolean {
  const wanted = errorKeyParams()[reason];
  return wanted.every((name) => params?.[name] !== undefined);
}

/** A failed zod parse as the reason its schema named (with the values it needs), else INVALID_FIELD naming the first field; zod's own wording goes to the logs only. */
export function invalidField(issues: readonly SchemaIssue[]): AppError {
  const detail = issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
  const first = issues[0];
  const key = first?.message ?? '';
  if (first && isErrorReason(key)) {
    const params = issueParams(first);
    if (paramsFit(key, params))
      return new (AppError as new (key: ErrorReason, params: ErrorParams | undefined, detail: string) => AppError)(key, params, detail);
  }
  const field = first?.path.map(String).join('.') || 'input';
  return new AppError('INVALID_FIELD', { field }, detail);
}
