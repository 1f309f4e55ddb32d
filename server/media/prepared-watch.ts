import { randomBytes } from 'node:crypto';
import type { types } from 'mediasoup';
import { RemoteSdp } from 'mediasoup-client/handlers/sdp/RemoteSdp';
import type { RtpParameters as ClientRtpParameters } from 'mediasoup-client/types';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors';
import type { MediaService } from './media-service';
import type { IceServer } from './turn';
import type { WatchResult } from './show-media-room';

/**
 * A viewer's receive side prepared while the server renders the show page, so the first frame does
 * not wait for the page's framework: the render creates a receive transport and a running consumer
 * of every producer, and writes the remote SDP offer (as mediasoup-client would build it) into the
 * page. A small inline script answers it with a plain RTCPeerConnection and sends its DTLS
 * fingerprint over HTTP (`connect`), so ICE, DTLS and the first key frame happen while the
 * framework downloads and hydrates. The page's socket then claims it (`media:claim`) and the player
 * adopts the same RTCPeerConnection (app/_lib/adopted-watch.ts).
 *
 * What is prepared and never claimed (a crawler, a closed tab, JavaScript that failed) is closed
 * after `ttlMs`, or `connectedTtlMs` once the page has connected it: a phone on a slow network can
 * take far longer than `ttlMs` to load the framework that claims it, while its picture already
 * plays, and closing it then would freeze that picture. At most `perIp` unclaimed ones per address and `perShow` per show exist at once,
 * so page loads cannot exhaust the node's ports. It lives on the node that rendered the page: a
 * socket that lands elsewhere gets NOT_FOUND and watches the ordinary way.
 */
export interface PreparedBoot {
  token: string;
  /** The remote offer for the page's RTCPeerConnection. */
  sdp: string;
  iceServers: IceServer[];
}

export interface PreparedWatchLimits {
  ttlMs: number;
  /** How long one the page has connected (a live browser, its picture playing) waits for its claim. */
  connectedTtlMs: number;
  perIp: number;
  perShow: number;
}

export const PREPARED_WATCH_LIMITS: PreparedWatchLimits = { ttlMs: 10_000, connectedTtlMs: 60_000, perIp: 4, perShow: 200 };

interface Prepared {
  showId: string;
  ip: string;
  transportId: string;
  /** What media:claim answers: the same shape as media:watch's answer. */
  watch: WatchResult | null;
  timer: NodeJS.Timeout;
}

const peerIdOf = (token: string) => `prepared:${token}`;

export class PreparedWatches {
  private readonly prepared = new Map<string, Prepared>();

  constructor(
    private readonly media: MediaService,
    private readonly log: Logger,
    private readonly limits: PreparedWatchLimits = PREPARED_WATCH_LIMITS,
  ) {}

  /** How many are waiting for a claim (tests and logs). */
  get size(): number {
    return this.prepared.size;
  }

  /**
   * Prepares a watch of a show whose room is open and sending, for a page the caller has already
   * allowed to watch it (the same rules as media:watch). Null when there is nothing to watch yet or a
   * limit is reached: the page then starts its media the ordinary way.
   */
  async prepare(showId: string, { ip, skipUserId }: { ip: string; skipUserId: string | null }): Promise<PreparedBoot | null> {
    const room = this.media.readyRoom(showId);
    // No picture yet (the host's camera is published a moment after the microphone): nothing to show
    // before the framework, and the player, which follows new producers, watches the ordinary way.
    if (!room?.producerList().some((p) => p.kind === 'video')) return null;
    this.forgetClosed();
    let fromIp = 0;
    let forShow = 0;
    for (const entry of this.prepared.values()) {
      if (entry.ip === ip) fromIp++;
      if (entry.showId === showId) forShow++;
    }
    if (fromIp >= this.limits.perIp || forShow >= this.limits.perShow) return null;
    const token = randomBytes(16).toString('base64url');
    const peerId = peerIdOf(token);
    // Reserved before the awaits, so a burst of renders from one address counts every one of them.
    const entry: Prepared = { showId, ip, transportId: '', watch: null, timer: setTimeout(() => this.expire(token), this.limits.ttlMs) };
    this.prepared.set(token, entry);
    try {
      // The router's own capabilities stand for the browser's: every browser the app supports receives
      // VP8 and Opus; one that cannot fails on the offer and its page watches the ordinary way.
      const watch = await room.watch(peerId, room.rtpCapabilities, { paused: false, skipUserId });
      entry.transportId = watch.transport.id;
      entry.watch = watch;
      if (!this.prepared.has(token)) room.removePeer(peerId); // expired while it was being made
      return { token, sdp: offerFor(watch), iceServers: watch.transport.iceServers ?? [] };
    } catch (error) {
      this.forget(token);
      room.removePeer(peerId);
      this.log.warn({ err: error, showId }, 'preparing a watch failed');
      return null;
    }
  }

  /** The page's DTLS fingerprint: the transport connects, and with it the consumers start sending. */
  async connect(token: string, fingerprints: types.DtlsFingerprint[]): Promise<void> {
    const entry = this.prepared.get(token);
    if (!entry?.transportId) throw new AppError('NOT_FOUND', 'no such prepared watch');
    const room = this.media.readyRoom(entry.showId);
    if (!room) throw new AppError('NOT_FOUND', 'the show has no media room');
    await room.connectTransport(peerIdOf(token), entry.transportId, { role: 'client', fingerprints });
    if (this.prepared.get(token) !== entry) return; // claimed or expired meanwhile
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.expire(token), this.limits.connectedTtlMs);
  }

  /**
   * The page's socket takes the prepared watch as its own: its transport and consumers are then held
   * under the socket's id (events, limits, clean-up on disconnect), exactly as after media:watch.
   */
  claim(token: string, showId: string, socketId: string): WatchResult {
    const entry = this.prepared.get(token);
    const room = this.media.readyRoom(showId);
    if (!entry?.watch || entry.showId !== showId || !room) throw new AppError('NOT_FOUND', 'no such prepared watch');
    this.forget(token);
    room.renamePeer(peerIdOf(token), socketId);
    return entry.watch;
  }

  close(): void {
    for (const token of [...this.prepared.keys()]) this.expire(token);
  }

  private expire(token: string): void {
    const entry = this.prepared.get(token);
    if (!entry) return;
    this.forget(token);
    this.media.readyRoom(entry.showId)?.removePeer(peerIdOf(token));
  }

  /**
   * Forgets the prepared watches whose transport has closed: a tab closed before its framework claimed the watch
   * (DTLS says goodbye, the transport closes itself) must not hold its address's place until its time is up;
   * measured, 15 of 20 viewers opened one after another from one address got no prepared watch.
   */
  private forgetClosed(): void {
    for (const [token, entry] of this.prepared) {
      if (!entry.transportId) continue; // still being made
      const room = this.media.readyRoom(entry.showId);
      if (!room || room.peerUsage(peerIdOf(token)).transports === 0) this.expire(token);
    }
  }

  private forget(token: string): void {
    const entry = this.prepared.get(token);
    if (entry) clearTimeout(entry.timer);
    this.prepared.delete(token);
  }
}

const FINGERPRINT_ALGORITHMS = new Set(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']);

/**
 * The page's DTLS fingerprints, as the boot script sends its certificate's: each once, only the hash algorithms
 * mediasoup accepts, in upper case as SDP writes them (mediasoup compares the certificate's fingerprint as an
 * upper-case string; Chromium's getFingerprints() gives lower case); none left is INVALID_INPUT.
 */
export function preparedFingerprints(given: { algorithm: string; value: string }[]): types.DtlsFingerprint[] {
  const found = new Map<string, types.DtlsFingerprint>();
  for (const { algorithm, value } of given) {
    const name = algorithm.toLowerCase();
    if (FINGERPRINT_ALGORITHMS.has(name) && /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){15,63}$/.test(value))
      found.set(`${name} ${value.toUpperCase()}`, { algorithm: name as types.DtlsFingerprint['algorithm'], value: value.toUpperCase() });
  }
  if (found.size === 0) throw new AppError('INVALID_INPUT', 'the page sent no DTLS fingerprint mediasoup accepts');
  return [...found.values()].slice(0, 4);
}

/**
 * The offer mediasoup-client's Chrome handler would build for these consumers, so the handler that
 * later adopts the connection renegotiates the same sections (same mids, same tracks).
 */
export function offerFor({ transport, consumers }: WatchResult): string {
  const sdp = new RemoteSdp({
    iceParameters: transport.iceParameters,
    iceCandidates: transport.iceCandidates,
    dtlsParameters: transport.dtlsParameters,
  } as ConstructorParameters<typeof RemoteSdp>[0]);
  for (const { consumer } of consumers) {
    const rtpParameters = consumer.rtpParameters as unknown as ClientRtpParameters;
    sdp.receive({
      mid: rtpParameters.mid ?? '',
      kind: consumer.kind,
      offerRtpParameters: rtpParameters,
      streamId: rtpParameters.rtcp?.cname ?? '-',
      trackId: consumer.id,
    });
  }
  return sdp.getSdp();
}
