// Brands: the brand gate every brand-side read and write goes through, the team and its invitations,
// the shipping rule and the webhook endpoints a brand subscribes.
//
// The module's public door: code outside server/domain/brands/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { type BrandAccess, requireBrandMember } from './brand-access';
export { getShippingRule, updateShippingRule } from './brand-shipping';
export { getBrandTimeZone, setBrandTimeZone } from './brand-time-zone';
export {
  acceptBrandInvite,
  BRAND_CURRENCIES,
  brandCreationSchema,
  createBrand,
  getBrandTeam,
  inviteBrandMember,
  memberInviteSchema,
  previewBrandInvite,
  removeBrandMember,
  revokeBrandInvite,
} from './brand-team';
export { webhookEndpointInputSchema } from './webhooks.schema';
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  replayDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEndpointActive,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from './webhooks';
export { type BrandAddressCheck, checkBrandAddress, slugFromName } from './brand-address';
