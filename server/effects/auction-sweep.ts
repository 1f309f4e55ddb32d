// Auctions whose end passed without their timer settling them (the process
// restarted, a timer was lost, a settle failed): settled here, on boot and then
// periodically, and announced like a timed end. Settling twice is harmless.
import { overdueAuctions, type SettleOutcome, settleAuction } from '../domain/auctions';
import type { Db } from '../domain/context';
import type { PaymentProvider } from '../domain/payments';
import type { Logger } from '../log';

export function auctionSweep(
  db: Db,
  payments: PaymentProvider,
  log: Logger,
  announce: (showId: string, outcome: SettleOutcome) => void,
): () => Promise<void> {
  return async () => {
    try {
      for (const { id, showId } of await overdueAuctions(db)) {
        try {
          const outcome = await settleAuction(db, payments, id);
          log.warn({ auctionId: id, outcome: outcome.kind }, 'overdue auction settled by the sweep');
          announce(showId, outcome);
        } catch (error) {
          log.error({ err: error, auctionId: id }, 'overdue auction not settled');
        }
      }
    } catch (error) {
      log.error({ err: error }, 'sweeping auctions failed');
    }
  };
}
