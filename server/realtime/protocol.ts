/**
 * The show channel's protocol, version 1: every event in both directions, once.
 * The server validates payloads with these schemas; the browser imports only the
 * types. docs/realtime-protocol.md describes the same events for people.
 */
import { z } from 'zod';
import type { types as ms } from 'mediasoup';
import type { ErrorPayload } from '../domain/errors';
import type { ProductCard } from '../domain/catalog';
import type { ShowState, ShowStatus } from '../domain/shows';

export const PROTOCOL_VERSION = 1;

const id = z.string().min(1).max(64);
// mediasoup validates the structure of its own parameters; we only bound their size.
const mediasoupObject = z.record(z.string(), z.unknown());

export const showRefSchema = z.object({ showId: id }).strict();
export const pinProductSchema = z.object({ showId: id, productId: id }).strict();
export const buySchema = z
  .object({
    showId: id,
    variantId: id,
    quantity: z.number().int().min(1).max(10),
    idempotencyKey: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export const createTransportSchema = z.object({ showId: id, direction: z.enum(['send', 'recv']) }).strict();
export const connectTransportSchema = z.object({ showId: id, transportId: id, dtlsParameters: mediasoupObject }).strict();
export const restartIceSchema = z.object({ showId: id, transportId: id }).strict();
export const produceSchema = z
  .object({ showId: id, transportId: id, kind: z.enum(['audio', 'video']), rtpParameters: mediasoupObject })
  .strict();
export const consumeSchema = z
  .object({ showId: id, transportId: id, producerId: id, rtpCapabilities: mediasoupObject })
  .strict();
export const resumeConsumerSchema = z.object({ showId: id, consumerId: id }).strict();

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorPayload };
type AckFn<T extends object = object> = (response: Ack<T>) => void;

export type ViewerRole = 'host' | 'viewer' | 'anonymous';

export interface OrderConfirmation {
  orderId: string;
  orderNumber: number;
  totalMinor: number;
  currency: string;
  productTitle: string;
  variantName: string;
  quantity: number;
  replayed: boolean;
}

export interface ClientToServerEvents {
  'show:join': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ state: ShowState; role: ViewerRole; viewerCount: number; producers: { producerId: string; kind: ms.MediaKind }[] }>) => void;
  'show:leave': (payload: z.infer<typeof showRefSchema>, ack: AckFn) => void;
  'show:goLive': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ status: ShowStatus; startedAt: string | null }>) => void;
  'show:end': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ status: ShowStatus }>) => void;
  'product:pin': (payload: z.infer<typeof pinProductSchema>, ack: AckFn<{ product: ProductCard }>) => void;
  'product:unpin': (payload: z.infer<typeof showRefSchema>, ack: AckFn) => void;
  'order:buy': (payload: z.infer<typeof buySchema>, ack: AckFn<{ order: OrderConfirmation }>) => void;
  'media:routerCapabilities': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ rtpCapabilities: ms.RtpCapabilities }>) => void;
  'media:createTransport': (
    payload: z.infer<typeof createTransportSchema>,
    ack: AckFn<{ transport: { id: string; iceParameters: ms.IceParameters; iceCandidates: ms.IceCandidate[]; dtlsParameters: ms.DtlsParameters } }>,
  ) => void;
  'media:connectTransport': (payload: z.infer<typeof connectTransportSchema>, ack: AckFn) => void;
  'media:restartIce': (payload: z.infer<typeof restartIceSchema>, ack: AckFn<{ iceParameters: ms.IceParameters }>) => void;
  'media:produce': (payload: z.infer<typeof produceSchema>, ack: AckFn<{ producerId: string }>) => void;
  'media:consume': (
    payload: z.infer<typeof consumeSchema>,
    ack: AckFn<{ consumer: { id: string; producerId: string; kind: ms.MediaKind; rtpParameters: ms.RtpParameters } }>,
  ) => void;
  'media:resumeConsumer': (payload: z.infer<typeof resumeConsumerSchema>, ack: AckFn) => void;
}

export interface ServerToClientEvents {
  'show:status': (event: { showId: string; status: ShowStatus; startedAt: string | null; endedAt: string | null }) => void;
  'product:pinned': (event: { showId: string; product: ProductCard }) => void;
  'product:unpinned': (event: { showId: string }) => void;
  'stock:changed': (event: { showId: string; productId: string; variantId: string; stock: number }) => void;
  'order:justBought': (event: { showId: string; buyerName: string; productTitle: string; quantity: number }) => void;
  /** Sent to the host only. */
  'sale:made': (event: { showId: string; orderNumber: number; totalMinor: number; currency: string; productTitle: string; variantName: string; quantity: number; buyerName: string }) => void;
  'viewers:count': (event: { showId: string; count: number }) => void;
  'media:producerAdded': (event: { showId: string; producerId: string; kind: ms.MediaKind }) => void;
  'media:producerClosed': (event: { showId: string; producerId: string }) => void;
}

export interface SocketUser {
  userId: string;
  name: string;
}

export interface SocketData {
  user: SocketUser | null;
  /** Shows this socket has joined, with its role in each. */
  shows: Map<string, ViewerRole>;
}

export const showRoom = (showId: string) => `show:${showId}`;
export const showHostRoom = (showId: string) => `show:${showId}:host`;
