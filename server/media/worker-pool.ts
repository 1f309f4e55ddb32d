import { EventEmitter } from 'node:events';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaConfig } from './config';

/**
 * One mediasoup worker per core. A worker that dies is logged and replaced, and
 * `workerDied` tells the rooms that lived on it to close (their clients reconnect
 * and land on a healthy worker).
 */
export class MediaWorkerPool extends EventEmitter<{ workerDied: [types.Worker] }> {
  private readonly workers: types.Worker[] = [];
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
    for (let i = 0; i < config.workers; i++) pool.workers.push(await pool.spawn(i));
    log.info({ workers: pool.workers.length }, 'mediasoup workers started');
    return pool;
  }

  /** Round-robin over the live workers. */
  next(): types.Worker {
    if (this.workers.length === 0) throw new Error('no mediasoup worker available');
    const worker = this.workers[this.nextIndex % this.workers.length]!;
    this.nextIndex++;
    return worker;
  }

  get size(): number {
    return this.workers.length;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const worker of this.workers) worker.close();
    this.workers.length = 0;
  }

  private async spawn(slot: number): Promise<types.Worker> {
    // Each worker gets its own slice of the port range so they never collide.
    const span = Math.floor((this.config.rtcMaxPort - this.config.rtcMinPort + 1) / this.config.workers);
    const rtcMinPort = this.config.rtcMinPort + slot * span;
    const worker = await mediasoup.createWorker({
      logLevel: 'warn',
      rtcMinPort,
      rtcMaxPort: rtcMinPort + span - 1,
    });
    worker.on('died', (error) => {
      this.log.error({ pid: worker.pid, slot, err: error }, 'mediasoup worker died; replacing it');
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers.splice(index, 1);
      this.emit('workerDied', worker);
      if (this.closed) return;
      this.spawn(slot).then(
        (replacement) => {
          if (this.closed) replacement.close();
          else this.workers.push(replacement);
        },
        (spawnError: unknown) => this.log.fatal({ err: spawnError, slot }, 'could not replace mediasoup worker'),
      );
    });
    return worker;
  }
}
