import { EventEmitter } from 'node:events';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaConfig } from './config';

/** A worker process with the one WebRtcServer that carries all its transports. */
export interface MediaWorker {
  worker: types.Worker;
  webRtcServer: types.WebRtcServer;
}

// How long a room waits for a replacement when no worker is alive (spawning one takes well under a second).
const ACQUIRE_TIMEOUT_MS = 30_000;
const REPLACE_ATTEMPTS = 5;

/**
 * One mediasoup worker per core. A worker that dies is logged and replaced in
 * the same slot (same ports); rooms that lived on it learn it from their router
 * and are rebuilt on a live worker by the media service.
 */
export class MediaWorkerPool extends EventEmitter<{ workerDied: [types.Worker]; workerAdded: [MediaWorker] }> {
  private readonly workers: MediaWorker[] = [];
  /** Open consumers per worker, over every show: the load viewers are placed by. */
  private readonly load = new WeakMap<types.Worker, number>();
  private nextIndex = 0;
  private closed = false;

  private constructor(
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    super();
  }

  static async create(config: MediaConfig, log: Logger): Promise<MediaWorkerPool> {
    const pool = new MediaWorkerPool(config, log);
    try {
      for (let i = 0; i < config.workers; i++) pool.add(await pool.spawn(i));
    } catch (error) {
      pool.close();
      throw error;
    }
    log.info({ workers: pool.workers.length }, 'mediasoup workers started');
    return pool;
  }

  /**
   * Round-robin over the live workers. When none is alive (the only one just
   * died) this waits for its replacement instead of failing the caller.
   */
  async acquire(): Promise<MediaWorker> {
    const live = this.workers.filter((w) => !w.worker.closed);
    if (live.length > 0) return live[this.nextIndex++ % live.length]!;
    if (this.closed) throw new Error('the media worker pool is closed');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('workerAdded', resolve);
        reject(new Error('no mediasoup worker came back in time'));
      }, ACQUIRE_TIMEOUT_MS);
      this.once('workerAdded', (added) => {
        clearTimeout(timer);
        resolve(added);
      });
    });
  }

  /**
   * The live worker with the fewest consumers; `preferred` wins a tie (the
   * show's origin worker, where a viewer needs no pipe). Undefined when none is alive.
   */
  leastLoaded(preferred?: types.Worker): MediaWorker | undefined {
    let best: MediaWorker | undefined;
    for (const entry of this.workers) {
      if (entry.worker.closed) continue;
      const load = this.consumersOn(entry.worker);
      const bestLoad = best ? this.consumersOn(best.worker) : Infinity;
      if (load < bestLoad || (load === bestLoad && entry.worker === preferred)) best = entry;
    }
    return best;
  }

  /** Counts a consumer against its worker until it closes. */
  countConsumer(worker: types.Worker, consumer: types.Consumer): void {
    this.load.set(worker, this.consumersOn(worker) + 1);
    consumer.observer.once('close', () => this.load.set(worker, Math.max(0, this.consumersOn(worker) - 1)));
  }

  consumersOn(worker: types.Worker): number {
    return this.load.get(worker) ?? 0;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Process ids of the live workers (operators and tests that kill one on purpose). */
  get pids(): number[] {
    return this.workers.map((w) => w.worker.pid);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const { worker } of this.workers) worker.close();
    this.workers.length = 0;
  }

  private add(entry: MediaWorker): void {
    this.workers.push(entry);
    this.emit('workerAdded', entry);
  }

  private replace(slot: number, attempt: number): void {
    this.spawn(slot).then(
      (replacement) => {
        if (this.closed) replacement.worker.close();
        else this.add(replacement);
      },
      (spawnError: unknown) => {
        // The dead process's ports are normally free at once; a few retries cover a slow kernel.
        if (attempt < REPLACE_ATTEMPTS && !this.closed) {
          this.log.warn({ err: spawnError, slot, attempt }, 'replacing mediasoup worker failed; retrying');
          setTimeout(() => this.replace(slot, attempt + 1), 500 * attempt).unref();
        } else this.log.fatal({ err: spawnError, slot }, 'could not replace mediasoup worker');
      },
    );
  }

  private async spawn(slot: number): Promise<MediaWorker> {
    // Each worker gets its own slice of the port range so they never collide.
    const span = Math.floor((this.config.rtcMaxPort - this.config.rtcMinPort + 1) / this.config.workers);
    const rtcMinPort = this.config.rtcMinPort + slot * span;
    const worker = await mediasoup.createWorker({
      logLevel: 'warn',
      rtcMinPort,
      rtcMaxPort: rtcMinPort + span - 1,
    });
    const listen = {
      ip: this.config.listenIp,
      announcedIp: this.config.announcedIp,
      ...(this.config.webRtcPort > 0 && { port: this.config.webRtcPort + slot }),
    };
    let webRtcServer: types.WebRtcServer;
    try {
      webRtcServer = await worker.createWebRtcServer({
        listenInfos: [
          { protocol: 'udp', ...listen },
          { protocol: 'tcp', ...listen },
        ],
      });
    } catch (error) {
      worker.close();
      throw error;
    }
    worker.on('died', (error) => {
      this.log.error({ pid: worker.pid, slot, err: error }, 'mediasoup worker died; replacing it');
      const index = this.workers.findIndex((w) => w.worker === worker);
      if (index >= 0) this.workers.splice(index, 1);
      this.emit('workerDied', worker);
      if (!this.closed) this.replace(slot, 1);
    });
    return { worker, webRtcServer };
  }
}
