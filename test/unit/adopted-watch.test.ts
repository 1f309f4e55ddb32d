import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chrome111 } from 'mediasoup-client/handlers/Chrome111';
import type { HandlerInterface } from 'mediasoup-client/handlers/HandlerInterface';
import { adoptConnection } from '@/app/_lib/adopted-watch';

// An adopted watch (app/_lib/adopted-watch.ts) writes private fields of mediasoup-client's Chrome handler,
// for want of a public way to hand it a connection. These tests build the installed version's real handler
// (over a stand-in RTCPeerConnection: Node has none), so a mediasoup-client that renames or reshapes those
// fields fails here, not silently in viewers' browsers.

class StandInConnection extends EventTarget {
  connectionState: RTCPeerConnectionState = 'new';
  close(): void {
    this.connectionState = 'closed';
  }
  getConfiguration(): RTCConfiguration {
    return {};
  }
}

const globals = globalThis as unknown as Record<string, unknown>;
const saved = { RTCPeerConnection: globals.RTCPeerConnection, MediaStream: globals.MediaStream };
beforeAll(() => {
  globals.RTCPeerConnection = StandInConnection;
  // The handler keeps a default stream for sending; a receive side never uses it.
  globals.MediaStream = class {
    readonly id = 'stand-in';
  };
});
afterAll(() => Object.assign(globals, saved));

const recvHandler = () =>
  Chrome111.createFactory({}).factory({
    direction: 'recv',
    iceParameters: { usernameFragment: 'u', password: 'p', iceLite: true },
    iceCandidates: [],
    dtlsParameters: { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD' }] },
    getSendExtendedRtpCapabilities: () => ({ codecs: [], headerExtensions: [] }),
  } as unknown as Parameters<ReturnType<typeof Chrome111.createFactory>['factory']>[0]);

describe('adopting the boot script’s connection into mediasoup-client’s Chrome handler', () => {
  it('the installed handler takes the given connection: its own is closed and the adopted one’s state changes reach the transport', () => {
    const handler = recvHandler() as HandlerInterface & { _pc: unknown };
    const own = handler._pc as StandInConnection;
    const boot = new StandInConnection() as unknown as RTCPeerConnection;
    adoptConnection(handler, boot);
    expect(own.connectionState).toBe('closed');
    expect(handler._pc).toBe(boot);
    const states: string[] = [];
    handler.on('@connectionstatechange', (state) => states.push(state));
    (boot as unknown as StandInConnection).connectionState = 'connected';
    boot.dispatchEvent(new Event('connectionstatechange'));
    expect(states).toEqual(['connected']);
  });

  it('a handler without the expected fields is refused, and the connection is left as it was', () => {
    const boot = new StandInConnection();
    expect(() => adoptConnection({ _pc: new StandInConnection() }, boot as unknown as RTCPeerConnection)).toThrow(
      /no longer has the fields/,
    );
    expect(boot.connectionState).toBe('new');
  });
});
