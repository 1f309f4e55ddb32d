import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { DestinationStatus, PushTarget } from '../../domain/simulcast';
import type { MediaService } from '../media-service';
import { RtmpPush } from './rtmp-push';

export interface SimulcastServiceOptions {
  media: MediaService;
  /** The enabled destinations of a live show, keys opened (empty when it is not live). */
  loadTargets: (showId: string) => Promise<PushTarget[]>;
  ffmpegPath?: string;
  listenIp?: string;
  startTimeoutMs?: number;
  /** Refuse ingests at private addresses: a deployment's default (SIMULCAST_ALLOW_PRIVATE_TARGETS). */
  blockPrivateTargets?: boolean;
  log: Logger;
}

interface SimulcastEvents {
  status: [{ showId: string } & DestinationStatus];
}

/**
 * The pushes of every live show on this node, one RtmpPush per enabled destination.
 * `sync(showId)` brings them in line with the database (after going live and after
 * each change to the destinations); `stopShow` ends them when the show ends. The node
 * where the host publishes runs them: the tap reads the origin router's producers.
 */
export class SimulcastService extends EventEmitter<SimulcastEvents> {
  private readonly shows = new Map<string, Map<string, RtmpPush>>();
  /** One sync at a time per show, so two quick changes cannot start a destination twice. */
  private readonly syncing = new Map<string, Promise<void>>();
  private closed = false;

  constructor(private readonly options: SimulcastServiceOptions) {
    super();
    // The host's picture arriving (after a restart of this node, or a preview before going live) starts a live show's pushes.
    options.media.on('roomOpened', (room) =>
      room.on('producerAdded', ({ kind }) => {
        if (kind === 'video' && !this.shows.has(room.showId)) void this.sync(room.showId);
      }),
    );
  }

  sync(showId: string): Promise<unknown> {
    const previous = this.syncing.get(showId) ?? Promise.resolve();
    const next = previous.then(() => this.reconcile(showId));
    const settled = next.catch((error: unknown) => this.options.log.error({ err: error, showId }, 'simulcast sync failed'));
    this.syncing.set(showId, settled);
    void settled.then(() => this.syncing.get(showId) === settled && this.syncing.delete(showId));
    // Never rejects: a failed sync is logged, and the next change or producer syncs again.
    return settled;
  }

  stopShow(showId: string): void {
    const pushes = this.shows.get(showId);
    this.shows.delete(showId);
    for (const push of pushes?.values() ?? []) push.close();
  }

  /** Where each destination of the show stands on this node (those not pushing are idle). */
  statuses(showId: string): DestinationStatus[] {
    return [...(this.shows.get(showId)?.values() ?? [])].map((push) => push.now);
  }

  close(): void {
    this.closed = true;
    for (const showId of [...this.shows.keys()]) this.stopShow(showId);
  }

  private async reconcile(showId: string): Promise<void> {
    if (this.closed) return;
    const targets = await this.options.loadTargets(showId);
    const pushes = this.shows.get(showId) ?? new Map<string, RtmpPush>();
    const wanted = new Set(targets.map((t) => t.destinationId));
    for (const [id, push] of pushes)
      if (!wanted.has(id)) {
        pushes.delete(id);
        push.close();
      }
    for (const target of targets) {
      if (pushes.has(target.destinationId)) continue;
      const push = new RtmpPush({
        showId,
        target,
        room: () => this.options.media.room(showId),
        ffmpegPath: this.options.ffmpegPath ?? 'ffmpeg',
        listenIp: this.options.listenIp ?? '127.0.0.1',
        startTimeoutMs: this.options.startTimeoutMs ?? 30_000,
        blockPrivateTargets: this.options.blockPrivateTargets ?? false,
        log: this.options.log.child({ showId }),
        onStatus: (status) => {
          this.emit('status', { showId, ...status });
          // A failure is the moment to ask again whether this push is still wanted (the show ended on
          // another node, the destination was removed there): a push nobody wants stops instead of retrying.
          if (status.state === 'failed') void this.sync(showId);
        },
      });
      pushes.set(target.destinationId, push);
      push.start();
    }
    if (pushes.size > 0) this.shows.set(showId, pushes);
    else this.shows.delete(showId);
  }
}
