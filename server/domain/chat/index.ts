// Show chat: messages, moderation (delete, ban, slow mode), the pinned message.
//
// The module's public door: code outside server/domain/chat/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  banFromShow,
  type ChatMessageView,
  deleteChatMessage,
  getPinnedMessage,
  pinChatMessage,
  recentChat,
  replayChat,
  sendChatMessage,
  setSlowMode,
} from './chat';
