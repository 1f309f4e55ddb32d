// The assistant's language engine (issue 19 item 3): intent by a classifier trained in process on
// phrase lists in the four languages (classifier.ts), slots by rules per script (slots.ts), the
// language from the script with the page's language as fallback. No network, no model download.
import { intentClassifier } from './classifier';
import { scriptLanguage } from './script';
import { extractSlots } from './slots';
import type { Understanding, UnderstandOptions } from './understanding';

/** Below this probability the engine says 'unknown' rather than guess (the chat side hands the question to people). */
export const CONFIDENCE_THRESHOLD = 0.25;
const MAX_TEXT = 500;

export function understand(text: string, options: UnderstandOptions): Understanding {
  const clipped = text.slice(0, MAX_TEXT).replace(/@\w+/g, ' ');
  const language = scriptLanguage(clipped) ?? options.pageLocale;
  const scored = intentClassifier().classify(clipped);
  const intent = scored.probability >= CONFIDENCE_THRESHOLD ? scored.intent : 'unknown';
  const { variantKeys: _keys, ...slots } = extractSlots(clipped, intent === 'use_coupon');
  return { intent, confidence: Number(scored.probability.toFixed(3)), language, slots };
}

/** Trains the intent model now (a fraction of a second) rather than on the first question: call it at boot. */
export function prepareAssistant(): void {
  intentClassifier();
}
