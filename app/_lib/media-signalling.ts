'use client';

import { Device } from 'mediasoup-client';
import type { RtpCapabilities, Transport, TransportOptions } from 'mediasoup-client/types';
import { call, type ShowClientSocket } from './show-socket';

// The protocol is typed with the server library's types; the wire format is the
// same but mediasoup-client declares it separately, hence the casts at this edge.
export const asClient = <T>(value: unknown) => value as T;

export async function loadDevice(socket: ShowClientSocket, showId: string): Promise<Device> {
  const { rtpCapabilities } = await call(socket, 'media:routerCapabilities', { showId });
  return deviceFor(rtpCapabilities);
}

/** A device for router capabilities the page already has (rendered with it): no round trip. */
export async function deviceFor(routerRtpCapabilities: unknown): Promise<Device> {
  const device = await Device.factory();
  await device.load({ routerRtpCapabilities: asClient<RtpCapabilities>(routerRtpCapabilities) });
  return device;
}

export function wireTransport(socket: ShowClientSocket, showId: string, transport: Transport) {
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    call(socket, 'media:connectTransport', {
      showId,
      transportId: transport.id,
      dtlsParameters: dtlsParameters as unknown as Record<string, unknown>,
    }).then(() => callback(), errback);
  });
}

export async function createTransport(
  socket: ShowClientSocket,
  showId: string,
  device: Device,
  direction: 'send' | 'recv',
): Promise<Transport> {
  const { transport: params } = await call(socket, 'media:createTransport', { showId, direction });
  const options = asClient<TransportOptions>(params);
  const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
  wireTransport(socket, showId, transport);
  return transport;
}
