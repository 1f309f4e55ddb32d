'use client';

import { useEffect, useState } from 'react';
import type { ShowClientSocket } from '../../_lib/show-socket';
import type { Sale } from '../../_lib/studio-figures';

const SALES_KEPT = 50;

/** Sales heard on the show's socket (from useShowChannel) this session, newest first. */
export function useSales(socket: ShowClientSocket | null, showId: string): Sale[] {
  const [sales, setSales] = useState<Sale[]>([]);

  useEffect(() => {
    if (!socket) return;
    const onSale = ({ showId: saleShowId, ...sale }: Sale & { showId: string }) => {
      if (saleShowId !== showId) return;
      // A replay after a reconnect can repeat a sale: one line per order.
      setSales((current) => (current.some((s) => s.orderNumber === sale.orderNumber) ? current : [sale, ...current].slice(0, SALES_KEPT)));
    };
    socket.on('sale:made', onSale);
    return () => void socket.off('sale:made', onSale);
  }, [socket, showId]);

  return sales;
}
