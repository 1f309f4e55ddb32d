import type { FieldFallbacks, MessageRule } from './localise-state';

// The English sentences the catalog, scheduling and team domains (and our own
// form schemas) answer with, each paired with its dictionary key. A sentence
// changed in the domain simply shows in English until its rule here follows;
// test/unit/dashboard-messages.test.ts feeds the real schemas to catch that.

export const ACCESS_MESSAGES: readonly MessageRule[] = [
  { english: 'We could not find that brand.', key: 'dashboard.access.brandNotFound' },
  { english: 'Only the brand owner can do that.', key: 'dashboard.access.ownerOnly' },
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
  {
    english: /^The SKU (?<sku>.+) is already used by “(?<product>.+)”\. Choose another SKU\.$/,
    key: 'dashboard.productForm.errors.skuTakenBy',
  },
  { english: /^The SKU (?<sku>.+) is already used\. Choose another SKU\.$/, key: 'dashboard.productForm.errors.skuTaken' },
  {
    english: 'One of these SKUs is already used by another product. Choose another SKU.',
    key: 'dashboard.productForm.errors.skuTakenRace',
  },
  { english: 'Write options like Size=M; Colour=Red, each name once.', key: 'dashboard.productForm.errors.optionsFormat' },
  { english: 'Option names and values cannot contain ; or =.', key: 'dashboard.productForm.errors.optionChars' },
  { english: 'A variant can have at most 10 options.', key: 'dashboard.productForm.errors.tooManyOptions' },
  { english: /^Enter a price like (?<example>.+), without a currency sign\.$/, key: 'dashboard.productForm.errors.priceFormat' },
  { english: 'Enter a price like 12.50.', key: 'dashboard.productForm.errors.priceRequired' },
  { english: 'Enter a price.', key: 'dashboard.productForm.errors.priceRequired' },
  { english: 'A price cannot be negative.', key: 'dashboard.productForm.errors.priceNegative' },
  { english: 'That price is too high.', key: 'dashboard.productForm.errors.priceTooHigh' },
  { english: 'Enter the stock as a whole number, zero or more.', key: 'dashboard.productForm.errors.stockFormat' },
  { english: 'Enter the stock as a whole number.', key: 'dashboard.productForm.errors.stockWhole' },
  { english: 'Stock must be a whole number.', key: 'dashboard.productForm.errors.stockWhole' },
  { english: 'Stock cannot be below zero.', key: 'dashboard.productForm.errors.stockNegative' },
  { english: 'That stock figure is too high.', key: 'dashboard.productForm.errors.stockTooHigh' },
  { english: 'Enter the stock for the new variant.', key: 'dashboard.productForm.errors.newVariantStock' },
  { english: 'One of the variants no longer exists. Reload the page and try again.', key: 'dashboard.productForm.errors.variantGone' },
  {
    english:
      /^“(?<name>.+)” \((?<sku>.+)\) has already been ordered, so it cannot be removed\. Set its stock to 0, or archive the product to stop selling it\.$/,
    key: 'dashboard.productForm.errors.variantOrdered',
  },
  { english: 'We could not find that product.', key: 'dashboard.products.notFound' },
  { english: 'Choose an image file.', key: 'dashboard.productImage.errors.choose' },
  { english: 'Choose an image file to upload.', key: 'dashboard.productImage.errors.choose' },
  { english: 'That image is larger than 5 MB. Please choose a smaller one.', key: 'dashboard.productImage.errors.tooLarge' },
  { english: 'That file is not a PNG, JPEG, WebP or GIF image.', key: 'dashboard.productImage.errors.notImage' },
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
  { english: 'The file is larger than 2 MB. Split it into smaller files.', key: 'dashboard.csvImport.errors.tooLarge' },
  { english: 'Preview a file first.', key: 'dashboard.csvImport.errors.previewFirst' },
  { english: 'The file is empty.', key: 'dashboard.csvImport.errors.empty' },
  { english: 'The file has no products below its header row.', key: 'dashboard.csvImport.errors.noRows' },
  { english: /^The file has more than (?<max>\d+) rows\. Split it into smaller files\.$/, key: 'dashboard.csvImport.errors.tooManyRows' },
  {
    english: /^Row (?<row>\d+) has a quoted value that never ends\. Check its quote marks\.$/,
    key: 'dashboard.csvImport.errors.unclosedQuote',
  },
  {
    english: /^Row (?<row>\d+) has text after a closing quote mark\. Put the whole value inside the quotes\.$/,
    key: 'dashboard.csvImport.errors.textAfterQuote',
  },
  { english: /^The column “(?<column>.+)” appears twice in the first row\.$/, key: 'dashboard.csvImport.errors.duplicateColumn' },
  {
    english: /^The first row must name the columns (?<columns>.+)\. Start from an exported file to get them all\.$/,
    key: 'dashboard.csvImport.errors.missingColumns',
  },
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
  { english: /^No host has the handle @(?<handle>.+)\.$/, key: 'dashboard.showForm.errors.hostUnknown' },
  { english: 'Use the date and time picker (YYYY-MM-DDTHH:mm).', key: 'dashboard.showForm.errors.startFormat' },
  { english: 'Enter a valid start date and time.', key: 'dashboard.showForm.errors.startInvalid' },
  {
    english: /^That time does not exist in (?<zone>.+): the clocks skip it\. Pick another time\.$/,
    key: 'dashboard.showForm.errors.startSkipped',
  },
  { english: 'The start time must be in the future.', key: 'dashboard.showForm.errors.startPast' },
  {
    english: 'Upload the picture, or use an https:// link from an image host this shop allows.',
    key: 'dashboard.showForm.errors.coverUrl',
  },
  { english: 'The cover image must be 5 MB or smaller.', key: 'dashboard.showForm.errors.coverTooLarge' },
  { english: 'The cover image must be a PNG, JPEG or WebP picture.', key: 'dashboard.showForm.errors.coverType' },
  { english: /^A show can feature at most (?<max>\d+) products\.$/, key: 'dashboard.showForm.errors.lineupTooLong' },
  { english: 'Each product can be in the lineup only once.', key: 'dashboard.showForm.errors.lineupTwice' },
  { english: 'The lineup can only hold your own products that are not archived.', key: 'dashboard.showForm.errors.lineupForeign' },
  { english: 'We could not find that show.', key: 'dashboard.shows.notFound' },
  { english: 'This show has finished and can no longer be edited.', key: 'dashboard.showForm.errors.finished' },
  {
    english: 'The host has that product pinned right now; it can leave the lineup once unpinned.',
    key: 'dashboard.showForm.errors.pinned',
  },
  { english: 'Only a show that has not started can be rescheduled.', key: 'dashboard.showForm.errors.rescheduleStarted' },
  { english: 'A show that is live or has ended cannot be cancelled.', key: 'dashboard.showForm.errors.cancelStarted' },
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
  { english: /^(?<email>.+) is already on the team\.$/, key: 'dashboard.team.errors.alreadyMember' },
  { english: 'A brand needs at least one owner. Make someone else an owner first.', key: 'dashboard.team.errors.lastOwner' },
];

export const TEAM_FIELDS: FieldFallbacks = { email: 'dashboard.team.errors.emailInvalid' };

export const HOST_MESSAGES: readonly MessageRule[] = [
  { english: 'This show does not exist.', key: 'dashboard.host.errors.showMissing' },
  { english: 'Only the invited host can answer this invitation.', key: 'dashboard.host.errors.notYourInvite' },
  { english: 'This show has already started or is over.', key: 'dashboard.host.errors.alreadyStarted' },
  { english: 'You declined this show. Ask the brand to invite you again.', key: 'dashboard.host.errors.declinedBefore' },
  { english: 'This show changed meanwhile. Reload and try again.', key: 'dashboard.host.errors.changed' },
];
