import type { FieldFallbacks } from './localise-state';

// Per form, the hint for fields whose message is zod's own wording rather than an
// error key; every other field message is a key (with params) and reads through errorText.

/** zod's own wording (limits without a custom message) per product field. */
export const PRODUCT_FIELDS: FieldFallbacks = {
  title: 'dashboard.productForm.errors.titleTooLong',
  'variants.name': 'dashboard.productForm.errors.variantNameRequired',
  'variants.options': 'dashboard.productForm.errors.optionsFormat',
  variants: 'dashboard.productForm.errors.variantsRequired',
};

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

export const TEAM_FIELDS: FieldFallbacks = { email: 'dashboard.team.errors.emailInvalid' };
