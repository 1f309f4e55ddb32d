import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { LOCAL_REQUEST_HEADER, markLocalRequest } from './local-request';

const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

describe('which requests count as "from this machine" (the local mailbox)', () => {
  it('a loopback connection without proxy headers does', () => {
    const req = request('127.0.0.1');
    markLocalRequest(req);
    expect(req.headers[LOCAL_REQUEST_HEADER]).toBe('1');
  });

  it('a reverse proxy on the same host does not: it connects from loopback on behalf of anyone', () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const req = request('127.0.0.1', { [header]: '203.0.113.9' });
      markLocalRequest(req);
      expect(req.headers[LOCAL_REQUEST_HEADER], header).toBeUndefined();
    }
  });

  it('a client cannot claim it by sending the header itself', () => {
    const req = request('203.0.113.9', { [LOCAL_REQUEST_HEADER]: '1' });
    markLocalRequest(req);
    expect(req.headers[LOCAL_REQUEST_HEADER]).toBeUndefined();
  });
});
