// The support inbox (issue 19 item 5): conversations between a buyer and a brand's team, linked to
// an order when opened from one; replies reach the buyer in-app and by email; response times.
//
// The module's public door: code outside server/domain/support/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  countMyUnread,
  getMyConversation,
  listOrderConversations,
  openOrderConversation,
  postBuyerMessage,
  type SupportMessageView,
  type SupportThread,
} from './support-buyer';
export { supportReplyEmailKey } from './support-email';
export {
  assignConversation,
  type BrandThread,
  brandResponseTimes,
  getBrandConversation,
  type InboxRow,
  listBrandInbox,
  listSupportTeam,
  replyAsBrand,
  type ResponseTimes,
  setConversationStatus,
} from './support-inbox';
export { SUPPORT_FILTERS, SUPPORT_MESSAGE_MAX, type SupportFilter, supportMessageSchema } from './support-schema';
