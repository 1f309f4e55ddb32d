import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { handlerRegistrar, type ShowServer } from './handler';
import type { RealtimeDeps } from './context';
import { registerMediaHandlers } from './media-handlers';
import { ShowPresence } from './presence';
import { showRoom } from './protocol';
import { leaveShow, registerShowHandlers } from './show-handlers';
import { userFromCookieHeader } from './socket-auth';

/** Attaches the show channel to the app's HTTP server. */
export function createRealtimeServer(httpServer: HttpServer, deps: RealtimeDeps): { io: ShowServer; close(): Promise<void> } {
  const io: ShowServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Same origin only: the pages and the socket share one host and port.
    cors: { origin: false },
    // Protocol messages are small; a huge frame is an attack, not a message.
    maxHttpBufferSize: 64 * 1024,
  });
  const presence = new ShowPresence((showId, count) => io.to(showRoom(showId)).emit('viewers:count', { showId, count }));

  io.use((socket, next) => {
    userFromCookieHeader(socket.handshake.headers.cookie, deps.authSecret).then(
      (user) => {
        socket.data.user = user;
        socket.data.shows = new Map();
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('authentication failed')),
    );
  });

  io.on('connection', (socket) => {
    const log = deps.log.child({ socketId: socket.id, userId: socket.data.user?.userId });
    const ctx = { ...deps, io, socket, presence, log };
    const on = handlerRegistrar(socket, log);
    registerShowHandlers(on, ctx);
    registerMediaHandlers(on, ctx);
    socket.on('disconnect', () => {
      for (const showId of [...socket.data.shows.keys()]) leaveShow(ctx, showId);
    });
  });

  return {
    io,
    close: async () => {
      presence.close();
      await io.close();
    },
  };
}
