/**
 * The show channel's protocol, version 1: every event in both directions, once.
 * The server validates payloads with these schemas; the browser imports only the
 * types. docs/realtime-protocol.md describes the same events for people.
 */
import type { AssistantReply } from '../domain/assistant';
import { z } from 'zod';
import type { types as ms } from 'mediasoup';
import type { AuctionView, auctionBidSchema, auctionCancelSchema, auctionSetMaxSchema, auctionStartSchema } from '../domain/auctions';
import type { BagView } from '../domain/bag';
import type { QrKind, QrPaymentView } from '../domain/qr-payments';
import type { ErrorPayload } from '../domain/errors';
import type { ProductCard } from '../domain/catalog';
import type { ChatMessageView } from '../domain/chat';
import type { DealView } from '../domain/shows';
import type { ShowState, ShowStatus } from '../domain/shows';
import { giveawayStartInputSchema, type EntryResult, type GiveawayView, type MyGiveaway } from '../domain/giveaways';
import { pollStartInputSchema, type PollView } from '../domain/polls';
import type { QuestionView } from '../domain/questions';
import {
  coHostSplitSchema,
  stageLayoutSchema,
  type StageGuestView,
  type StageSeat,
  type StageStaffView,
  type StageView,
} from '../domain/stage';
import { SIMULCAST_PLATFORMS, type DestinationStatus, type DestinationView } from '../domain/simulcast';
import type { WaitlistState } from '../domain/waitlist';

export const PROTOCOL_VERSION = 1;
export const REACTION_KINDS = ['heart', 'fire', 'clap', 'laugh', 'wow'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

const id = z.string().min(1).max(64);
// mediasoup validates the structure of its own parameters; we only bound their size.
const mediasoupObject = z.record(z.string(), z.unknown());

export const showRefSchema = z.object({ showId: id }).strict();
// A clock sample carries nothing: the client times the round trip itself.
export const timeSyncSchema = z.object({}).strict();
export const pinProductSchema = z.object({ showId: id, productId: id }).strict();
const idempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);
export const buySchema = z
  .object({
    showId: id,
    variantId: id,
    quantity: z.number().int().min(1).max(10),
    idempotencyKey,
    dealId: id.nullish(),
    /** The buyer holds a unit of this variant (the waitlist): the node's stock gate, which counts only stock, lets the tap through. */
    held: z.boolean().optional(),
    /** QR: reserved and paid by a bank QR code instead of the saved card (issue 21); the answer carries the code. */
    method: z.enum(['CARD', 'QR']).optional(),
  })
  .strict();

export const waitlistRefSchema = z.object({ showId: id, variantId: id }).strict();
export const waitlistGetSchema = z.object({ showId: id, variantIds: z.array(id).min(1).max(50) }).strict();

// The domain checks the code's format and answers COUPON_INVALID in plain words; this only bounds the frame.
const couponCode = z.string().max(64).nullish();
export const bagGetSchema = z.object({ showId: id, couponCode }).strict();
export const bagSetSchema = z.object({ showId: id, variantId: id, quantity: z.number().int().min(0).max(99), couponCode }).strict();
// expectedTotalMinor: the total the buyer saw on the Pay button; a higher one is refused (PRICE_CHANGED).
// method QR: reserved and paid by a bank QR code (issue 21); the answer carries the code.
export const bagCheckoutSchema = z
  .object({
    showId: id,
    idempotencyKey,
    couponCode,
    expectedTotalMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    method: z.enum(['CARD', 'QR']).optional(),
  })
  .strict();
export const qrStatusSchema = z.object({ orderId: id }).strict();
// Length is checked again after normalisation; this bound only stops huge frames early.
export const chatSendSchema = z.object({ showId: id, text: z.string().min(1).max(2000) }).strict();
export const chatMessageRefSchema = z.object({ showId: id, messageId: id }).strict();
export const chatPinSchema = z.object({ showId: id, messageId: id.nullable() }).strict();
export const chatBanSchema = z.object({ showId: id, userId: id }).strict();
export const chatSlowModeSchema = z.object({ showId: id, seconds: z.number().int().min(0).max(3600) }).strict();
export const reactionSchema = z
  .object({ showId: id, kind: z.enum(REACTION_KINDS), count: z.number().int().min(1).max(50).default(1) })
  .strict();
export const productTapSchema = z.object({ showId: id, productId: id }).strict();
export const dealStartSchema = z
  .object({
    showId: id,
    variantId: id,
    priceMinor: z.number().int().min(0).max(100_000_000),
    durationSeconds: z.number().int().min(10).max(3600),
    quantityCap: z.number().int().min(1).max(1_000_000).nullish(),
  })
  .strict();
export const createTransportSchema = z.object({ showId: id, direction: z.enum(['send', 'recv']) }).strict();
export const connectTransportSchema = z.object({ showId: id, transportId: id, dtlsParameters: mediasoupObject }).strict();
export const restartIceSchema = z.object({ showId: id, transportId: id }).strict();
export const produceSchema = z
  .object({ showId: id, transportId: id, kind: z.enum(['audio', 'video']), rtpParameters: mediasoupObject })
  .strict();
export const consumeSchema = z.object({ showId: id, transportId: id, producerId: id, rtpCapabilities: mediasoupObject }).strict();
export const watchSchema = z.object({ showId: id, rtpCapabilities: mediasoupObject, paused: z.boolean().optional() }).strict();
// The token the server wrote into the page with its prepared watch (base64url of 16 random bytes).
export const claimSchema = z.object({ showId: id, token: z.string().regex(/^[A-Za-z0-9_-]{22}$/) }).strict();
export const resumeConsumerSchema = z.object({ showId: id, consumerId: id }).strict();
export const pauseConsumerSchema = resumeConsumerSchema;
// Three simulcast layers with up to three temporal layers each; mediasoup clamps to what the producer has.
const layerIndex = z.number().int().min(0).max(2);
export const setPreferredLayersSchema = z
  .object({ showId: id, consumerId: id, spatialLayer: layerIndex, temporalLayer: layerIndex.optional() })
  .strict();

// Giveaways, polls and Q&A (server/realtime/engagement-handlers.ts).
export const giveawayStartSchema = giveawayStartInputSchema.extend({ showId: id }).strict();
export const giveawayRefSchema = z.object({ showId: id, giveawayId: id }).strict();
export const pollStartSchema = pollStartInputSchema.extend({ showId: id }).strict();
// Simulcast destinations: only sizes here; the domain checks the URL and key and names what is wrong.
export const simulcastAddSchema = z
  .object({ showId: id, platform: z.enum(SIMULCAST_PLATFORMS), ingestUrl: z.string().max(300), streamKey: z.string().max(512) })
  .strict();
export const simulcastDestinationSchema = z.object({ showId: id, destinationId: id }).strict();
export const simulcastEnableSchema = z.object({ showId: id, destinationId: id, enabled: z.boolean() }).strict();
/** A destination in the studio: the key's last four characters, and where its push stands on the host's node. */
export type SimulcastDestination = DestinationView & Omit<DestinationStatus, 'destinationId'>;
export const pollVoteSchema = z.object({ showId: id, pollId: id, option: z.number().int().min(0).max(3) }).strict();
export const pollRefSchema = z.object({ showId: id, pollId: id }).strict();
// Length is checked again after normalisation (QUESTION_TOO_LONG); this bound only stops huge frames early.
export const questionAskSchema = z.object({ showId: id, text: z.string().min(1).max(2000) }).strict();
export const questionRefSchema = z.object({ showId: id, questionId: id }).strict();
export const questionAnsweringSchema = z.object({ showId: id, questionId: id.nullable() }).strict();

// The shop assistant (server/realtime/assistant-handlers.ts). Questions are chat-sized.
export const assistantAskSchema = z.object({ showId: id, text: z.string().trim().min(1).max(300) }).strict();
export const assistantConfirmSchema = z.object({ showId: id, cardId: id }).strict();
export const assistantSwitchSchema = z.object({ showId: id, enabled: z.boolean() }).strict();
/** Who asked what the assistant replies to: shown above a public reply. */
export interface AssistantAsked {
  text: string;
  authorName: string;
}

// Guests on stage (server/realtime/stage-handlers.ts).
export const stageGuestSchema = z.object({ showId: id, userId: id }).strict();
export const stageLayoutRequestSchema = z.object({ showId: id, layout: stageLayoutSchema }).strict();
// From the studio: a person present in the show by id, or an influencer by handle.
export const stageInviteSchema = z.union([stageGuestSchema, z.object({ showId: id, handle: z.string().trim().min(1).max(31) }).strict()]);
export const stageCandidatesSchema = z.object({ showId: id, query: z.string().max(60).default('') }).strict();
export const stagePromoteSchema = z.object({ showId: id, userId: id, shares: coHostSplitSchema }).strict();

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorPayload };
type AckFn<T extends object = object> = (response: Ack<T>) => void;

export type ViewerRole = 'host' | 'moderator' | 'viewer' | 'anonymous';

/** Whose stream a producer is: the host's or a guest's on stage (null: an ingest with no person). */
export type ProducerPublisher = { userId: string; guest: boolean } | null;
export interface ProducerInfo {
  producerId: string;
  kind: ms.MediaKind;
  publisher: ProducerPublisher;
}
type ConsumerAnswer = {
  id: string;
  producerId: string;
  kind: ms.MediaKind;
  rtpParameters: ms.RtpParameters;
  publisher: ProducerPublisher;
};

export interface OrderConfirmation {
  orderId: string;
  orderNumber: number;
  totalMinor: number;
  currency: string;
  productTitle: string;
  variantName: string;
  quantity: number;
  replayed: boolean;
  /** The buyer's units of this product in this show after this order, and the show's limit; absent on a replay. */
  bought?: { units: number; max: number } | null;
  /** Only for method QR: the code to pay, while the order waits. */
  qr?: QrPaymentView;
}

export interface BagOrderConfirmation {
  orderId: string;
  orderNumber: number;
  subtotalMinor: number;
  shippingMinor: number;
  discountMinor: number;
  totalMinor: number;
  currency: string;
  couponCode: string | null;
  /** Units in the order. */
  itemCount: number;
  replayed: boolean;
  /** Only for method QR: the code to pay, while the order waits (AWAITING_PAYMENT). */
  qr?: QrPaymentView;
}

/** Everything a client needs to render a show at once; `seq` is the last broadcast it reflects. */
export interface ShowSnapshot {
  state: ShowState;
  role: ViewerRole;
  viewerCount: number;
  producers: ProducerInfo[];
  /** Who is on stage besides the host, and the layout the host chose. */
  stage: StageView;
  /** This person's own seat: an open invitation, on stage, or none. */
  myStage: StageSeat;
  /** The host is rehearsing: only staff are admitted, and they see the stream with a "rehearsal" banner. */
  rehearsing: boolean;
  /** Who this socket is signed in as (null: anonymous): their own stage producers are not for them to consume. */
  userId: string | null;
  chat: ChatMessageView[];
  pinnedMessage: ChatMessageView | null;
  slowModeSeconds: number;
  deal: DealView | null;
  engagement: EngagementSnapshot;
  /** The auction taking bids (or being settled), if any. */
  auction: AuctionView | null;
  /** The server's clock when the snapshot was read: countdowns correct the device's clock by it. */
  serverNow: string;
  /** When the current pin happened (server epoch ms, the `at` its product:pinned carried); null without a pin. */
  pinnedAt: number | null;
  seq: number;
}

/** The show's latest giveaway and poll, its open questions, and this person's part in each. */
export interface EngagementSnapshot {
  giveaway: GiveawayView | null;
  myGiveaway: MyGiveaway | null;
  poll: PollView | null;
  myPollOption: number | null;
  questions: QuestionView[];
  myUpvotes: string[];
}

/** What a bidder's own bid answers; `leading: false` means a higher maximum outbid it at once. */
export interface AuctionBidAck {
  auction: AuctionView;
  leading: boolean;
  replayed: boolean;
  serverNow: string;
}

export type AuctionResult = 'SOLD' | 'UNSOLD' | 'CANCELLED';

export interface ClientToServerEvents {
  'show:join': (payload: z.infer<typeof showRefSchema>, ack: AckFn<ShowSnapshot>) => void;
  /** One NTP-style clock sample: the server's epoch ms when it answered (app/_lib/server-clock.ts). */
  'time:sync': (payload: z.infer<typeof timeSyncSchema>, ack: AckFn<{ serverNow: number }>) => void;
  'show:leave': (payload: z.infer<typeof showRefSchema>, ack: AckFn) => void;
  'show:goLive': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ status: ShowStatus; startedAt: string | null }>) => void;
  'show:end': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ status: ShowStatus }>) => void;
  'show:rehearse': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ rehearsalStartedAt: string }>) => void;
  'show:endRehearsal': (payload: z.infer<typeof showRefSchema>, ack: AckFn<Record<string, never>>) => void;
  'product:pin': (payload: z.infer<typeof pinProductSchema>, ack: AckFn<{ product: ProductCard }>) => void;
  'product:unpin': (payload: z.infer<typeof showRefSchema>, ack: AckFn) => void;
  'deal:start': (payload: z.input<typeof dealStartSchema>, ack: AckFn<{ deal: DealView }>) => void;
  'deal:end': (payload: z.infer<typeof showRefSchema>, ack: AckFn) => void;
  'order:buy': (payload: z.input<typeof buySchema>, ack: AckFn<{ order: OrderConfirmation }>) => void;
  'simulcast:list': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ destinations: SimulcastDestination[] }>) => void;
  'simulcast:add': (payload: z.infer<typeof simulcastAddSchema>, ack: AckFn<{ destination: SimulcastDestination }>) => void;
  'simulcast:remove': (payload: z.infer<typeof simulcastDestinationSchema>, ack: AckFn) => void;
  'simulcast:setEnabled': (payload: z.infer<typeof simulcastEnableSchema>, ack: AckFn<{ destination: SimulcastDestination }>) => void;
  'auction:start': (payload: z.input<typeof auctionStartSchema>, ack: AckFn<{ auction: AuctionView; serverNow: string }>) => void;
  'auction:bid': (payload: z.input<typeof auctionBidSchema>, ack: AckFn<{ bid: AuctionBidAck }>) => void;
  'auction:setMax': (payload: z.input<typeof auctionSetMaxSchema>, ack: AckFn<{ bid: AuctionBidAck }>) => void;
  'auction:cancel': (payload: z.input<typeof auctionCancelSchema>, ack: AckFn<{ auction: AuctionView }>) => void;
  'waitlist:join': (payload: z.infer<typeof waitlistRefSchema>, ack: AckFn<{ waitlist: WaitlistState }>) => void;
  'waitlist:leave': (payload: z.infer<typeof waitlistRefSchema>, ack: AckFn) => void;
  'waitlist:get': (payload: z.infer<typeof waitlistGetSchema>, ack: AckFn<{ states: Record<string, WaitlistState> }>) => void;
  'bag:get': (payload: z.input<typeof bagGetSchema>, ack: AckFn<{ bag: BagView; qrKind?: QrKind | null }>) => void;
  'bag:set': (payload: z.input<typeof bagSetSchema>, ack: AckFn<{ bag: BagView }>) => void;
  'bag:checkout': (payload: z.input<typeof bagCheckoutSchema>, ack: AckFn<{ order: BagOrderConfirmation }>) => void;
  'qr:status': (payload: z.infer<typeof qrStatusSchema>, ack: AckFn<{ qr: QrPaymentView }>) => void;
  'chat:send': (payload: z.infer<typeof chatSendSchema>, ack: AckFn<{ message: ChatMessageView }>) => void;
  'chat:delete': (payload: z.infer<typeof chatMessageRefSchema>, ack: AckFn) => void;
  'chat:ban': (payload: z.infer<typeof chatBanSchema>, ack: AckFn<{ removedMessageIds: string[] }>) => void;
  'chat:slowMode': (payload: z.infer<typeof chatSlowModeSchema>, ack: AckFn<{ seconds: number }>) => void;
  'chat:pin': (payload: z.infer<typeof chatPinSchema>, ack: AckFn<{ message: ChatMessageView | null }>) => void;
  'reaction:send': (payload: z.input<typeof reactionSchema>, ack: AckFn) => void;
  'product:tap': (payload: z.infer<typeof productTapSchema>, ack: AckFn) => void;
  'giveaway:start': (payload: z.input<typeof giveawayStartSchema>, ack: AckFn<{ giveaway: GiveawayView }>) => void;
  'giveaway:enter': (payload: z.infer<typeof giveawayRefSchema>, ack: AckFn<{ entry: EntryResult }>) => void;
  'giveaway:draw': (payload: z.infer<typeof giveawayRefSchema>, ack: AckFn<{ giveaway: GiveawayView }>) => void;
  'giveaway:claim': (payload: z.infer<typeof giveawayRefSchema>, ack: AckFn<{ mine: MyGiveaway }>) => void;
  'poll:start': (payload: z.input<typeof pollStartSchema>, ack: AckFn<{ poll: PollView }>) => void;
  'poll:vote': (payload: z.infer<typeof pollVoteSchema>, ack: AckFn<{ pollId: string; option: number }>) => void;
  'poll:close': (payload: z.infer<typeof pollRefSchema>, ack: AckFn<{ poll: PollView }>) => void;
  'question:ask': (payload: z.infer<typeof questionAskSchema>, ack: AckFn<{ question: QuestionView }>) => void;
  'question:upvote': (
    payload: z.infer<typeof questionRefSchema>,
    ack: AckFn<{ questionId: string; upvotes: number; counted: boolean }>,
  ) => void;
  'question:answering': (payload: z.infer<typeof questionAnsweringSchema>, ack: AckFn<{ question: QuestionView | null }>) => void;
  'question:answered': (payload: z.infer<typeof questionRefSchema>, ack: AckFn) => void;
  'media:routerCapabilities': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ rtpCapabilities: ms.RtpCapabilities }>) => void;
  'media:createTransport': (
    payload: z.infer<typeof createTransportSchema>,
    ack: AckFn<{
      transport: TransportAnswer;
    }>,
  ) => void;
  'media:connectTransport': (payload: z.infer<typeof connectTransportSchema>, ack: AckFn) => void;
  'media:restartIce': (payload: z.infer<typeof restartIceSchema>, ack: AckFn<{ iceParameters: ms.IceParameters }>) => void;
  'media:produce': (payload: z.infer<typeof produceSchema>, ack: AckFn<{ producerId: string }>) => void;
  'media:consume': (
    payload: z.infer<typeof consumeSchema>,
    ack: AckFn<{
      consumer: ConsumerAnswer;
      layers: { spatialLayers: number; temporalLayers: number; preferred: ms.ConsumerLayers | null };
    }>,
  ) => void;
  'media:claim': (
    payload: z.infer<typeof claimSchema>,
    ack: AckFn<{
      transport: TransportAnswer;
      consumers: {
        consumer: ConsumerAnswer;
        layers: { spatialLayers: number; temporalLayers: number; preferred: ms.ConsumerLayers | null };
        paused: boolean;
      }[];
    }>,
  ) => void;
  'media:watch': (
    payload: z.infer<typeof watchSchema>,
    ack: AckFn<{
      transport: TransportAnswer;
      consumers: {
        consumer: ConsumerAnswer;
        layers: { spatialLayers: number; temporalLayers: number; preferred: ms.ConsumerLayers | null };
        paused: boolean;
      }[];
    }>,
  ) => void;
  'media:resumeConsumer': (payload: z.infer<typeof resumeConsumerSchema>, ack: AckFn) => void;
  'media:pauseConsumer': (payload: z.infer<typeof pauseConsumerSchema>, ack: AckFn) => void;
  'media:setPreferredLayers': (
    payload: z.infer<typeof setPreferredLayersSchema>,
    ack: AckFn<{ preferred: ms.ConsumerLayers | null }>,
  ) => void;
  'stage:get': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ stage: StageStaffView }>) => void;
  'stage:invite': (payload: z.input<typeof stageInviteSchema>, ack: AckFn<{ stage: StageStaffView }>) => void;
  'stage:candidates': (payload: z.input<typeof stageCandidatesSchema>, ack: AckFn<{ people: StageGuestView[] }>) => void;
  'stage:promote': (payload: z.infer<typeof stagePromoteSchema>, ack: AckFn<{ stage: StageStaffView }>) => void;
  'stage:remove': (payload: z.infer<typeof stageGuestSchema>, ack: AckFn<{ stage: StageStaffView }>) => void;
  'stage:layout': (payload: z.infer<typeof stageLayoutRequestSchema>, ack: AckFn<{ stage: StageStaffView }>) => void;
  'stage:accept': (payload: z.infer<typeof showRefSchema>, ack: AckFn<{ stage: StageView }>) => void;
  'stage:decline': (payload: z.infer<typeof showRefSchema>, ack: AckFn) => void;
  'stage:leave': (payload: z.infer<typeof showRefSchema>, ack: AckFn) => void;
  'assistant:ask': (payload: z.input<typeof assistantAskSchema>, ack: AckFn<{ reply: AssistantReply }>) => void;
  'assistant:confirm': (payload: z.infer<typeof assistantConfirmSchema>, ack: AckFn<{ order: OrderConfirmation }>) => void;
  'assistant:setEnabled': (payload: z.infer<typeof assistantSwitchSchema>, ack: AckFn<{ enabled: boolean }>) => void;
}

/**
 * Broadcasts to everyone in a show; each carries the show's sequence number. Those tied to what the host
 * says also carry `at`, the server's epoch ms of the moment it happened: a viewer applies them when its own
 * playout reaches that moment (app/_lib/overlay-schedule.ts; docs/architecture.md, "Latency-fair overlays").
 */
export interface SequencedEvents {
  'show:status': (event: { showId: string; seq: number; status: ShowStatus; startedAt: string | null; endedAt: string | null }) => void;
  /** A rehearsal started or ended: only the staff are in the show's room while it runs (server/realtime/rehearsal-audience.ts). */
  'show:rehearsal': (event: { showId: string; seq: number; rehearsing: boolean }) => void;
  'product:pinned': (event: { showId: string; seq: number; product: ProductCard; at: number }) => void;
  'product:unpinned': (event: { showId: string; seq: number; at: number }) => void;
  'stock:changed': (event: { showId: string; seq: number; productId: string; variantId: string; stock: number }) => void;
  // moreProducts: other products in the same bag order; the page words "+ N more" in its own language.
  'order:justBought': (event: {
    showId: string;
    seq: number;
    buyerName: string;
    productTitle: string;
    moreProducts?: number;
    quantity: number;
    others: number;
  }) => void;
  'deal:started': (event: { showId: string; seq: number; deal: DealView; at: number }) => void;
  'deal:updated': (event: { showId: string; seq: number; dealId: string; soldCount: number }) => void;
  'deal:ended': (event: { showId: string; seq: number; dealId: string; at: number }) => void;
  'auction:started': (event: { showId: string; seq: number; auction: AuctionView; serverNow: string; at: number }) => void;
  /** Coalesced: at most a few a second, each with the latest price; a bidder's own ack comes at once. */
  'auction:bid': (event: {
    showId: string;
    seq: number;
    auctionId: string;
    priceMinor: number | null;
    leaderName: string | null;
    bidCount: number;
    nextBidMinor: number;
    endsAt: string;
    serverNow: string;
  }) => void;
  'auction:extended': (event: { showId: string; seq: number; auctionId: string; endsAt: string; serverNow: string }) => void;
  'auction:ended': (event: {
    showId: string;
    seq: number;
    auctionId: string;
    result: AuctionResult;
    priceMinor: number | null;
    winnerName: string | null;
    at: number;
  }) => void;
  'chat:message': (event: { showId: string; seq: number; message: ChatMessageView }) => void;
  'chat:deleted': (event: { showId: string; seq: number; messageIds: string[] }) => void;
  'chat:slowMode': (event: { showId: string; seq: number; seconds: number }) => void;
  'chat:pinned': (event: { showId: string; seq: number; message: ChatMessageView | null }) => void;
  'reactions:burst': (event: { showId: string; seq: number; counts: Partial<Record<ReactionKind, number>> }) => void;
  'viewers:count': (event: { showId: string; seq: number; count: number }) => void;
  'media:producerAdded': (event: {
    showId: string;
    seq: number;
    producerId: string;
    kind: ms.MediaKind;
    publisher: ProducerPublisher;
  }) => void;
  'media:producerClosed': (event: { showId: string; seq: number; producerId: string }) => void;
  /** The show's media server restarted (its worker died): every producer and consumer is gone; publish or consume again. */
  'media:restarted': (event: { showId: string; seq: number }) => void;
  'giveaway:started': (event: { showId: string; seq: number; giveaway: GiveawayView; at: number }) => void;
  /** Coalesced: at most a few a second, with the count as it is when sent. */
  'giveaway:entries': (event: { showId: string; seq: number; giveawayId: string; entryCount: number }) => void;
  /** The seed is revealed with the winners. */
  'giveaway:drawn': (event: { showId: string; seq: number; giveaway: GiveawayView; at: number }) => void;
  'poll:started': (event: { showId: string; seq: number; poll: PollView; at: number }) => void;
  /** Coalesced like giveaway:entries. */
  'poll:results': (event: { showId: string; seq: number; pollId: string; counts: number[]; total: number }) => void;
  'poll:closed': (event: { showId: string; seq: number; poll: PollView; at: number }) => void;
  'question:asked': (event: { showId: string; seq: number; question: QuestionView }) => void;
  /** Coalesced per question. */
  'question:upvoted': (event: { showId: string; seq: number; questionId: string; upvotes: number }) => void;
  /** The question now being answered (null: none), and those it moved to answered. */
  'question:answering': (event: { showId: string; seq: number; question: QuestionView | null; answeredIds: string[]; at: number }) => void;
  'question:answered': (event: { showId: string; seq: number; questionId: string }) => void;
  /** Someone took a seat on stage or left it, or the host changed the layout. */
  'stage:changed': (event: { showId: string; seq: number; stage: StageView }) => void;
}

export interface ServerToClientEvents extends SequencedEvents {
  /**
   * The assistant's reply to a chat line addressed to it ("@shop …"): to the whole show when it is about the
   * catalog, to the asker's sockets only when it is about their bag or order. Not sequenced, not kept: a late
   * joiner does not see earlier replies.
   */
  'assistant:reply': (event: { showId: string; visibility: 'public' | 'private'; asked: AssistantAsked; reply: AssistantReply }) => void;
  /** The host or the brand turned the show's assistant on or off. Not sequenced. */
  'assistant:switched': (event: { showId: string; enabled: boolean }) => void;
  /** To the show's host only (every socket of theirs): a destination's push changed state. Not sequenced. */
  'simulcast:state': (event: { showId: string } & DestinationStatus) => void;
  /** To the author of a chat message that named the open giveaway's keyword: entered, or why not. Not sequenced. */
  'giveaway:chatEntry': (event: { showId: string; entry: EntryResult | null; error: ErrorPayload | null }) => void;
  /** Sent to the host and moderators only; not sequenced. */
  'sale:made': (event: {
    showId: string;
    orderNumber: number;
    totalMinor: number;
    currency: string;
    productTitle: string;
    variantName: string;
    quantity: number;
    buyerName: string;
  }) => void;
  /** To the bidder who just lost the lead (every socket of theirs); not sequenced. */
  'auction:outbid': (event: { showId: string; auctionId: string; priceMinor: number | null; nextBidMinor: number }) => void;
  /** To the winner once their order is paid; not sequenced. */
  'auction:won': (event: {
    showId: string;
    auctionId: string;
    orderId: string;
    orderNumber: number;
    totalMinor: number;
    currency: string;
    productTitle: string;
  }) => void;
  /** To every socket of one person on a waitlist: a unit is back and held for them until holdExpiresAt; not sequenced. */
  'waitlist:held': (event: {
    showId: string;
    variantId: string;
    productId: string;
    productTitle: string;
    variantName: string;
    holdExpiresAt: string;
  }) => void;
  /** To one viewer, about one of its video consumers; not sequenced. Null layers: nothing is being sent. */
  'media:layers': (event: { showId: string; consumerId: string; spatialLayer: number | null; temporalLayer: number | null }) => void;
  /** To one viewer: its video consumer's score (0–10, 10 = no loss) and the host's stream score. */
  'media:score': (event: { showId: string; consumerId: string; score: number; producerScore: number }) => void;
  /** To every socket of one person: their seat changed (invited, on stage, or none: declined, left, removed, withdrawn). */
  'stage:seat': (event: { showId: string; seat: StageSeat; hostName: string }) => void;
  /** To the host and moderators: the stage with its open invitations, after any change; not sequenced. */
  'stage:staff': (event: { showId: string; stage: StageStaffView }) => void;
  /** To one viewer: the media worker carrying its receive transport died; the show's producers live on, so it watches again. */
  'media:moved': (event: { showId: string }) => void;
}

/** A transport as the browser creates its side of it; iceServers only where the server has TURN configured. */
export interface TransportAnswer {
  id: string;
  iceParameters: ms.IceParameters;
  iceCandidates: ms.IceCandidate[];
  dtlsParameters: ms.DtlsParameters;
  iceServers?: { urls: string[]; username: string; credential: string }[];
}

export interface SocketUser {
  userId: string;
  name: string;
  /** The page's language at the handshake (its cookie, else Accept-Language). */
  locale?: string | null;
}

export interface SocketData {
  user: SocketUser | null;
  /** Shows this socket has joined, with its role in each. */
  shows: Map<string, ViewerRole>;
}

export const showRoom = (showId: string) => `show:${showId}`;
export const showStaffRoom = (showId: string) => `show:${showId}:staff`;
/** Every socket of one signed-in person, for private events (an outbid alert). */
export const userRoom = (userId: string) => `user:${userId}`;
