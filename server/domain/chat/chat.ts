import { AppError } from '../errors';
import type { Actor, Db } from '../context';
import { requireModerator, showRoleOf } from '../shows';

export const CHAT_MAX_LENGTH = 300;
export const CHAT_HISTORY_SIZE = 50;
export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60] as const;

export interface ChatMessageView {
  id: string;
  text: string;
  createdAt: string;
  author: { id: string; name: string; role: 'host' | 'moderator' | 'viewer' };
}

// Control characters and the bidirectional overrides that can make a message
// display differently from what it says. Line breaks become spaces: chat is one line.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it is stored and shown: trimmed, safe characters only, within the length limit. */
export function normaliseChatText(raw: string): string {
  const text = raw
    .replace(/[\r\n\t]+/g, ' ')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (text.length === 0) throw new AppError('CHAT_EMPTY', 'empty chat message');
  if ([...text].length > CHAT_MAX_LENGTH) throw new AppError('CHAT_TOO_LONG', { max: CHAT_MAX_LENGTH }, 'chat message too long');
  return text;
}

const messageSelect = {
  id: true,
  text: true,
  createdAt: true,
  user: { select: { id: true, name: true } },
} as const;

type MessageRow = { id: string; text: string; createdAt: Date; user: { id: string; name: string } };

async function authorRoles(db: Db, showId: string, userIds: string[]): Promise<Map<string, ChatMessageView['author']['role']>> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { hostId: true, brand: { select: { members: { where: { userId: { in: userIds } }, select: { userId: true } } } } },
  });
  const roles = new Map<string, ChatMessageView['author']['role']>();
  for (const id of userIds)
    roles.set(id, id === show?.hostId ? 'host' : show?.brand.members.some((m) => m.userId === id) ? 'moderator' : 'viewer');
  return roles;
}

function toView(row: MessageRow, role: ChatMessageView['author']['role']): ChatMessageView {
  return { id: row.id, text: row.text, createdAt: row.createdAt.toISOString(), author: { ...row.user, role } };
}

export async function recentChat(db: Db, showId: string): Promise<ChatMessageView[]> {
  const rows = await db.chatMessage.findMany({
    where: { showId, deletedAt: null },
    select: messageSelect,
    orderBy: { createdAt: 'desc' },
    take: CHAT_HISTORY_SIZE,
  });
  const roles = await authorRoles(db, showId, [...new Set(rows.map((r) => r.user.id))]);
  return rows.reverse().map((r) => toView(r, roles.get(r.user.id) ?? 'viewer'));
}

export async function getPinnedMessage(db: Db, showId: string): Promise<ChatMessageView | null> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { pinnedMessage: { select: messageSelect } } });
  const row = show?.pinnedMessage;
  if (!row) return null;
  const roles = await authorRoles(db, showId, [row.user.id]);
  return toView(row, roles.get(row.user.id) ?? 'viewer');
}

export async function sendChatMessage(db: Db, actor: Actor, showId: string, rawText: string): Promise<ChatMessageView> {
  const text = normaliseChatText(rawText);
  const [show, ban, role] = await Promise.all([
    db.show.findUnique({ where: { id: showId }, select: { status: true, slowModeSeconds: true } }),
    db.showBan.findUnique({ where: { showId_userId: { showId, userId: actor.userId } }, select: { userId: true } }),
    showRoleOf(db, actor.userId, showId),
  ]);
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.status === 'ENDED' || show.status === 'CANCELLED') throw new AppError('CHAT_CLOSED', 'chat closed');
  if (ban) throw new AppError('BANNED', `user ${actor.userId} is banned from ${showId}`);
  if (show.slowModeSeconds > 0 && role === 'viewer') {
    const since = new Date(Date.now() - show.slowModeSeconds * 1000);
    const recent = await db.chatMessage.findFirst({
      where: { showId, userId: actor.userId, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: 'desc' },
    });
    if (recent) {
      const wait = Math.ceil((recent.createdAt.getTime() + show.slowModeSeconds * 1000 - Date.now()) / 1000);
      // The wait travels with the refusal so the viewer's notice can count it down and clear itself.
      throw new AppError('CHAT_SLOW_MODE', { retryAfterSeconds: Math.max(1, wait) }, 'slow mode');
    }
  }
  const row = await db.chatMessage.create({ data: { showId, userId: actor.userId, text }, select: messageSelect });
  return toView(row, role);
}

export async function deleteChatMessage(db: Db, actor: Actor, showId: string, messageId: string): Promise<void> {
  await requireModerator(db, actor, showId);
  const { count } = await db.chatMessage.updateMany({ where: { id: messageId, showId }, data: { deletedAt: new Date() } });
  if (count === 0) throw new AppError('MESSAGE_NOT_FOUND', `message ${messageId} not in ${showId}`);
  await db.show.updateMany({ where: { id: showId, pinnedMessageId: messageId }, data: { pinnedMessageId: null } });
}

/** Bans a viewer from chatting in the show and removes their messages; returns the removed message ids. */
export async function banFromShow(db: Db, actor: Actor, showId: string, userId: string): Promise<string[]> {
  await requireModerator(db, actor, showId);
  if ((await showRoleOf(db, userId, showId)) !== 'viewer') throw new AppError('CANNOT_BAN_STAFF', `cannot ban ${userId}`);
  const removed = await db.chatMessage.findMany({ where: { showId, userId, deletedAt: null }, select: { id: true } });
  await db.$transaction([
    db.showBan.upsert({ where: { showId_userId: { showId, userId } }, update: {}, create: { showId, userId, bannedById: actor.userId } }),
    db.chatMessage.updateMany({ where: { showId, userId, deletedAt: null }, data: { deletedAt: new Date() } }),
    db.show.updateMany({ where: { id: showId, pinnedMessage: { userId } }, data: { pinnedMessageId: null } }),
  ]);
  return removed.map((m) => m.id);
}

export async function setSlowMode(db: Db, actor: Actor, showId: string, seconds: number): Promise<number> {
  await requireModerator(db, actor, showId);
  if (!(SLOW_MODE_CHOICES as readonly number[]).includes(seconds)) throw new AppError('INVALID_INPUT', `slow mode ${seconds}`);
  await db.show.update({ where: { id: showId }, data: { slowModeSeconds: seconds } });
  return seconds;
}

export async function pinChatMessage(db: Db, actor: Actor, showId: string, messageId: string | null): Promise<ChatMessageView | null> {
  await requireModerator(db, actor, showId);
  if (messageId) {
    const message = await db.chatMessage.findFirst({ where: { id: messageId, showId, deletedAt: null }, select: { id: true } });
    if (!message) throw new AppError('MESSAGE_NOT_FOUND', `message ${messageId} not in ${showId}`);
  }
  await db.show.update({ where: { id: showId }, data: { pinnedMessageId: messageId } });
  return getPinnedMessage(db, showId);
}

/** How many messages a replay carries at most: a long show's chat is read alongside, not archived. */
export const REPLAY_CHAT_LIMIT = 2_000;

/**
 * The chat of a recorded window, oldest first, for a replay to show as its playhead passes each
 * message: messages the moderators deleted and everything by people banned from the show stay
 * hidden, as they were (or became) for live viewers.
 */
export async function replayChat(db: Db, showId: string, window: { from: Date; to: Date }): Promise<ChatMessageView[]> {
  const rows = await db.chatMessage.findMany({
    where: {
      showId,
      deletedAt: null,
      createdAt: { gte: window.from, lte: window.to },
      user: { showBans: { none: { showId } } },
    },
    select: messageSelect,
    orderBy: { createdAt: 'asc' },
    take: REPLAY_CHAT_LIMIT,
  });
  const roles = await authorRoles(db, showId, [...new Set(rows.map((r) => r.user.id))]);
  return rows.map((r) => toView(r, roles.get(r.user.id) ?? 'viewer'));
}
