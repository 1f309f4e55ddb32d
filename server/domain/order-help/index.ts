// Order help (issue 19 item 5): a buyer's questions about one order answered from its state, with
// the action it allows (cancel, change the address before packing, ask for a return).
//
// The module's public door: code outside server/domain/order-help/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { answerOrderHelp, ORDER_HELP_TOPICS, type OrderHelpAction, type OrderHelpAnswer, type OrderHelpTopic, topicOf } from './order-help';
export { changeOrderAddress, requestReturn } from './order-help-actions';
export { canChangeAddress, returnDeadline, returnRefusal } from './order-help-rules';
export { getReturnWindow, parseReturnWindow, RETURN_WINDOW_MAX_DAYS, setReturnWindow } from './return-window';
