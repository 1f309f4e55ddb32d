'use client';

import { Device } from 'mediasoup-client';
import { Chrome111 } from 'mediasoup-client/handlers/Chrome111';
import type { HandlerFactory } from 'mediasoup-client/handlers/HandlerInterface';
import type { RtpCapabilities } from 'mediasoup-client/types';

/** What the page's boot script (app/shows/[showId]/boot-watch.ts) leaves on `window.__lcBoot`. */
export interface BootWatch {
  token: string;
  /** Set once the connection's certificate exists (its fingerprint is posted before the answer is made). */
  pc?: RTCPeerConnection;
  stream: MediaStream;
  /** Settles once the answer is set and the server has the page's DTLS fingerprint. */
  ready: Promise<unknown>;
}

/** The boot script's watch, once: a later player (after a sign-in, a retry) starts its own, and a boot script
 *  that had not run yet finds null and does nothing. */
export function takeBootWatch(): BootWatch | null {
  const holder = window as unknown as { __lcBoot?: BootWatch | null };
  const boot = holder.__lcBoot ?? null;
  holder.__lcBoot = null;
  return boot;
}

// mediasoup-client has no public way to give a handler a connection it did not open: its Chrome handler keeps
// the connection and negotiation state in these private fields, and `adoptConnection` sets them to what the
// boot script already negotiated. They are read here and nowhere else, each checked before it is written, and
// test/unit/adopted-watch.test.ts builds the real handler of the installed version to fail loudly when they
// change (pinned to mediasoup-client 3.24 in package.json).
interface ChromeInternals {
  _pc: RTCPeerConnection;
  _transportReady: boolean;
  _remoteSdp: { updateDtlsRole(role: 'client' | 'server'): void; _sdpObject: { origin: { sessionVersion: number } } };
  onIceGatheringStateChange: () => void;
  onIceCandidateError: (event: Event) => void;
  onConnectionStateChange: () => void;
}

function chromeInternals(handler: unknown): ChromeInternals {
  const inner = handler as Partial<ChromeInternals> | null;
  const fits =
    typeof inner?._pc?.close === 'function' &&
    inner._transportReady === false &&
    typeof inner._remoteSdp?.updateDtlsRole === 'function' &&
    typeof inner._remoteSdp._sdpObject?.origin?.sessionVersion === 'number' &&
    typeof inner.onIceGatheringStateChange === 'function' &&
    typeof inner.onIceCandidateError === 'function' &&
    typeof inner.onConnectionStateChange === 'function';
  if (!fits) throw new Error("mediasoup-client's Chrome handler no longer has the fields an adopted watch sets");
  return inner as ChromeInternals;
}

/**
 * Makes a new receive handler drive `pc` (already answered and connected by the boot script) instead of the
 * connection it opened: the connection is up (DTLS done, the page sent its fingerprint over HTTP), so the
 * transport never asks to connect. Throws, changing nothing, when the handler is not shaped as expected.
 */
export function adoptConnection(handler: unknown, pc: RTCPeerConnection): void {
  const inner = chromeInternals(handler);
  inner._pc.close();
  inner._pc = pc;
  pc.addEventListener('icegatheringstatechange', inner.onIceGatheringStateChange);
  pc.addEventListener('icecandidateerror', inner.onIceCandidateError);
  pc.addEventListener('connectionstatechange', inner.onConnectionStateChange);
  // The page answered as DTLS client (Chrome's choice for an actpass offer) and told the server so.
  inner._remoteSdp.updateDtlsRole('server');
  inner._transportReady = true;
  // The server's offer was version 1 of this session; the handler's next offer must be newer.
  inner._remoteSdp._sdpObject.origin.sessionVersion = 1;
}

/**
 * A device whose next receive transport adopts the boot script's RTCPeerConnection instead of
 * opening one: the connection is up already (DTLS done, the page sent its fingerprint over HTTP), so
 * the transport never asks to connect, and consuming renegotiates the same sections the server's
 * offer had (same mids), which keeps the tracks already playing. Only for Chrome's handler (the one
 * whose offer the server wrote); null elsewhere, and the page watches the ordinary way.
 */
export async function adoptingDevice(connection: () => RTCPeerConnection, routerRtpCapabilities: unknown): Promise<Device | null> {
  const detected = await Device.factory();
  if (detected.handlerName !== 'Chrome111') return null;
  const base = Chrome111.createFactory({});
  let adopted = false;
  const handlerFactory: HandlerFactory = {
    ...base,
    factory: (options) => {
      const handler = base.factory(options);
      if (adopted || options.direction !== 'recv') return handler;
      adopted = true;
      try {
        adoptConnection(handler, connection());
      } catch (error) {
        handler.close();
        throw error;
      }
      return handler;
    },
  };
  const device = new Device({ handlerFactory });
  await device.load({ routerRtpCapabilities: routerRtpCapabilities as RtpCapabilities });
  return device;
}
