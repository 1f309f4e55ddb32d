import {
  acceptStageInvite,
  declineStageInvite,
  inviteToStage,
  leaveStage,
  promoteToCoHost,
  publicStage,
  removeFromStage,
  setStageLayout,
  stageCandidates,
  stageInviteeByHandle,
  stageSeatOf,
  stageView,
  type StageChange,
} from '../domain/stage';
import { requireModerator } from '../domain/shows';
import type { HandlerRegistrar } from './handler';
import { requireJoined, requireUser, type ConnectionContext } from './context';
import {
  showRefSchema,
  showRoom,
  showStaffRoom,
  stageCandidatesSchema,
  stageGuestSchema,
  stageInviteSchema,
  stageLayoutRequestSchema,
  stagePromoteSchema,
  userRoom,
} from './protocol';

// A guest whose connection drops keeps its seat this long: a brief outage recovers
// (Socket.io restores the session); a closed tab or a lost phone frees the stage.
export const STAGE_GRACE_MS = 10_000;

/**
 * Tells everyone what a stage change means for them: viewers get the stage
 * (sequenced), the staff the invitations too, the person concerned every socket
 * of theirs; and a guest who is off the stage stops sending before anyone hears of it.
 */
export async function announce(ctx: ConnectionContext, showId: string, change: StageChange, hostName: string): Promise<void> {
  if (change.stopMedia) (await ctx.media.existingRoom(showId)?.catch(() => undefined))?.closePublisher(change.userId);
  ctx.broadcaster.emit(showId, 'stage:changed', { showId, stage: publicStage(change.stage) });
  ctx.io.to(showStaffRoom(showId)).emit('stage:staff', { showId, stage: change.stage });
  ctx.io.to(userRoom(change.userId)).emit('stage:seat', { showId, seat: change.seat, hostName });
}

export function registerStageHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db } = ctx;

  on.on('stage:get', showRefSchema, async ({ showId }) => {
    await requireModerator(db, requireUser(socket), showId);
    return { stage: await stageView(db, showId) };
  });

  on.on('stage:invite', stageInviteSchema, async (payload) => {
    const host = requireUser(socket);
    const { showId } = payload;
    const userId = 'userId' in payload ? payload.userId : await stageInviteeByHandle(db, payload.handle);
    const change = await inviteToStage(db, host, showId, userId);
    await announce(ctx, showId, change, host.name);
    return { stage: change.stage };
  });

  // The studio's list of people watching now, to invite one of them (on every node: the adapter asks them all).
  on.on('stage:candidates', stageCandidatesSchema, async ({ showId, query }) => {
    await requireModerator(db, requireUser(socket), showId);
    const sockets = await ctx.io.in(showRoom(showId)).fetchSockets();
    const present = sockets.flatMap((s) => (s.data.user ? [{ userId: s.data.user.userId, name: s.data.user.name }] : []));
    return { people: await stageCandidates(db, showId, present, query) };
  });

  // The host or the brand makes a guest on stage a co-host with a share of the commission.
  on.on('stage:promote', stagePromoteSchema, async ({ showId, userId, shares }) => {
    await promoteToCoHost(db, requireUser(socket), showId, userId, shares);
    const stage = await stageView(db, showId);
    ctx.io.to(showStaffRoom(showId)).emit('stage:staff', { showId, stage });
    return { stage };
  });

  on.on('stage:remove', stageGuestSchema, async ({ showId, userId }) => {
    const host = requireUser(socket);
    const change = await removeFromStage(db, host, showId, userId);
    await announce(ctx, showId, change, host.name);
    return { stage: change.stage };
  });

  on.on('stage:layout', stageLayoutRequestSchema, async ({ showId, layout }) => {
    const stage = await setStageLayout(db, requireUser(socket), showId, layout);
    ctx.broadcaster.emit(showId, 'stage:changed', { showId, stage: publicStage(stage) });
    ctx.io.to(showStaffRoom(showId)).emit('stage:staff', { showId, stage });
    return { stage };
  });

  on.on('stage:accept', showRefSchema, async ({ showId }) => {
    requireJoined(socket, showId);
    const change = await acceptStageInvite(db, requireUser(socket), showId);
    await announce(ctx, showId, change, '');
    return { stage: publicStage(change.stage) };
  });

  on.on('stage:decline', showRefSchema, async ({ showId }) => {
    const change = await declineStageInvite(db, requireUser(socket), showId);
    await announce(ctx, showId, change, '');
    return {};
  });

  on.on('stage:leave', showRefSchema, async ({ showId }) => {
    const change = await leaveStage(db, requireUser(socket), showId);
    await announce(ctx, showId, change, '');
    return {};
  });
}

/**
 * A guest's connection dropped: unless it comes back within STAGE_GRACE_MS (or
 * another of their sockets is in the show), they leave the stage as if they had
 * pressed "Leave". One timer per dropped socket; `cancel` on a recovered one.
 */
export class StageExits {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly graceMs = STAGE_GRACE_MS) {}

  schedule(ctx: ConnectionContext, showIds: string[]): void {
    const user = ctx.socket.data.user;
    if (!user || showIds.length === 0) return;
    const socketId = ctx.socket.id;
    const timer = setTimeout(() => {
      this.timers.delete(socketId);
      for (const showId of showIds)
        void this.exit(ctx, showId, user).catch((error: unknown) => ctx.log.warn({ err: error, showId }, 'guest not taken off the stage'));
    }, this.graceMs);
    timer.unref();
    this.cancel(socketId);
    this.timers.set(socketId, timer);
  }

  cancel(socketId: string): void {
    clearTimeout(this.timers.get(socketId));
    this.timers.delete(socketId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async exit(ctx: ConnectionContext, showId: string, user: { userId: string; name: string }): Promise<void> {
    if ((await stageSeatOf(ctx.db, showId, user.userId)) === null) return;
    const sockets = await ctx.io.in(userRoom(user.userId)).fetchSockets();
    if (sockets.some((s) => s.id !== ctx.socket.id && s.data.shows.has(showId))) return;
    await announce(ctx, showId, await leaveStage(ctx.db, user, showId), '');
  }
}
