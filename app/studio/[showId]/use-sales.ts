'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { ShowClientSocket } from '../../_lib/show-socket';
import type { Sale } from '../../_lib/studio-figures';

const SALES_KEPT = 50;

/**
 * Sales heard on the show's socket this session, newest first. Call it in the
 * component that also calls useShowChannel, after it: the socket exists once
 * that hook's effect has run, and a child's effects would run before it.
 */
export function useSales(socketRef: RefObject<ShowClientSocket | null>, showId: string): Sale[] {
  const [sales, setSales] = useState<Sale[]>([]);

  useEffect(() => {
    const socket = socketRef.current;
    if (!socket) return;
    const onSale = ({ showId: saleShowId, ...sale }: Sale & { showId: string }) => {
      if (saleShowId !== showId) return;
      // A replay after a reconnect can repeat a sale: one line per order.
      setSales((current) => (current.some((s) => s.orderNumber === sale.orderNumber) ? current : [sale, ...current].slice(0, SALES_KEPT)));
    };
    socket.on('sale:made', onSale);
    return () => void socket.off('sale:made', onSale);
  }, [socketRef, showId]);

  return sales;
}
