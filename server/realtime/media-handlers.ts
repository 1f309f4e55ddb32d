import type { types } from 'mediasoup';
import { AppError } from '../domain/errors';
import { requireMediaAccess, type MediaUse } from '../domain/shows';
import { requireShowAccess } from '../domain/show-access';
import { visitorOf } from './show-visitor';
import type { MediaService } from '../media/media-service';
import type { ShowMediaRoom } from '../media/show-media-room';
import type { ShowBroadcaster } from './broadcaster';
import type { HandlerRegistrar, ShowServer } from './handler';
import { requireJoined, type ConnectionContext } from './context';
import {
  claimSchema,
  connectTransportSchema,
  consumeSchema,
  createTransportSchema,
  pauseConsumerSchema,
  produceSchema,
  restartIceSchema,
  resumeConsumerSchema,
  setPreferredLayersSchema,
  showRefSchema,
  watchSchema,
} from './protocol';

const announced = new WeakSet<ShowMediaRoom>();

/**
 * Wires a media room to the sockets, once per room: producers coming and going
 * go to the whole show; a consumer's layers and score go only to its viewer.
 * Media peers are keyed by socket id, and every socket is in a room of its own
 * id, so the events reach a viewer's recovered connection as well.
 */
function announceMedia(io: ShowServer, broadcaster: ShowBroadcaster, room: ShowMediaRoom): void {
  if (announced.has(room)) return;
  announced.add(room);
  const { showId } = room;
  room.on('producerAdded', ({ producerId, kind, publisher }) =>
    broadcaster.emit(showId, 'media:producerAdded', { showId, producerId, kind, publisher }),
  );
  room.on('producerClosed', ({ producerId }) => broadcaster.emit(showId, 'media:producerClosed', { showId, producerId }));
  room.on('consumerLayers', ({ peerId, consumerId, layers }) =>
    io.to(peerId).emit('media:layers', {
      showId,
      consumerId,
      spatialLayer: layers?.spatialLayer ?? null,
      temporalLayer: layers?.temporalLayer ?? null,
    }),
  );
  room.on('consumerScore', ({ peerId, consumerId, score, producerScore }) =>
    io.to(peerId).emit('media:score', { showId, consumerId, score, producerScore }),
  );
  // Only the viewers of a dead edge worker lost anything; the rest of the show goes on.
  room.on('peersMoved', ({ peerIds }) => io.to(peerIds).emit('media:moved', { showId }));
}

/**
 * A show whose worker died has a new, empty router; the show is told so that
 * the host publishes again and every viewer consumes again, without a reload.
 * Sequenced, so a client that was briefly away gets it on recovery too.
 */
export function announceMediaRestarts(media: MediaService, broadcaster: ShowBroadcaster): () => void {
  const listener = ({ showId }: { showId: string }) => broadcaster.emit(showId, 'media:restarted', { showId });
  media.on('roomRestarted', listener);
  return () => media.off('roomRestarted', listener);
}

// A browser tab watches or hosts one show; two leave room for a tab moving between shows.
export const MAX_MEDIA_SHOWS_PER_CONNECTION = 2;

// mediasoup checks the structure of these objects itself and rejects bad ones;
// the schemas only guarantee they are plain objects of bounded size.
const asMedia = <T>(value: Record<string, unknown>) => value as unknown as T;

export function registerMediaHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, broadcaster, io } = ctx;
  const room = async (showId: string) => {
    const mediaRoom = await ctx.media.room(showId);
    announceMedia(io, broadcaster, mediaRoom);
    return mediaRoom;
  };
  // A viewer that started watching before its join answered (media:watch) may use what it holds.
  const requireJoinedOrWatching = (showId: string) => {
    if (socket.data.shows.has(showId) || ctx.media.readyRoom(showId)?.hasTransports(socket.id)) return;
    requireJoined(socket, showId);
  };
  // Events that make media resources ask the domain first: a live show, or the host's own preview.
  const allowed = async (showId: string, use: MediaUse) => {
    // show:join already passed the private-show gate; media:watch may come first and passes it here.
    if (!socket.data.shows.has(showId)) await requireShowAccess(ctx.db, visitorOf(socket, showId), showId);
    await requireMediaAccess(ctx.db, socket.data.user?.userId ?? null, showId, use);
  };

  on.on('media:routerCapabilities', showRefSchema, async ({ showId }) => {
    requireJoined(socket, showId);
    await allowed(showId, 'watch');
    return { rtpCapabilities: (await room(showId)).rtpCapabilities };
  });

  on.on('media:createTransport', createTransportSchema, async ({ showId, direction }) => {
    requireJoined(socket, showId);
    // Sending is the host's, and a guest's on stage: the domain says who.
    await allowed(showId, direction === 'send' ? 'send' : 'watch');
    const elsewhere = ctx.media.showsWithTransports(socket.id).filter((id) => id !== showId);
    if (elsewhere.length >= MAX_MEDIA_SHOWS_PER_CONNECTION) {
      throw new AppError('TRANSPORT_LIMIT', `connection already holds media in ${elsewhere.length} other shows`);
    }
    // A second transport of the same direction replaces the first (see ShowMediaRoom).
    return { transport: await (await room(showId)).createTransport(socket.id, direction) };
  });

  // The receive side in one round trip, without waiting for show:join: the page
  // sends it as soon as its socket is open, with a device loaded from the router
  // capabilities rendered into the page. The show's access rules still apply.
  on.on('media:watch', watchSchema, async ({ showId, rtpCapabilities, paused }) => {
    await allowed(showId, 'watch');
    const elsewhere = ctx.media.showsWithTransports(socket.id).filter((id) => id !== showId);
    if (elsewhere.length >= MAX_MEDIA_SHOWS_PER_CONNECTION) {
      throw new AppError('TRANSPORT_LIMIT', `connection already holds media in ${elsewhere.length} other shows`);
    }
    return (await room(showId)).watch(socket.id, asMedia<types.RtpCapabilities>(rtpCapabilities), {
      paused: paused ?? false,
      skipUserId: socket.data.user?.userId ?? null,
    });
  });

  // The receive side the server prepared while it rendered this viewer's page (server/media/prepared-watch.ts),
  // already connected by the page's boot script: the socket takes it over instead of watching anew. The
  // access rules are asked again with the socket's own identity; a token from another node answers NOT_FOUND.
  on.on('media:claim', claimSchema, async ({ showId, token }) => {
    await allowed(showId, 'watch');
    const elsewhere = ctx.media.showsWithTransports(socket.id).filter((id) => id !== showId);
    if (elsewhere.length >= MAX_MEDIA_SHOWS_PER_CONNECTION) {
      throw new AppError('TRANSPORT_LIMIT', `connection already holds media in ${elsewhere.length} other shows`);
    }
    const claimed = ctx.media.prepared.claim(token, showId, socket.id);
    await room(showId); // wires the room's events to the sockets, as media:watch does
    return claimed;
  });

  on.on('media:connectTransport', connectTransportSchema, async ({ showId, transportId, dtlsParameters }) => {
    requireJoinedOrWatching(showId);
    await (await room(showId)).connectTransport(socket.id, transportId, asMedia<types.DtlsParameters>(dtlsParameters));
    return {};
  });

  on.on('media:restartIce', restartIceSchema, async ({ showId, transportId }) => {
    requireJoinedOrWatching(showId);
    return { iceParameters: await (await room(showId)).restartIce(socket.id, transportId) };
  });

  on.on('media:produce', produceSchema, async ({ showId, transportId, kind, rtpParameters }) => {
    const role = requireJoined(socket, showId);
    await allowed(showId, 'send');
    const user = socket.data.user;
    const publisher = user ? { userId: user.userId, guest: role !== 'host' } : null;
    const producerId = await (
      await room(showId)
    ).produce(socket.id, transportId, kind, asMedia<types.RtpParameters>(rtpParameters), publisher);
    return { producerId };
  });

  on.on('media:consume', consumeSchema, async ({ showId, transportId, producerId, rtpCapabilities }) => {
    requireJoinedOrWatching(showId);
    await allowed(showId, 'watch');
    return (await room(showId)).consume(socket.id, transportId, producerId, asMedia<types.RtpCapabilities>(rtpCapabilities));
  });

  on.on('media:resumeConsumer', resumeConsumerSchema, async ({ showId, consumerId }) => {
    requireJoinedOrWatching(showId);
    await (await room(showId)).resumeConsumer(socket.id, consumerId);
    return {};
  });

  on.on('media:pauseConsumer', pauseConsumerSchema, async ({ showId, consumerId }) => {
    requireJoinedOrWatching(showId);
    await (await room(showId)).pauseConsumer(socket.id, consumerId);
    return {};
  });

  on.on('media:setPreferredLayers', setPreferredLayersSchema, async ({ showId, consumerId, spatialLayer, temporalLayer }) => {
    requireJoinedOrWatching(showId);
    const layers = temporalLayer === undefined ? { spatialLayer } : { spatialLayer, temporalLayer };
    return { preferred: await (await room(showId)).setPreferredLayers(socket.id, consumerId, layers) };
  });
}
