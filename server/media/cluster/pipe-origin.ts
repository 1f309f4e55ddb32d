import type { IncomingMessage, ServerResponse } from 'node:http';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { publisherOf, type ShowMediaRoom } from '../show-media-room';
import { PIPE_IDLE_MS, PIPE_PATH, type MediaClusterConfig } from './config';
import { pipeRequestSchema, secretMatches, type PipeAnswer, type PipeRefusal, type PipeRequest } from './pipe-protocol';

const MAX_BODY_BYTES = 16 * 1024;

interface PipeOut {
  transport: types.PipeTransport;
  consumers: Map<string, types.Consumer>;
  idle: NodeJS.Timeout;
}

export function isPipeRequest(req: IncomingMessage): boolean {
  return req.url === PIPE_PATH;
}

/**
 * The origin side of node-to-node pipes: for each edge node a PipeTransport on
 * the show's origin router (SRTP, RTX) and a pipe consumer per producer
 * published here. The edge asks again every second; each answer lists the
 * producers as they are now, and a pipe not asked about for PIPE_IDLE_MS closes.
 */
export class PipeOrigin {
  private readonly pipes = new WeakMap<ShowMediaRoom, Map<string, PipeOut>>();

  constructor(
    private readonly config: MediaClusterConfig,
    private readonly readyRoom: (showId: string) => ShowMediaRoom | undefined,
    private readonly log: Logger,
  ) {}

  /** The HTTP endpoint: refuses anything without the cluster secret before reading the body. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST') return void reply(405, { error: 'METHOD_NOT_ALLOWED' });
    if (!secretMatches(req.headers.authorization, this.config.secret)) {
      this.log.warn({ remote: req.socket.remoteAddress }, 'pipe request with a wrong cluster secret refused');
      return void reply(401, { error: 'UNAUTHORIZED' });
    }
    const parsed = pipeRequestSchema.safeParse(await readJson(req));
    if (!parsed.success) return void reply(400, { error: 'INVALID_INPUT' });
    try {
      const answer = await this.pipe(parsed.data);
      if (typeof answer === 'string') return void reply(answer === 'NOT_ORIGIN' ? 409 : 410, { error: answer });
      reply(200, answer);
    } catch (error) {
      this.log.error({ err: error, showId: parsed.data.showId }, 'piping a show to another node failed');
      reply(500, { error: 'INTERNAL' });
    }
  }

  private async pipe(request: PipeRequest): Promise<PipeAnswer | PipeRefusal> {
    const room = this.readyRoom(request.showId);
    const producers = room?.localProducers() ?? [];
    if (!room || producers.length === 0) return 'NOT_ORIGIN';
    let pipes = this.pipes.get(room);
    if (!pipes) this.pipes.set(room, (pipes = new Map()));
    let out = request.pipeId ? pipes.get(request.pipeId) : undefined;
    if (request.pipeId && !out) return 'UNKNOWN_PIPE';
    out ??= await this.open(room, pipes, request);
    out.idle.refresh();
    for (const producer of producers) {
      if (out.consumers.has(producer.id)) continue;
      const consumer = await out.transport.consume({ producerId: producer.id });
      out.consumers.set(producer.id, consumer);
      consumer.observer.once('close', () => out.consumers.delete(producer.id));
    }
    return {
      pipeId: out.transport.id,
      ip: out.transport.tuple.localIp,
      port: out.transport.tuple.localPort,
      srtpParameters: out.transport.srtpParameters!,
      producers: [...out.consumers.values()].map((c) => ({
        id: c.producerId,
        kind: c.kind,
        rtpParameters: c.rtpParameters as unknown as Record<string, unknown>,
        paused: c.producerPaused,
        publisher: publisherOfId(producers, c.producerId),
      })),
    };
  }

  private async open(room: ShowMediaRoom, pipes: Map<string, PipeOut>, request: PipeRequest): Promise<PipeOut> {
    const transport = await room.originRouter.createPipeTransport({
      listenIp: { ip: this.config.pipeListenIp, announcedIp: this.config.pipeAnnouncedIp },
      enableSrtp: true,
      // Across a network a lost packet is worth resending; between workers of one machine it is not.
      enableRtx: true,
    });
    await transport.connect({ ip: request.ip, port: request.port, srtpParameters: request.srtpParameters });
    const idle = setTimeout(() => transport.close(), PIPE_IDLE_MS);
    idle.unref();
    const out: PipeOut = { transport, consumers: new Map(), idle };
    pipes.set(transport.id, out);
    transport.observer.once('close', () => {
      clearTimeout(idle);
      pipes.delete(transport.id);
    });
    this.log.info({ showId: room.showId, pipeId: transport.id, edge: `${request.ip}:${request.port}` }, 'show piped to another node');
    return out;
  }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(null);
      }
    });
    req.on('error', () => resolve(null));
  });
}

function publisherOfId(producers: types.Producer[], producerId: string) {
  const producer = producers.find((p) => p.id === producerId);
  return producer ? publisherOf(producer) : null;
}
