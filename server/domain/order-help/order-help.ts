// "Where is my order?", "cancel it", "change the address", "I want to return it": the help box on a
// buyer's order page. The language engine (server/domain/assistant) only names the intent; the
// answer is built here from the order's real state, with the one action it allows. Words are the
// page's (app/_i18n): this returns facts and an action, never sentences.
import type { Locale } from '@/app/_i18n/locales';
import type { OrderStatus } from '../../db/client';
import { understand, type AssistantIntent } from '../assistant';
import type { Actor, Db } from '../context';
import { AppError, type ErrorKey } from '../errors';
import { canCancel, canChangeAddress, returnDeadline, returnRefusal } from './order-help-rules';

export const ORDER_HELP_TOPICS = ['status', 'cancel', 'address', 'return', 'other'] as const;
export type OrderHelpTopic = (typeof ORDER_HELP_TOPICS)[number];

export type OrderHelpAction = 'cancel' | 'change_address' | 'request_return' | 'contact';

export interface OrderHelpAnswer {
  topic: OrderHelpTopic;
  /** The language the question was written in, as the engine read it. */
  language: Locale;
  status: OrderStatus;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  /** Until when a return may be asked for (delivered orders). */
  returnDeadline: Date | null;
  returnRequested: boolean;
  /** The action the answer offers; 'contact' opens a support conversation. */
  action: OrderHelpAction | null;
  /** Why the asked-for action is not possible, as the action itself would refuse it. */
  refusal: { key: ErrorKey; params?: { days: number } } | null;
}

const TOPIC_OF: Partial<Record<AssistantIntent, OrderHelpTopic>> = {
  order_status: 'status',
  delivery_time: 'status',
  cancel_order: 'cancel',
  change_address: 'address',
  return_order: 'return',
  returns: 'return',
};

export function topicOf(intent: AssistantIntent): OrderHelpTopic {
  return TOPIC_OF[intent] ?? 'other';
}

const helpSelect = {
  status: true,
  carrier: true,
  trackingNumber: true,
  shippedAt: true,
  deliveredAt: true,
  brand: { select: { returnWindowDays: true } },
  returnRequest: { select: { id: true } },
} as const;

/** The answer to a topic chosen from the suggestions, or to typed text (`question`). */
export async function answerOrderHelp(
  db: Db,
  actor: Actor,
  orderId: string,
  ask: { topic: OrderHelpTopic } | { question: string },
  pageLocale: Locale,
  now = new Date(),
): Promise<OrderHelpAnswer> {
  const order = await db.order.findFirst({ where: { id: orderId, buyerId: actor.userId }, select: helpSelect });
  if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} is not ${actor.userId}'s`);
  const understood = 'question' in ask ? understand(ask.question, { pageLocale }) : null;
  const topic: OrderHelpTopic = 'topic' in ask ? ask.topic : topicOf(understood?.intent ?? 'unknown');
  const facts = {
    status: order.status,
    deliveredAt: order.deliveredAt,
    returnRequested: order.returnRequest !== null,
    returnWindowDays: order.brand.returnWindowDays,
  };
  const base = {
    topic,
    language: understood?.language ?? pageLocale,
    status: order.status,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    shippedAt: order.shippedAt,
    deliveredAt: order.deliveredAt,
    returnDeadline: returnDeadline(facts),
    returnRequested: facts.returnRequested,
  };
  switch (topic) {
    case 'status':
      return { ...base, action: null, refusal: null };
    case 'cancel':
      return canCancel(order.status)
        ? { ...base, action: 'cancel', refusal: null }
        : { ...base, action: 'contact', refusal: { key: order.status === 'CANCELLED' ? 'ORDER_CANCELLED' : 'ORDER_TOO_LATE_TO_CANCEL' } };
    case 'address':
      return canChangeAddress(order.status)
        ? { ...base, action: 'change_address', refusal: null }
        : { ...base, action: 'contact', refusal: { key: 'ORDER_ADDRESS_TOO_LATE' } };
    case 'return': {
      const refusal = returnRefusal(facts, now);
      if (!refusal) return { ...base, action: 'request_return', refusal: null };
      const params = refusal === 'RETURN_WINDOW_CLOSED' ? { days: facts.returnWindowDays } : undefined;
      return { ...base, action: 'contact', refusal: { key: refusal, ...(params ? { params } : {}) } };
    }
    case 'other':
      return { ...base, action: 'contact', refusal: null };
  }
  return { ...base, action: 'contact', refusal: null };
}
