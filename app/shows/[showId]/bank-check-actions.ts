'use server';

import { z } from 'zod';
import { currentUser } from '@/server/auth/session';
import { brandPaymentRouter, finishBankCheck, waitingConfirmation } from '@/server/domain/brand-payments';
import { AppError, toErrorPayload, type ErrorPayload } from '@/server/domain/errors';
import { services } from '@/server/services';

// The 3-D Secure sheet over the stream (issue 21 item 1): what it asks of the server. Imported only by the
// sheet, which the show page loads on a tap that needs the bank's check.

type Answer<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

const orderSchema = z.object({ orderId: z.string().min(1).max(64).optional() });

async function asBuyer<T>(run: (actor: { userId: string; name: string }) => Promise<T>): Promise<Answer<T>> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { ok: true, value: await run({ userId: user.id, name: user.name }) };
  } catch (error) {
    if (!(error instanceof AppError)) console.error('bank check action failed', error);
    return { ok: false, error: toErrorPayload(error) };
  }
}

function router() {
  const found = brandPaymentRouter(services().payments);
  if (!found) throw new AppError('INTERNAL', 'the app runs without its brand payment router');
  return found;
}

/** The buyer's order waiting for the bank (the one named, or the latest), with what stripe.handleNextAction needs; null when none waits. */
export async function startBankCheckAction(input: { orderId?: string }) {
  return asBuyer(async (actor) => {
    const { orderId } = orderSchema.parse(input);
    return waitingConfirmation(services().db, router(), actor, orderId);
  });
}

/** After stripe.handleNextAction: finish the order now (Stripe's webhook would too) and say how it ended. */
export async function finishBankCheckAction(input: { orderId: string }) {
  return asBuyer(async (actor) => {
    const { orderId } = z.object({ orderId: z.string().min(1).max(64) }).parse(input);
    return finishBankCheck(services().db, router(), actor, orderId);
  });
}
