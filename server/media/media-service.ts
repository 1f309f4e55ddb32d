import type { Logger } from 'pino';
import type { MediaConfig } from './config';
import { ShowMediaRoom } from './show-media-room';
import { MediaWorkerPool } from './worker-pool';

/** Owns the worker pool and one media room per show, created on first use. */
export class MediaService {
  private readonly rooms = new Map<string, Promise<ShowMediaRoom>>();

  private constructor(
    private readonly pool: MediaWorkerPool,
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    pool.on('workerDied', (worker) => {
      for (const [showId, pending] of this.rooms) {
        pending.then((room) => {
          if (room.worker === worker) {
            log.warn({ showId }, 'closing media room of a dead worker');
            room.close();
          }
        }, () => undefined /* a failed creation was already reported to its caller */);
      }
    });
  }

  static async create(config: MediaConfig, log: Logger): Promise<MediaService> {
    const pool = await MediaWorkerPool.create(config, log.child({ component: 'media-workers' }));
    return new MediaService(pool, config, log.child({ component: 'media' }));
  }

  room(showId: string): Promise<ShowMediaRoom> {
    let pending = this.rooms.get(showId);
    if (!pending) {
      // The promise is stored before it settles so concurrent joiners share one router.
      pending = ShowMediaRoom.create(showId, this.pool.next(), this.config, this.log);
      this.rooms.set(showId, pending);
      pending.then(
        (room) => room.once('closed', () => {
          if (this.rooms.get(showId) === pending) this.rooms.delete(showId);
        }),
        () => this.rooms.delete(showId),
      );
    }
    return pending;
  }

  existingRoom(showId: string): Promise<ShowMediaRoom> | undefined {
    return this.rooms.get(showId);
  }

  get workerCount(): number {
    return this.pool.size;
  }

  close(): void {
    for (const pending of this.rooms.values()) pending.then((room) => room.close(), () => undefined);
    this.rooms.clear();
    this.pool.close();
  }
}
