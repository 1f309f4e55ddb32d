// The shop assistant (issue 19): understands a buyer's question in English, Khmer, Lao or Mongolian
// and answers from the catalog, the brand's FAQ and the buyer's own orders.
//
// The module's public door: code outside server/domain/assistant/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { understand } from './understand';
export { ASSISTANT_INTENTS, type AssistantIntent, type AssistantSlots, type Understanding, type UnderstandOptions } from './understanding';
export {
  answer,
  askAssistant,
  assistantEnabledIn,
  ASSISTANT_MENTIONS,
  type AssistantContext,
  type AssistantProduct,
  type AssistantReply,
  type AssistantVariant,
  type ConfirmationCard,
  confirmAssistantCard,
  isPersonalReply,
  questionInChat,
  setAssistantEnabled,
} from './conversation';
