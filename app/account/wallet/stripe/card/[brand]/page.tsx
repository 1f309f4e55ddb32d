import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { brandPaymentRouter, startStripeCardForm } from '@/server/domain/brand-payments';
import { services } from '@/server/services';

// By shape: the SDK's error classes may come from another bundle's copy of the SDK than this page's.
const isStripeError = (error: unknown): error is Error =>
  error instanceof Error && /^Stripe\w*Error$/.test((error as { type?: string }).type ?? '');
import { SiteHeader } from '../../../../../_components/site-header';
import { StripeCardForm } from '../../stripe-card-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('payments.cardForm.save') };
}

/** A card for one brand's Stripe account, saved through Stripe Elements (Stripe.js loads on this page only). */
export default async function StripeCardPage({ params }: { params: Promise<{ brand: string }> }) {
  const { brand } = await params;
  const user = await requirePageUser(`/account/wallet/stripe/card/${brand}`);
  const router = brandPaymentRouter(services().payments);
  const { t } = await getI18n();
  let start;
  try {
    start = router ? await orNotFound(startStripeCardForm(services().db, router, { userId: user.id, name: user.name }, brand)) : null;
  } catch (error) {
    // Stripe's API did not answer (or refused the brand's key): say so rather than fail the page.
    if (!isStripeError(error)) throw error;
    console.error('Stripe card form could not start', { brand, error: error.message });
    return (
      <>
        <SiteHeader />
        <main className="mx-auto max-w-md px-4 py-6">
          <p role="alert">{t('payments.cardForm.unavailable')}</p>
        </main>
      </>
    );
  }
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-md space-y-4 px-4 py-6">
        {start ? (
          <>
            <h1 className="text-xl font-semibold">{t('payments.cardForm.title', { brand: start.brandName })}</h1>
            <p className="text-sm text-neutral-700">{t('payments.cardForm.intro')}</p>
            <StripeCardForm brand={brand} publishableKey={start.publishableKey} clientSecret={start.clientSecret} />
          </>
        ) : (
          <p role="status">{t('payments.cardForm.notStripe')}</p>
        )}
      </main>
    </>
  );
}
