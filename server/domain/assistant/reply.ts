import type { Locale } from '@/app/_i18n/locales';
import type { AssistantIntent } from './understanding';

export type OrderHelpIntent = Extract<AssistantIntent, 'order_status' | 'cancel_order' | 'change_address' | 'return_order'>;

/**
 * What the assistant answers. The chat side renders `answer`/`handoff` text as it is, turns a
 * `buy_proposal` into a priced confirmation card through the order path (which re-reads price and
 * stock), adds to the bag, applies a coupon, or opens order help. `text` is always in `language`.
 */
export type AssistantReply = { language: Locale } & (
  | { kind: 'answer'; text: string; product?: { productId: string; variantId?: string } }
  | { kind: 'buy_proposal'; text: string; productId: string; variantId: string; quantity: number }
  | { kind: 'add_to_bag'; text: string; productId: string; variantId: string; quantity: number }
  | { kind: 'coupon'; code: string }
  | { kind: 'order_help'; intent: OrderHelpIntent }
  | { kind: 'handoff'; text: string }
);
