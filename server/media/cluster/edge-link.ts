import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { ShowMediaRoom } from '../show-media-room';
import { PIPE_PATH, type MediaClusterConfig } from './config';
import type { MediaNodeAddress } from './directory';
import { bearer, pipeAnswerSchema, type PipeAnswer, type PipeRequest } from './pipe-protocol';

const REQUEST_TIMEOUT_MS = 5_000;

/**
 * The edge side of a node-to-node pipe for one show: a PipeTransport on the
 * show's local origin router, connected to the origin node's, and a pipe
 * producer (with the origin's producer id) per producer the origin publishes.
 * From the local origin router the room spreads them over this node's workers.
 * A node where a guest on stage publishes is pulled from the same way: `origin`
 * is then that node, and it hands out only what is published on it.
 */
export class EdgeLink {
  private transport: types.PipeTransport | undefined;
  private remotePipeId: string | undefined;
  private readonly producers = new Map<string, types.Producer>();
  private closed = false;

  constructor(
    readonly origin: MediaNodeAddress,
    private readonly room: ShowMediaRoom,
    private readonly config: MediaClusterConfig,
    private readonly log: Logger,
  ) {}

  /** Asks the origin for the show's producers as they are now and mirrors them. */
  async sync(): Promise<void> {
    if (this.closed) return;
    let answer = await this.ask();
    if (answer === 'UNKNOWN_PIPE') {
      // The origin lost our pipe (its worker died, or it restarted): start a new one.
      this.reset();
      answer = await this.ask();
    }
    if (typeof answer === 'string') {
      // Not the origin right now (its host is republishing): nothing to show until it is again.
      this.reset();
      return;
    }
    const transport = this.transport!;
    if (!this.remotePipeId) {
      await transport.connect({ ip: answer.ip, port: answer.port, srtpParameters: answer.srtpParameters });
      this.remotePipeId = answer.pipeId;
    }
    const current = new Set(answer.producers.map((p) => p.id));
    for (const [id, producer] of this.producers) if (!current.has(id)) producer.close();
    for (const { id, kind, rtpParameters, paused, publisher } of answer.producers) {
      if (this.producers.has(id) || this.closed) continue;
      const producer = await transport.produce({
        id,
        kind,
        rtpParameters: rtpParameters as unknown as types.RtpParameters,
        paused,
        appData: { publisher: publisher ?? null },
      });
      this.producers.set(id, producer);
      producer.observer.once('close', () => this.producers.delete(id));
      this.room.adoptRemoteProducer(producer);
    }
  }

  close(): void {
    this.closed = true;
    this.reset();
  }

  private reset(): void {
    this.transport?.close();
    this.transport = undefined;
    this.remotePipeId = undefined;
  }

  private async ask(): Promise<PipeAnswer | 'NOT_ORIGIN' | 'UNKNOWN_PIPE'> {
    this.transport ??= await this.room.originRouter.createPipeTransport({
      listenIp: { ip: this.config.pipeListenIp, announcedIp: this.config.pipeAnnouncedIp },
      enableSrtp: true,
      enableRtx: true,
    });
    const request: PipeRequest = {
      showId: this.room.showId,
      ...(this.remotePipeId && { pipeId: this.remotePipeId }),
      ip: this.transport.tuple.localIp,
      port: this.transport.tuple.localPort,
      srtpParameters: this.transport.srtpParameters!,
    };
    const response = await fetch(new URL(PIPE_PATH, this.origin.internalUrl), {
      method: 'POST',
      headers: { authorization: bearer(this.config.secret), 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 409) return 'NOT_ORIGIN';
    if (response.status === 410) return 'UNKNOWN_PIPE';
    if (!response.ok) throw new Error(`origin node ${this.origin.id} answered ${response.status} to a pipe request`);
    const parsed = pipeAnswerSchema.safeParse(body);
    if (!parsed.success) throw new Error(`origin node ${this.origin.id} answered a malformed pipe`);
    if (!this.remotePipeId) this.log.info({ origin: this.origin.id, pipeId: parsed.data.pipeId }, 'show piped in from its origin node');
    return parsed.data;
  }
}
