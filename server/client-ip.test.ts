import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-ip';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the connection’s own address unless the proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'), false)).toBe('203.0.113.7');
  });

  it('behind a trusted proxy is the last X-Forwarded-For entry, the one the proxy added, not what the client claimed', () => {
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 198.51.100.1'), true)).toBe('198.51.100.1');
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1');
  });
});
