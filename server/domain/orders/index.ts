// Orders: the one-tap purchase, reading orders (buyer, brand, host statement, CSV export), the
// fulfilment lifecycle, a buyer's cancel, how an order reads, and its emails.
//
// The module's public door: code outside server/domain/orders/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { type ShippingAddress, shippingAddressColumns, shippingAddressSelect, withShippingAddress } from './order-address';
export { type BrandOrderFilters, getBrandOrder, listBrandOrders, listBrandOrderShows } from './order-brand-queries';
export { cancelMyOrder } from './order-buyer-cancel';
export {
  ENGLISH_ITEMS_WORDS,
  formatItemsSummary,
  type ItemLine,
  leftToRefund,
  refundState,
  type StatusLabel,
  statusLabels,
  timelineEntries,
} from './order-display';
export {
  announceSale,
  ANNOUNCEMENT_WINDOW_SECONDS,
  pruneShowAnnouncements,
  readShowAnnouncements,
  saleFacts,
  type SaleFacts,
  type ShowAnnouncementRow,
} from './order-announcements';
export { finishReservedOrder, type FinishOutcome } from './order-finish';
export { queueReceiptEmail, sendReceiptEmail, warmReceiptFormats } from './order-emails';
export { exportBrandOrdersCsv } from './order-export';
export { ADVANCE_TARGETS, advanceOrder, advanceOrderByKey, advanceOrders, type AdvanceTarget, ORDER_TRANSITIONS } from './order-lifecycle';
export { getMyOrder, listMyOrders, type OrderDetail } from './order-queries';
export { queueRefundEmail } from './order-refund-email';
export { getHostStatement } from './order-statement';
export { FULFILMENT_STEPS, ORDER_STATUS_VALUES, type OrderStatus } from './order-status';
export { type PlacedOrder, placeShowOrder, type SharedTaps } from './orders';
export {
  confirmOrder,
  type OrderFacts,
  orderFacts,
  type OrderRefusal,
  placeOrder,
  type PlacedOrderResult,
  type RefusalWording,
  releaseOrder,
  reserveForQr,
} from './order-pipeline';
export { placePrizeOrder, type PrizeOrderResult } from './prize-order';
export { sweepOrphanedReservations } from './order-sweeper';
