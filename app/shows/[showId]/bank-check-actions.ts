'use server';

import { z } from 'zod';
import { asBuyer, paymentRouter } from '@/app/_lib/buyer-payment-action';
import { finishBankCheck, waitingConfirmation } from '@/server/domain/brand-payments';
import { services } from '@/server/services';

// The 3-D Secure sheet over the stream (issue 21 item 1): what it asks of the server. Imported only by the
// sheet, which the show page loads on a tap that needs the bank's check.

const orderSchema = z.object({ orderId: z.string().min(1).max(64).optional() });

/** The buyer's order waiting for the bank (the one named, or the latest), with what stripe.handleNextAction needs; null when none waits. */
export async function startBankCheckAction(input: { orderId?: string }) {
  return asBuyer('bank check action', async (actor) => {
    const { orderId } = orderSchema.parse(input);
    return waitingConfirmation(services().db, paymentRouter(), actor, orderId);
  });
}

/** After stripe.handleNextAction: finish the order now (Stripe's webhook would too) and say how it ended. */
export async function finishBankCheckAction(input: { orderId: string }) {
  return asBuyer('bank check action', async (actor) => {
    const { orderId } = z.object({ orderId: z.string().min(1).max(64) }).parse(input);
    return finishBankCheck(services().db, paymentRouter(), actor, orderId);
  });
}
