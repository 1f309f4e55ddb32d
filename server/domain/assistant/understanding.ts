// The contract between the assistant's language engine and whatever acts on what it understood
// (issue 19). The engine (understand.ts) only reads text: it never looks at prices, stock or orders.
// Acting on an understanding (answering from the catalog, a confirmation card, order help) is done
// by code that reads the database, so a wrong guess can at worst give a wrong answer to the wrong
// question, never a wrong price or an order nobody confirmed.
import type { Locale } from '@/app/_i18n/locales';

export const ASSISTANT_INTENTS = [
  'price',
  'sizes', // sizes, colours, variants
  'stock',
  'shipping', // shipping cost, free-shipping threshold
  'delivery_time',
  'returns',
  'materials', // ingredients, materials, what it is made of
  'what_is_this', // the pinned product
  'deal', // the deal running now
  'buy', // "I'll take 2 of the 50 ml"
  'add_to_bag',
  'use_coupon',
  'order_status', // "where is my order?"
  'cancel_order',
  'change_address',
  'return_order',
  'greeting',
  'unknown',
] as const;
export type AssistantIntent = (typeof ASSISTANT_INTENTS)[number];

export interface AssistantSlots {
  /** Words that name a product ("the serum", "lip tint"), as typed. */
  productQuery?: string;
  /** Words that name a variant ("50 ml", "red", "M"), as typed. */
  variantQuery?: string;
  /** A whole number ≥ 1, from digits in any of the four scripts or number words. */
  quantity?: number;
  couponCode?: string;
}

export interface Understanding {
  intent: AssistantIntent;
  /** 0…1; below the engine's threshold the intent is 'unknown'. */
  confidence: number;
  /** The language the question is written in (the asker's page language when the text does not tell). */
  language: Locale;
  slots: AssistantSlots;
}

export interface UnderstandOptions {
  /** The asker's page language: the fallback when the text's own script does not decide. */
  pageLocale: Locale;
}
