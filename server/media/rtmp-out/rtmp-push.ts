import type { Logger } from 'pino';
import type { types } from 'mediasoup';
import {
  redactKey,
  retryDelayMs,
  STABLE_PUSH_MS,
  type DestinationStatus,
  type PushTarget,
  type SimulcastState,
} from '../../domain/simulcast';
import type { ShowMediaRoom } from '../show-media-room';
import { startRtmpEncoder, type RtmpEncoder } from './ffmpeg-rtmp';
import { privateIngestRefusal } from './ingest-guard';
import { openRtpTap, type RtpTap } from './plain-rtp-tap';

export interface RtmpPushOptions {
  showId: string;
  target: PushTarget;
  /** The show's room now (a worker's death replaces it). */
  room: () => Promise<ShowMediaRoom>;
  ffmpegPath: string;
  /** Where the tap's RTP goes: the encoder runs on this machine. */
  listenIp: string;
  /** Refuse ingests at private addresses (a deployment, unless SIMULCAST_ALLOW_PRIVATE_TARGETS=true). */
  blockPrivateTargets: boolean;
  /** Give up an attempt that has pushed nothing in this long (no picture, or an ingest that never answers). */
  startTimeoutMs: number;
  log: Logger;
  onStatus: (status: DestinationStatus) => void;
}

const KEY_FRAME_EVERY_MS = 1_000;

/**
 * One destination's push while its show is live: wait for the host's picture, tap it,
 * run the encoder, and when anything breaks (the ingest drops or refuses, the host's
 * stream restarts, the worker dies) say `failed` with the reason and try again after
 * a growing pause. Owns its encoder and tap; `close()` is safe twice and ends at idle.
 */
export class RtmpPush {
  private closed = false;
  private attemptRunning = false;
  /** Which attempt is the current one: a failure or close moves it on, and a stale attempt stops at its next step. */
  private generation = 0;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private status: DestinationStatus;
  private encoder: RtmpEncoder | undefined;
  private tap: RtpTap | undefined;
  private cancelWait: (() => void) | undefined;
  private readonly log: Logger;

  constructor(private readonly options: RtmpPushOptions) {
    this.status = { destinationId: options.target.destinationId, state: 'idle', error: null, retryAt: null };
    this.log = options.log.child({ destinationId: options.target.destinationId });
  }

  get now(): DestinationStatus {
    return this.status;
  }

  start(): void {
    if (this.closed || this.attemptRunning) return;
    this.attemptRunning = true;
    const generation = ++this.generation;
    this.set('connecting', null);
    this.attempt(generation).catch((error: unknown) => {
      if (this.current(generation)) this.fail(error instanceof Error ? error.message : String(error));
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.cancelWait?.();
    this.teardown();
    this.set('idle', null);
  }

  private current(generation: number): boolean {
    return !this.closed && generation === this.generation;
  }

  private async attempt(generation: number): Promise<void> {
    if (this.options.blockPrivateTargets) {
      const refusal = await privateIngestRefusal(this.options.target.publishUrl);
      if (refusal) throw new Error(refusal);
    }
    const room = await this.options.room();
    if (!this.current(generation)) return;
    const producers = await this.waitForPicture(room);
    if (!this.current(generation)) return;
    const tap = await openRtpTap(room.originRouter, producers, { ip: this.options.listenIp });
    if (!this.current(generation)) return tap.close();
    this.tap = tap;
    const encoder = startRtmpEncoder({
      ffmpegPath: this.options.ffmpegPath,
      sdp: tap.sdp,
      publishUrl: this.options.target.publishUrl,
      hasAudio: tap.kinds.includes('audio'),
    });
    this.encoder = encoder;
    tap.onLost((why) => this.current(generation) && this.fail(why));
    // The encoder must be listening before the first key frame is worth asking for; until
    // frames come out, ask again every second (a lost or early key frame leaves it waiting).
    await tap.resume();
    if (!this.current(generation)) return;
    let liveSince = 0;
    const keyFrames = setInterval(() => tap.requestKeyFrame(), KEY_FRAME_EVERY_MS);
    const startTimer = setTimeout(() => {
      if (this.current(generation)) this.fail(`nothing reached the ingest within ${Math.round(this.options.startTimeoutMs / 1000)} s`);
    }, this.options.startTimeoutMs);
    encoder.onProgress(({ frames, bytes }) => {
      if (this.encoder !== encoder || frames === 0 || bytes === 0) return;
      if (this.status.state !== 'live') {
        clearInterval(keyFrames);
        clearTimeout(startTimer);
        liveSince = Date.now();
        this.set('live', null);
      } else if (this.failures > 0 && Date.now() - liveSince > STABLE_PUSH_MS) this.failures = 0;
    });
    const { code, signal, stderr } = await encoder.exited;
    clearInterval(keyFrames);
    clearTimeout(startTimer);
    if (!this.current(generation) || this.encoder !== encoder) return; // stopped on purpose, or a failure already reported
    const last = stderr.split('\n').filter(Boolean).at(-1) ?? '';
    this.fail(last || `the encoder exited (${signal ?? `code ${String(code)}`})`);
  }

  /** The host's video producer (and audio if any), waiting for the host to start sending. */
  private waitForPicture(room: ShowMediaRoom): Promise<types.Producer[]> {
    const now = () => {
      const local = room.localProducers();
      return local.some((p) => p.kind === 'video') ? local : null;
    };
    const ready = now();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const stop = () => {
        this.cancelWait = undefined;
        room.off('producerAdded', check);
        room.off('closed', lost);
      };
      const check = () => {
        const found = now();
        if (found) {
          stop();
          resolve(found);
        }
      };
      const lost = () => {
        stop();
        reject(new Error("the show's media room closed"));
      };
      this.cancelWait = () => {
        stop();
        resolve([]);
      };
      room.on('producerAdded', check);
      room.once('closed', lost);
    });
  }

  private fail(reason: string): void {
    if (this.closed) return;
    this.teardown();
    this.failures++;
    const delay = retryDelayMs(this.failures);
    const error = redactKey(reason, this.options.target.streamKey);
    this.log.warn({ error, retryInMs: delay, failures: this.failures }, 'simulcast push failed; retrying');
    this.set('failed', error, new Date(Date.now() + delay).toISOString());
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.start(), delay);
    this.retryTimer.unref();
  }

  private teardown(): void {
    this.attemptRunning = false;
    this.generation++;
    const { encoder, tap } = this;
    this.encoder = undefined;
    this.tap = undefined;
    encoder?.stop();
    tap?.close();
  }

  private set(state: SimulcastState, error: string | null, retryAt: string | null = null): void {
    const next = { destinationId: this.options.target.destinationId, state, error, retryAt };
    if (next.state === this.status.state && next.error === this.status.error && next.retryAt === this.status.retryAt) return;
    this.status = next;
    if (state !== 'failed') this.log.info({ state }, 'simulcast push state');
    this.options.onStatus(next);
  }
}
