'use server';

import { z } from 'zod';
import { asBuyer, paymentRouter } from '@/app/_lib/buyer-payment-action';
import { finishConfirmation, finishStripeCardForm } from '@/server/domain/brand-payments';
import { services } from '@/server/services';

const finishSchema = z.object({ brand: z.string().min(1).max(60), setupIntentId: z.string().regex(/^seti_[A-Za-z0-9_]+$/) });

/** After Stripe Elements confirmed the SetupIntent in the browser: keep the card it saved. */
export async function finishStripeCardAction(input: { brand: string; setupIntentId: string }) {
  return asBuyer('Stripe buyer action', async (actor) => {
    const { brand, setupIntentId } = finishSchema.parse(input);
    return finishStripeCardForm(services().db, paymentRouter(), actor, brand, setupIntentId);
  });
}

/** After stripe.handleNextAction: finish the waiting order now rather than waiting for Stripe's webhook. */
export async function finishConfirmationAction(input: { orderId: string }) {
  return asBuyer('Stripe buyer action', async (actor) => {
    const { orderId } = z.object({ orderId: z.string().min(1).max(64) }).parse(input);
    return finishConfirmation(services().db, paymentRouter(), actor, orderId);
  });
}
