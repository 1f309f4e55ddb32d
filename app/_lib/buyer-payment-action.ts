import { currentUser } from '@/server/auth/session';
import { brandPaymentRouter } from '@/server/domain/brand-payments';
import { AppError, toErrorPayload, type ErrorPayload } from '@/server/domain/errors';
import { services } from '@/server/services';

// Shared by the server actions a buyer's browser calls around Stripe (the wallet's card form and
// confirm page, the show page's 3-D Secure sheet): who is asking, and the brand payment router.

export type BuyerAnswer<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Runs `run` as the signed-in buyer; refusals come back typed, anything else is logged under `what`. */
export async function asBuyer<T>(what: string, run: (actor: { userId: string; name: string }) => Promise<T>): Promise<BuyerAnswer<T>> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { ok: true, value: await run({ userId: user.id, name: user.name }) };
  } catch (error) {
    if (!(error instanceof AppError)) console.error(`${what} failed`, error);
    return { ok: false, error: toErrorPayload(error) };
  }
}

export function paymentRouter() {
  const found = brandPaymentRouter(services().payments);
  if (!found) throw new AppError('INTERNAL', 'the app runs without its brand payment router');
  return found;
}
