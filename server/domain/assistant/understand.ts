// Placeholder engine for the contract: English keywords only. The assistant-brain work replaces it
// with the real engine (four languages, slot filling); its signature stays.
import type { AssistantIntent, Understanding, UnderstandOptions } from './understanding';

const KEYWORDS: [AssistantIntent, RegExp][] = [
  ['order_status', /\bwhere\b.*\border\b/i],
  ['cancel_order', /\bcancel\b/i],
  ['return_order', /\breturn (it|my)\b/i],
  ['change_address', /\b(change|wrong)\b.*\baddress\b/i],
  ['use_coupon', /\b(coupon|code)\b/i],
  ['add_to_bag', /\b(bag|cart)\b/i],
  ['buy', /\b(i'?ll take|buy|i want)\b/i],
  ['price', /\b(price|cost|how much)\b/i],
  ['stock', /\b(stock|left|available)\b/i],
  ['sizes', /\b(sizes?|colou?rs?|variants?)\b/i],
  ['shipping', /\bshipping\b/i],
  ['delivery_time', /\b(deliver|arrive)\w*\b/i],
  ['returns', /\breturns?\b/i],
  ['materials', /\b(ingredients?|materials?|made of)\b/i],
  ['what_is_this', /\bwhat is (this|it)\b/i],
  ['deal', /\b(deal|discount|sale)\b/i],
  ['greeting', /^\s*(hi|hello|hey)\b/i],
];

export function understand(text: string, options: UnderstandOptions): Understanding {
  const match = KEYWORDS.find(([, pattern]) => pattern.test(text));
  const quantity = /\b(\d{1,3})\b/.exec(text);
  return {
    intent: match ? match[0] : 'unknown',
    confidence: match ? 0.6 : 0,
    language: options.pageLocale,
    slots: quantity ? { quantity: Number(quantity[1]) } : {},
  };
}
