'use client';

import { useEffect, useState } from 'react';
import type { StudioFigures } from '@/server/domain/shows';
import type { ShowClientSocket } from '../../_lib/show-socket';
import type { ConnectionState } from '../../shows/[showId]/use-show-channel';

// Sales come in bursts: one read of the database per burst, not one per order.
const REFRESH_AFTER_SALE_MS = 1000;
const SALES_SHOWN = 20;

/**
 * The show's figures as the database has them, read on open, on every (re)connect,
 * when the show's status changes and shortly after each sale. A sale heard on the
 * socket appears in the feed at once; the totals follow from the next read, so a
 * reload never shows less than what was sold.
 */
export function useStudioFigures(
  socket: ShowClientSocket | null,
  showId: string,
  connection: ConnectionState,
  status: string,
): { figures: StudioFigures | null; failed: boolean } {
  const [figures, setFigures] = useState<StudioFigures | null>(null);
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/studio/${encodeURIComponent(showId)}/figures`, { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`figures ${response.status}`);
        setFigures((await response.json()) as StudioFigures);
        setFailed(false);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailed(true);
        if (!(error instanceof DOMException)) console.warn('studio figures', error);
      });
    return () => controller.abort();
  }, [showId, connection, status, version]);

  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onSale = ({ showId: saleShowId, ...sale }: StudioFigures['recentSales'][number] & { showId: string }) => {
      if (saleShowId !== showId) return;
      // A replay after a reconnect can repeat a sale: one line per order.
      setFigures((current) =>
        current && !current.recentSales.some((s) => s.orderNumber === sale.orderNumber)
          ? { ...current, recentSales: [sale, ...current.recentSales].slice(0, SALES_SHOWN) }
          : current,
      );
      timer ??= setTimeout(() => {
        timer = null;
        setVersion((v) => v + 1);
      }, REFRESH_AFTER_SALE_MS);
    };
    socket.on('sale:made', onSale);
    return () => {
      socket.off('sale:made', onSale);
      if (timer) clearTimeout(timer);
    };
  }, [socket, showId]);

  return { figures, failed };
}
