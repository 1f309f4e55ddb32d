// The brand's side: the inbox (open, unread, assigned to me, closed), a conversation, replies (which
// reach the buyer in-app and by email), assignment to a member, closing, and response times.
import type { Prisma, SupportStatus } from '../../db/client';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { recordBrandEvent } from '../events';
import { queueSupportReplyEmail, supportThreadPath } from './support-email';
import { threadSelect, toThread, type SupportThread } from './support-buyer';
import { parseBody } from './support-parse';
import type { SupportFilter } from './support-schema';

export interface InboxRow {
  id: string;
  subject: string;
  status: SupportStatus;
  buyerName: string;
  orderId: string | null;
  orderNumber: number | null;
  assigneeName: string | null;
  lastMessageAt: Date;
  /** The buyer wrote after the team last opened it. */
  unread: boolean;
}

export interface BrandThread extends SupportThread {
  buyerName: string;
  assigneeId: string | null;
  firstResponseAt: Date | null;
}

const INBOX_PAGE = 50;

function filterWhere(filter: SupportFilter, actor: Actor): Prisma.SupportConversationWhereInput {
  switch (filter) {
    case 'open':
      return { status: 'OPEN' };
    case 'closed':
      return { status: 'CLOSED' };
    case 'mine':
      return { status: 'OPEN', assigneeId: actor.userId };
    case 'unread':
    case 'all':
      return {};
  }
}

export async function listBrandInbox(db: Db, actor: Actor, slug: string, filter: SupportFilter): Promise<InboxRow[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  const rows = await db.supportConversation.findMany({
    where: { brandId: brand.brandId, ...filterWhere(filter, actor) },
    orderBy: { lastMessageAt: 'desc' },
    take: filter === 'unread' ? INBOX_PAGE * 4 : INBOX_PAGE,
    select: {
      id: true,
      subject: true,
      status: true,
      orderId: true,
      lastMessageAt: true,
      brandReadAt: true,
      buyer: { select: { name: true } },
      order: { select: { number: true } },
      assignee: { select: { name: true } },
      messages: { where: { fromBrand: false }, orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
    },
  });
  const inbox = rows.map((r) => {
    const lastFromBuyer = r.messages[0]?.createdAt ?? null;
    return {
      id: r.id,
      subject: r.subject,
      status: r.status,
      buyerName: r.buyer.name,
      orderId: r.orderId,
      orderNumber: r.order?.number ?? null,
      assigneeName: r.assignee?.name ?? null,
      lastMessageAt: r.lastMessageAt,
      unread: lastFromBuyer !== null && (r.brandReadAt === null || lastFromBuyer > r.brandReadAt),
    };
  });
  return filter === 'unread' ? inbox.filter((r) => r.unread).slice(0, INBOX_PAGE) : inbox;
}

async function brandConversation(db: Db, brandId: string, conversationId: string) {
  const row = await db.supportConversation.findFirst({
    where: { id: conversationId, brandId },
    select: { ...threadSelect, assigneeId: true, firstResponseAt: true, buyer: { select: { name: true } } },
  });
  // Another brand's conversation reads as missing, like another brand's order.
  if (!row) throw new AppError('SUPPORT_CONVERSATION_NOT_FOUND', `conversation ${conversationId} is not brand ${brandId}'s`);
  return row;
}

/** One conversation for the team, marked read for the brand. */
export async function getBrandConversation(db: Db, actor: Actor, slug: string, conversationId: string): Promise<BrandThread> {
  const brand = await requireBrandMember(db, actor, { slug });
  const row = await brandConversation(db, brand.brandId, conversationId);
  await db.supportConversation.update({ where: { id: conversationId }, data: { brandReadAt: new Date() } });
  return { ...toThread(row), buyerName: row.buyer.name, assigneeId: row.assigneeId, firstResponseAt: row.firstResponseAt };
}

/** A team member answers; the buyer gets it on their page and by email, queued in the same transaction. */
export async function replyAsBrand(
  db: Db,
  actor: Actor,
  slug: string,
  conversationId: string,
  body: string,
  publicUrl: string | null,
): Promise<void> {
  const text = parseBody(body);
  const brand = await requireBrandMember(db, actor, { slug });
  await db.$transaction(async (tx) => {
    const conversation = await tx.supportConversation.findFirst({
      where: { id: conversationId, brandId: brand.brandId },
      select: {
        id: true,
        orderId: true,
        firstResponseAt: true,
        assigneeId: true,
        order: { select: { number: true } },
        buyer: { select: { name: true, email: true, locale: true, deletedAt: true } },
      },
    });
    if (!conversation) throw new AppError('SUPPORT_CONVERSATION_NOT_FOUND', `conversation ${conversationId} is not ${slug}'s`);
    const now = new Date();
    const message = await tx.supportMessage.create({
      data: { conversationId, authorId: actor.userId, fromBrand: true, body: text, createdAt: now },
      select: { id: true },
    });
    await tx.supportConversation.update({
      where: { id: conversationId },
      data: {
        lastMessageAt: now,
        brandReadAt: now,
        firstResponseAt: conversation.firstResponseAt ?? now,
        // Whoever answers an unassigned conversation takes it, so the inbox shows who is on it.
        assigneeId: conversation.assigneeId ?? actor.userId,
      },
    });
    await recordBrandEvent(tx, brand.brandId, 'support.replied', { conversationId, orderId: conversation.orderId, messageId: message.id });
    if (conversation.buyer.deletedAt) return;
    await queueSupportReplyEmail(tx, {
      messageId: message.id,
      body: text,
      brandName: brand.name,
      orderNumber: conversation.order?.number ?? null,
      link: publicUrl ? new URL(supportThreadPath(conversation), publicUrl).toString() : null,
      buyer: conversation.buyer,
    });
  });
}

/** Gives the conversation to a member of the brand's team, or to nobody (null). */
export async function assignConversation(
  db: Db,
  actor: Actor,
  slug: string,
  conversationId: string,
  assigneeId: string | null,
): Promise<void> {
  const brand = await requireBrandMember(db, actor, { slug });
  await brandConversation(db, brand.brandId, conversationId);
  if (assigneeId !== null) {
    const member = await db.brandMember.findUnique({
      where: { brandId_userId: { brandId: brand.brandId, userId: assigneeId } },
      select: { userId: true },
    });
    if (!member) throw new AppError('SUPPORT_ASSIGNEE_NOT_MEMBER', `user ${assigneeId} is not in ${slug}'s team`);
  }
  await db.supportConversation.update({ where: { id: conversationId }, data: { assigneeId } });
}

export async function setConversationStatus(
  db: Db,
  actor: Actor,
  slug: string,
  conversationId: string,
  status: SupportStatus,
): Promise<void> {
  const brand = await requireBrandMember(db, actor, { slug });
  await brandConversation(db, brand.brandId, conversationId);
  await db.supportConversation.update({ where: { id: conversationId }, data: { status } });
}

export interface ResponseTimes {
  /** Median time to the team's first answer, over conversations opened in the last 30 days that have one. */
  medianFirstResponseMs: number | null;
  answered: number;
  /** Opened in the last 30 days, still without an answer. */
  waiting: number;
}

const WINDOW_MS = 30 * 86_400_000;

export async function brandResponseTimes(db: Db, actor: Actor, slug: string, now = new Date()): Promise<ResponseTimes> {
  const brand = await requireBrandMember(db, actor, { slug });
  const since = new Date(now.getTime() - WINDOW_MS);
  const rows = await db.$queryRaw<{ median: number | null; answered: bigint; waiting: bigint }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("firstResponseAt" - "createdAt")) * 1000)
             FILTER (WHERE "firstResponseAt" IS NOT NULL) AS median,
           count(*) FILTER (WHERE "firstResponseAt" IS NOT NULL) AS answered,
           count(*) FILTER (WHERE "firstResponseAt" IS NULL) AS waiting
    FROM "SupportConversation" WHERE "brandId" = ${brand.brandId} AND "createdAt" >= ${since}`;
  const row = rows[0];
  return {
    medianFirstResponseMs: row?.median === null || row?.median === undefined ? null : Math.round(Number(row.median)),
    answered: Number(row?.answered ?? 0),
    waiting: Number(row?.waiting ?? 0),
  };
}

/** The team, for the assignment picker. */
export async function listSupportTeam(db: Db, actor: Actor, slug: string): Promise<{ userId: string; name: string }[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  const members = await db.brandMember.findMany({
    where: { brandId: brand.brandId },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return members.map((m) => ({ userId: m.user.id, name: m.user.name }));
}
