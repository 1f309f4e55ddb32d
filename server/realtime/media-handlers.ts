import type { types } from 'mediasoup';
import { AppError } from '../domain/errors';
import type { ShowMediaRoom } from '../media/show-media-room';
import type { ShowBroadcaster } from './broadcaster';
import type { HandlerRegistrar } from './handler';
import { requireJoined, type ConnectionContext } from './context';
import {
  connectTransportSchema,
  consumeSchema,
  createTransportSchema,
  produceSchema,
  restartIceSchema,
  resumeConsumerSchema,
  showRefSchema,
} from './protocol';

const announced = new WeakSet<ShowMediaRoom>();

/** Tells a show's room about producers coming and going, once per media room. */
function announceProducers(broadcaster: ShowBroadcaster, room: ShowMediaRoom): void {
  if (announced.has(room)) return;
  announced.add(room);
  const { showId } = room;
  room.on('producerAdded', ({ producerId, kind }) => broadcaster.emit(showId, 'media:producerAdded', { showId, producerId, kind }));
  room.on('producerClosed', ({ producerId }) => broadcaster.emit(showId, 'media:producerClosed', { showId, producerId }));
}

// mediasoup checks the structure of these objects itself and rejects bad ones;
// the schemas only guarantee they are plain objects of bounded size.
const asMedia = <T>(value: Record<string, unknown>) => value as unknown as T;

export function registerMediaHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, broadcaster } = ctx;
  const room = async (showId: string) => {
    const mediaRoom = await ctx.media.room(showId);
    announceProducers(broadcaster, mediaRoom);
    return mediaRoom;
  };

  on.on('media:routerCapabilities', showRefSchema, async ({ showId }) => {
    requireJoined(socket, showId);
    return { rtpCapabilities: (await room(showId)).rtpCapabilities };
  });

  on.on('media:createTransport', createTransportSchema, async ({ showId, direction }) => {
    const role = requireJoined(socket, showId);
    if (direction === 'send' && role !== 'host') throw new AppError('FORBIDDEN', 'only the host sends media', 'Only the host can broadcast.');
    return { transport: await (await room(showId)).createTransport(socket.id, direction) };
  });

  on.on('media:connectTransport', connectTransportSchema, async ({ showId, transportId, dtlsParameters }) => {
    requireJoined(socket, showId);
    await (await room(showId)).connectTransport(socket.id, transportId, asMedia<types.DtlsParameters>(dtlsParameters));
    return {};
  });

  on.on('media:restartIce', restartIceSchema, async ({ showId, transportId }) => {
    requireJoined(socket, showId);
    return { iceParameters: await (await room(showId)).restartIce(socket.id, transportId) };
  });

  on.on('media:produce', produceSchema, async ({ showId, transportId, kind, rtpParameters }) => {
    if (requireJoined(socket, showId) !== 'host') throw new AppError('FORBIDDEN', 'only the host produces', 'Only the host can broadcast.');
    const producerId = await (await room(showId)).produce(socket.id, transportId, kind, asMedia<types.RtpParameters>(rtpParameters));
    return { producerId };
  });

  on.on('media:consume', consumeSchema, async ({ showId, transportId, producerId, rtpCapabilities }) => {
    requireJoined(socket, showId);
    const consumer = await (await room(showId)).consume(socket.id, transportId, producerId, asMedia<types.RtpCapabilities>(rtpCapabilities));
    return { consumer };
  });

  on.on('media:resumeConsumer', resumeConsumerSchema, async ({ showId, consumerId }) => {
    requireJoined(socket, showId);
    await (await room(showId)).resumeConsumer(socket.id, consumerId);
    return {};
  });
}
