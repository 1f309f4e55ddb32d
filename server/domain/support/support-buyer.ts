// The buyer's side of a support conversation: opening one (from an order, or with a brand), writing
// in it, and reading it. Someone else's conversation is NOT_FOUND, like someone else's order.
import type { SupportStatus } from '../../db/client';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { recordBrandEvent } from '../events';
import { parseBody } from './support-parse';

export interface SupportMessageView {
  id: string;
  body: string;
  fromBrand: boolean;
  authorName: string;
  createdAt: Date;
}

export interface SupportThread {
  id: string;
  subject: string;
  status: SupportStatus;
  brandName: string;
  orderId: string | null;
  orderNumber: number | null;
  createdAt: Date;
  messages: SupportMessageView[];
}

const SUBJECT_MAX = 120;

function subjectOf(body: string): string {
  const firstLine = body.split('\n', 1)[0]!.trim();
  return firstLine.length > SUBJECT_MAX ? `${firstLine.slice(0, SUBJECT_MAX - 1)}…` : firstLine;
}

export const threadSelect = {
  id: true,
  subject: true,
  status: true,
  orderId: true,
  createdAt: true,
  brand: { select: { name: true } },
  order: { select: { number: true } },
  messages: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, body: true, fromBrand: true, createdAt: true, author: { select: { name: true } } },
  },
} as const;

type ThreadRow = {
  id: string;
  subject: string;
  status: SupportStatus;
  orderId: string | null;
  createdAt: Date;
  brand: { name: string };
  order: { number: number } | null;
  messages: { id: string; body: string; fromBrand: boolean; createdAt: Date; author: { name: string } }[];
};

export function toThread(row: ThreadRow): SupportThread {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    brandName: row.brand.name,
    orderId: row.orderId,
    orderNumber: row.order?.number ?? null,
    createdAt: row.createdAt,
    messages: row.messages.map((m) => ({
      id: m.id,
      body: m.body,
      fromBrand: m.fromBrand,
      authorName: m.author.name,
      createdAt: m.createdAt,
    })),
  };
}

/**
 * Opens a conversation about one of the buyer's orders with that order's brand. A second question
 * about the same order goes into its open conversation, so the brand's team sees one thread.
 */
export async function openOrderConversation(db: Db, actor: Actor, orderId: string, body: string): Promise<{ conversationId: string }> {
  const text = parseBody(body);
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, buyerId: actor.userId },
      select: { id: true, number: true, brandId: true },
    });
    if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} is not ${actor.userId}'s`);
    const now = new Date();
    const open = await tx.supportConversation.findFirst({
      where: { orderId, buyerId: actor.userId, status: 'OPEN' },
      select: { id: true },
    });
    if (open) {
      await tx.supportMessage.create({
        data: { conversationId: open.id, authorId: actor.userId, fromBrand: false, body: text, createdAt: now },
      });
      await tx.supportConversation.update({ where: { id: open.id }, data: { lastMessageAt: now, buyerReadAt: now } });
      return { conversationId: open.id };
    }
    const conversation = await tx.supportConversation.create({
      data: {
        brandId: order.brandId,
        buyerId: actor.userId,
        orderId,
        subject: subjectOf(text),
        lastMessageAt: now,
        buyerReadAt: now,
        createdAt: now,
        messages: { create: { authorId: actor.userId, fromBrand: false, body: text, createdAt: now } },
      },
      select: { id: true },
    });
    await recordBrandEvent(tx, order.brandId, 'support.conversation_opened', {
      conversationId: conversation.id,
      orderId,
      orderNumber: order.number,
    });
    return { conversationId: conversation.id };
  });
}

/** The buyer writes again; a closed conversation opens again, since the buyer still needs an answer. */
export async function postBuyerMessage(db: Db, actor: Actor, conversationId: string, body: string): Promise<void> {
  const text = parseBody(body);
  await db.$transaction(async (tx) => {
    const conversation = await tx.supportConversation.findFirst({
      where: { id: conversationId, buyerId: actor.userId },
      select: { id: true },
    });
    if (!conversation) throw new AppError('SUPPORT_CONVERSATION_NOT_FOUND', `conversation ${conversationId} is not ${actor.userId}'s`);
    const now = new Date();
    await tx.supportMessage.create({ data: { conversationId, authorId: actor.userId, fromBrand: false, body: text, createdAt: now } });
    await tx.supportConversation.update({ where: { id: conversationId }, data: { lastMessageAt: now, buyerReadAt: now, status: 'OPEN' } });
  });
}

/** The buyer's conversations about one order (newest first), marked read as the page shows them. */
export async function listOrderConversations(db: Db, actor: Actor, orderId: string): Promise<SupportThread[]> {
  const rows = await db.supportConversation.findMany({
    where: { orderId, buyerId: actor.userId },
    orderBy: { createdAt: 'desc' },
    select: threadSelect,
  });
  if (rows.length > 0)
    await db.supportConversation.updateMany({ where: { orderId, buyerId: actor.userId }, data: { buyerReadAt: new Date() } });
  return rows.map(toThread);
}

/** One of the buyer's conversations, marked read. */
export async function getMyConversation(db: Db, actor: Actor, conversationId: string): Promise<SupportThread> {
  const row = await db.supportConversation.findFirst({ where: { id: conversationId, buyerId: actor.userId }, select: threadSelect });
  if (!row) throw new AppError('SUPPORT_CONVERSATION_NOT_FOUND', `conversation ${conversationId} is not ${actor.userId}'s`);
  await db.supportConversation.update({ where: { id: conversationId }, data: { buyerReadAt: new Date() } });
  return toThread(row);
}

/** How many of the buyer's conversations have a brand message they have not seen. */
export async function countMyUnread(db: Db, actor: Actor): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*)::bigint AS n FROM "SupportConversation" c
    WHERE c."buyerId" = ${actor.userId}
      AND EXISTS (SELECT 1 FROM "SupportMessage" m WHERE m."conversationId" = c."id" AND m."fromBrand"
                  AND (c."buyerReadAt" IS NULL OR m."createdAt" > c."buyerReadAt"))`;
  return Number(rows[0]?.n ?? 0);
}
