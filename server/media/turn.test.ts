import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaService } from './media-service';
import { turnCredentials } from './turn';

const turn = {
  urls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349'],
  secret: 'coturn-static-auth-secret',
  ttlSeconds: 3600,
};
const config = {
  workers: 1,
  listenIp: '127.0.0.1',
  rtcMinPort: 47000,
  rtcMaxPort: 47999,
  webRtcPort: 0,
  transportConnectTimeoutMs: 20_000,
};

describe('TURN for viewers behind strict NATs', () => {
  it('derives credentials the way coturn checks them (use-auth-secret): "<expiry>:<tag>" and its base64 HMAC-SHA1', () => {
    const now = Date.UTC(2026, 11, 6, 9, 0, 0);
    const server = turnCredentials(turn, 'socket-1', now);
    expect(server.username).toBe(`${now / 1000 + 3600}:socket-1`);
    expect(server.credential).toBe(createHmac('sha1', turn.secret).update(server.username).digest('base64'));
    expect(server.urls).toEqual(turn.urls);
    expect(JSON.stringify(server)).not.toContain(turn.secret);
  });

  it('hands every transport the TURN servers when configured, and none otherwise', async () => {
    const withTurn = await MediaService.create({ ...config, turn }, createLogger('silent'));
    try {
      const transport = await (await withTurn.room('turn-1')).createTransport('viewer', 'recv');
      expect(transport.iceServers).toHaveLength(1);
      expect(transport.iceServers![0]!.username).toMatch(/^\d+:viewer$/);
    } finally {
      withTurn.close();
    }
    const without = await MediaService.create(config, createLogger('silent'));
    try {
      expect((await (await without.room('turn-2')).createTransport('viewer', 'recv')).iceServers).toBeUndefined();
    } finally {
      without.close();
    }
  });
});
