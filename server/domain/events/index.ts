// The outbox: typed domain events recorded in the transaction of the change that caused them
// (`recordBrandEvent`), with their webhook deliveries; readers of the outbox (the stock relay).
//
// The module's public door: code outside server/domain/events/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  ALL_EVENTS,
  BRAND_EVENT_TYPES,
  type BrandEventType,
  type EventDb,
  queueWebhookDelivery,
  recordBrandEvent,
  TEST_EVENT_TYPE,
  WEBHOOK_MAX_ATTEMPTS,
  webhookJobKey,
} from './brand-events';
export { readRecentStockEvents, stockCardUpdates } from './stock-announcements';
