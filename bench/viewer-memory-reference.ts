// The reference for bench/viewer-memory.ts: plain Socket.io and nothing of the
// app. Each socket answers one event by joining one room, as a viewer joins a show.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('show:join', (_payload: unknown, ack: (r: { ok: true }) => void) => {
    void socket.join('show');
    ack({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}` })}`);
});
process.on('SIGTERM', () => void io.close(() => process.exit(0)));
