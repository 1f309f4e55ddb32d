// The shop assistant (issue 19): understands a buyer's question in English, Khmer, Lao or Mongolian
// and answers from the catalog, the brand's FAQ and the buyer's own orders.
//
// The module's public door: code outside server/domain/assistant/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { prepareAssistant, understand } from './understand';
export { ASSISTANT_INTENTS, type AssistantIntent, type AssistantSlots, type Understanding, type UnderstandOptions } from './understanding';
export { answerQuestion, type AnswerOptions } from './answer';
export { askSchema, type AskInput } from './answer.schema';
// The engine's reply, before the conversation (conversation.ts) prices and carries it out.
export { type AssistantReply as AnswerReply, type OrderHelpIntent } from './reply';
export { phrasingFrom, type Phrasing } from './phrasing';
export { variantKeys } from './slots';
export {
  type AssistantPolicy,
  deleteFaqEntry,
  type FaqEntry,
  getAssistantPolicy,
  listFaq,
  MAX_FAQ_ENTRIES,
  myAssistantPolicy,
  saveAssistantPolicy,
  saveFaqEntry,
} from './faq';
export { assistantPolicySchema, faqEntrySchema, type AssistantPolicyInput, type FaqEntryInput } from './faq.schema';
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
