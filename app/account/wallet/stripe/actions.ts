'use server';

import { z } from 'zod';
import { currentUser } from '@/server/auth/session';
import { brandPaymentRouter, finishConfirmation, finishStripeCardForm } from '@/server/domain/brand-payments';
import { AppError, toErrorPayload, type ErrorPayload } from '@/server/domain/errors';
import { services } from '@/server/services';

type Answer<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

async function asBuyer<T>(run: (actor: { userId: string; name: string }) => Promise<T>): Promise<Answer<T>> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { ok: true, value: await run({ userId: user.id, name: user.name }) };
  } catch (error) {
    if (!(error instanceof AppError)) console.error('Stripe buyer action failed', error);
    return { ok: false, error: toErrorPayload(error) };
  }
}

function router() {
  const found = brandPaymentRouter(services().payments);
  if (!found) throw new AppError('INTERNAL', 'the app runs without its brand payment router');
  return found;
}

const finishSchema = z.object({ brand: z.string().min(1).max(60), setupIntentId: z.string().regex(/^seti_[A-Za-z0-9_]+$/) });

/** After Stripe Elements confirmed the SetupIntent in the browser: keep the card it saved. */
export async function finishStripeCardAction(input: { brand: string; setupIntentId: string }) {
  return asBuyer(async (actor) => {
    const { brand, setupIntentId } = finishSchema.parse(input);
    return finishStripeCardForm(services().db, router(), actor, brand, setupIntentId);
  });
}

/** After stripe.handleNextAction: finish the waiting order now rather than waiting for Stripe's webhook. */
export async function finishConfirmationAction(input: { orderId: string }) {
  return asBuyer(async (actor) => {
    const { orderId } = z.object({ orderId: z.string().min(1).max(64) }).parse(input);
    return finishConfirmation(services().db, router(), actor, orderId);
  });
}
