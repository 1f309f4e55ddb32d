import type { FieldFallbacks, MessageRule } from './localise-state';

// The field sentences of the catalog, scheduling and team schemas (and our own
// form schemas), each paired with its dictionary key. Refusals of those domains
// are codes with params and read through errorText, never through a rule here.

export const ACCESS_MESSAGES: readonly MessageRule[] = [
  { english: /^Use at most (?<max>\d+) characters\.$/, key: 'dashboard.form.maxChars' },
];

export const PRODUCT_MESSAGES: readonly MessageRule[] = [
  ...ACCESS_MESSAGES,
  { english: 'Give the product a title.', key: 'dashboard.productForm.errors.titleRequired' },
  { english: 'Keep the title under 200 characters.', key: 'dashboard.productForm.errors.titleTooLong' },
  { english: 'Keep the description under 5,000 characters.', key: 'dashboard.productForm.errors.descriptionTooLong' },
  { english: 'Add at least one variant.', key: 'dashboard.productForm.errors.variantsRequired' },
  { english: 'A product needs at least one variant.', key: 'dashboard.productForm.errors.productNeedsVariant' },
  { english: 'Give the variant a name, like “Medium / Red”.', key: 'dashboard.productForm.errors.variantNameRequired' },
  { english: 'Enter a SKU.', key: 'dashboard.productForm.errors.skuRequired' },
  { english: 'A SKU can be at most 64 characters.', key: 'dashboard.productForm.errors.skuTooLong' },
  {
    english: 'A SKU may use letters, digits and . _ - / only, and must start with a letter or digit.',
    key: 'dashboard.productForm.errors.skuFormat',
  },
  { english: /^The SKU (?<sku>.+) is used twice in this product\.$/, key: 'dashboard.productForm.errors.skuTwice' },
  { english: 'Write options like Size=M; Colour=Red, each name once.', key: 'dashboard.productForm.errors.optionsFormat' },
  { english: 'Option names and values cannot contain ; or =.', key: 'dashboard.productForm.errors.optionChars' },
  { english: 'A variant can have at most 10 options.', key: 'dashboard.productForm.errors.tooManyOptions' },
  { english: /^Enter a price like (?<example>.+), without a currency sign\.$/, key: 'dashboard.productForm.errors.priceFormat' },
  { english: 'Enter a price like 12.50.', key: 'dashboard.productForm.errors.priceRequired' },
  { english: 'Enter a price.', key: 'dashboard.productForm.errors.priceRequired' },
  { english: 'A price cannot be negative.', key: 'dashboard.productForm.errors.priceNegative' },
  { english: 'That price is too high.', key: 'dashboard.productForm.errors.priceTooHigh' },
  { english: 'Enter the stock as a whole number.', key: 'dashboard.productForm.errors.stockWhole' },
  { english: 'Stock must be a whole number.', key: 'dashboard.productForm.errors.stockWhole' },
  { english: 'Stock cannot be below zero.', key: 'dashboard.productForm.errors.stockNegative' },
  { english: 'That stock figure is too high.', key: 'dashboard.productForm.errors.stockTooHigh' },
  { english: 'Enter the stock for the new variant.', key: 'dashboard.productForm.errors.newVariantStock' },
];

/** zod's own wording (limits without a custom message) per product field. */
export const PRODUCT_FIELDS: FieldFallbacks = {
  title: 'dashboard.productForm.errors.titleTooLong',
  'variants.name': 'dashboard.productForm.errors.variantNameRequired',
  'variants.options': 'dashboard.productForm.errors.optionsFormat',
  variants: 'dashboard.productForm.errors.variantsRequired',
};

export const CSV_MESSAGES: readonly MessageRule[] = [
  ...PRODUCT_MESSAGES,
  { english: 'Choose a CSV file.', key: 'dashboard.csvImport.errors.chooseFile' },
  { english: 'Preview a file first.', key: 'dashboard.csvImport.errors.previewFirst' },
];

export const SHOW_MESSAGES: readonly MessageRule[] = [
  ...ACCESS_MESSAGES,
  { english: 'Give the show a title.', key: 'dashboard.showForm.errors.titleRequired' },
  { english: 'Use whole minutes.', key: 'dashboard.showForm.errors.durationWhole' },
  { english: 'At least 5 minutes.', key: 'dashboard.showForm.errors.durationMin' },
  { english: 'At most 24 hours.', key: 'dashboard.showForm.errors.durationMax' },
  { english: 'Enter a percentage.', key: 'dashboard.showForm.errors.commissionRequired' },
  { english: 'Commission cannot be negative.', key: 'dashboard.showForm.errors.commissionNegative' },
  { english: 'Commission cannot exceed 100 %.', key: 'dashboard.showForm.errors.commissionMax' },
  { english: 'Enter the host’s handle.', key: 'dashboard.showForm.errors.hostRequired' },
  { english: 'Use the date and time picker (YYYY-MM-DDTHH:mm).', key: 'dashboard.showForm.errors.startFormat' },
  {
    english: 'Upload the picture, or use an https:// link from an image host this shop allows.',
    key: 'dashboard.showForm.errors.coverUrl',
  },
  { english: /^A show can feature at most (?<max>\d+) products\.$/, key: 'dashboard.showForm.errors.lineupTooLong' },
  { english: 'Each product can be in the lineup only once.', key: 'dashboard.showForm.errors.lineupTwice' },
  { english: 'We could not find that show.', key: 'dashboard.shows.notFound' },
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

export const TEAM_MESSAGES: readonly MessageRule[] = [
  ...ACCESS_MESSAGES,
  { english: 'Enter a valid email address.', key: 'dashboard.team.errors.emailInvalid' },
];

export const TEAM_FIELDS: FieldFallbacks = { email: 'dashboard.team.errors.emailInvalid' };

export const HOST_MESSAGES: readonly MessageRule[] = [];
