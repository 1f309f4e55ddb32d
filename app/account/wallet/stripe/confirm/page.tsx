import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { brandPaymentRouter, waitingConfirmation } from '@/server/domain/brand-payments';
import { services } from '@/server/services';
import { SiteHeader } from '../../../../_components/site-header';
import { ConfirmPaymentSheet } from '../confirm-payment-sheet';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('payments.confirm.title') };
}

/** Where a buyer whose purchase answered PAYMENT_AUTHENTICATION_REQUIRED completes the bank's check. */
export default async function ConfirmPaymentPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const { order } = await searchParams;
  const user = await requirePageUser(`/account/wallet/stripe/confirm${order ? `?order=${encodeURIComponent(order)}` : ''}`);
  const router = brandPaymentRouter(services().payments);
  const waiting = router ? await waitingConfirmation(services().db, router, { userId: user.id, name: user.name }, order) : null;
  const { t } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-md px-4 py-6">
        {waiting ? (
          <ConfirmPaymentSheet orderId={waiting.orderId} publishableKey={waiting.publishableKey} clientSecret={waiting.clientSecret} />
        ) : (
          <p role="status">{t('payments.confirm.none')}</p>
        )}
      </main>
    </>
  );
}
