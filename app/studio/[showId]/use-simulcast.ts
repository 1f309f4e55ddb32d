'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { SimulcastDestination } from '@/server/realtime/protocol';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import type { ConnectionState } from '../../shows/[showId]/use-show-channel';

/**
 * The show's simulcast destinations with their push state: read once the studio's socket is
 * connected (again after a reconnect) and kept current by `simulcast:state`, which only the
 * host's sockets receive.
 */
export function useSimulcast(socketRef: RefObject<ShowClientSocket | null>, showId: string, connection: ConnectionState) {
  const [destinations, setDestinations] = useState<SimulcastDestination[]>([]);
  useEffect(() => {
    const socket = socketRef.current;
    if (!socket || connection !== 'connected') return;
    let current = true;
    void request(socket, 'simulcast:list', { showId }).then((answer) => {
      if (current && answer.ok) setDestinations(answer.destinations);
    });
    const onState: Parameters<typeof socket.on<'simulcast:state'>>[1] = ({ showId: id, destinationId, state, error, retryAt }) => {
      if (id !== showId) return;
      setDestinations((list) => list.map((d) => (d.id === destinationId ? { ...d, state, error, retryAt } : d)));
    };
    socket.on('simulcast:state', onState);
    return () => {
      current = false;
      socket.off('simulcast:state', onState);
    };
  }, [socketRef, showId, connection]);

  const upsert = (destination: SimulcastDestination) =>
    setDestinations((list) =>
      list.some((d) => d.id === destination.id) ? list.map((d) => (d.id === destination.id ? destination : d)) : [...list, destination],
    );
  const forget = (id: string) => setDestinations((list) => list.filter((d) => d.id !== id));
  return { destinations, upsert, forget };
}
