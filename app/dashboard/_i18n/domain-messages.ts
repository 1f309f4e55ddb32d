import type { FieldFallbacks, MessageRule } from './localise-state';

// The field sentences of the catalog, scheduling and team schemas (and our own
// form schemas), each paired with its dictionary key. Refusals of those domains
// are codes with params and read through errorText, never through a rule here.

export const ACCESS_MESSAGES: readonly MessageRule[] = [
  { english: /^Use at most (?<max>\d+) characters\.$/, key: 'dashboard.form.maxChars' },
];

/** The sentences of server/domain/money-input.ts; beside its field, the field's name is left out. */
export const MONEY_MESSAGES: readonly MessageRule[] = [
  { english: /^[^:]+: enter an amount like (?<example>.+)\.$/, key: 'dashboard.money.malformed' },
  { english: /^[^:]+: “(?<text>.+)” could mean two different amounts\. Write it like (?<example>.+)\.$/, key: 'dashboard.money.ambiguous' },
  { english: /^[^:]+: (?<currency>[A-Z]{3}) amounts have at most (?<digits>\d) decimals\.$/, key: 'dashboard.money.decimals' },
  { english: /^[^:]+: (?<currency>[A-Z]{3}) amounts are whole numbers, like (?<example>.+)\.$/, key: 'dashboard.money.whole' },
  { english: /^[^:]+: that amount is too large\.$/, key: 'dashboard.money.tooLarge' },
];

export const PRODUCT_MESSAGES: readonly MessageRule[] = [
  ...ACCESS_MESSAGES,
  ...MONEY_MESSAGES,
  { english: /^The SKU (?<sku>.+) is used twice in this product\.$/, key: 'dashboard.productForm.errors.skuTwice' },
  { english: /^Enter a price like (?<example>.+), without a currency sign\.$/, key: 'dashboard.productForm.errors.priceFormat' },
];

/** zod's own wording (limits without a custom message) per product field. */
export const PRODUCT_FIELDS: FieldFallbacks = {
  title: 'dashboard.productForm.errors.titleTooLong',
  'variants.name': 'dashboard.productForm.errors.variantNameRequired',
  'variants.options': 'dashboard.productForm.errors.optionsFormat',
  variants: 'dashboard.productForm.errors.variantsRequired',
};

export const CSV_MESSAGES: readonly MessageRule[] = [...PRODUCT_MESSAGES];

export const SHOW_MESSAGES: readonly MessageRule[] = [
  ...ACCESS_MESSAGES,
  { english: /^A show can feature at most (?<max>\d+) products\.$/, key: 'dashboard.showForm.errors.lineupTooLong' },
];

/** zod's own wording (a number field left empty, a link that is not one) per show field. */
export const SHOW_FIELDS: FieldFallbacks = {
  plannedDurationMinutes: 'dashboard.showForm.errors.durationRange',
  commissionPercent: 'dashboard.showForm.errors.commissionRequired',
  hostHandle: 'dashboard.showForm.errors.hostInvalid',
  coverImageUrl: 'dashboard.showForm.errors.coverUrl',
  coverFile: 'dashboard.showForm.errors.coverType',
  lineup: 'dashboard.showForm.errors.lineupInvalid',
  startLocal: 'dashboard.showForm.errors.startFormat',
};

export const TEAM_MESSAGES: readonly MessageRule[] = [...ACCESS_MESSAGES];

export const TEAM_FIELDS: FieldFallbacks = { email: 'dashboard.team.errors.emailInvalid' };

export const HOST_MESSAGES: readonly MessageRule[] = [];
