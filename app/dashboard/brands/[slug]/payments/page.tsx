import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { formatPrice } from '@/app/_lib/format';
import { getCardProviderSettings } from '@/server/domain/brand-payments';
import { getBrandConnect, listFailedPayouts } from '@/server/domain/connect-payouts';
import { secretsKey } from '@/server/domain/simulcast';
import { services } from '@/server/services';
import { PageHeading } from '../../../../_components/ui';
import { CardProviderSettings } from './card-provider-settings';
import { ConnectPayoutsForm } from './connect-payouts';
import { RetryPayoutButton } from './payout-failures';
import { QrPaymentsSection } from '../settings/payments/qr/qr-payments-section';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('payments.settings.title') };
}

/**
 * A brand's payment providers, one section per kind of payment: cards (the test provider or the
 * brand's Stripe account) here, QR payments (KHQR, QPay, Lao QR) in their own section below.
 */
export default async function BrandPaymentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/payments`);
  const { env } = services();
  const card = await orNotFound(
    getCardProviderSettings(services().db, secretsKey(env.SECRETS_KEY), { userId: user.id, name: user.name }, slug),
  );
  const connect = await getBrandConnect(services().db, { userId: user.id, name: user.name }, slug);
  const failures = await listFailedPayouts(services().db, { userId: user.id, name: user.name }, slug);
  const { t, locale, format } = await getI18n();
  return (
    <div className="space-y-8">
      <PageHeading title={t('payments.settings.title')} description={t('payments.settings.description')} />
      <CardProviderSettings
        slug={slug}
        view={card}
        webhookUrl={card.stripe.webhookPath ? new URL(card.stripe.webhookPath, env.PUBLIC_URL).toString() : null}
      />
      <section aria-labelledby="connect-heading" className="space-y-4 border-t border-neutral-200 pt-6">
        <h2 id="connect-heading" className="text-lg font-semibold">
          {t('connect.heading')}
        </h2>
        <p className="text-sm text-neutral-600">{t('connect.description')}</p>
        <ConnectPayoutsForm slug={slug} accountMasked={connect.accountMasked} payoutsEnabled={connect.payoutsEnabled} />
        {connect.skips.length > 0 && (
          <div className="space-y-1" data-testid="connect-skips">
            <h3 className="font-semibold">{t('connect.skipsHeading')}</h3>
            <p className="text-sm text-neutral-600">{t('connect.skipsHint')}</p>
            <ul className="list-disc pl-5 text-sm">
              {connect.skips.map((s) => (
                <li key={`${s.orderId}-${s.hostName}`}>
                  {t('connect.skip', { number: s.orderNumber, host: s.hostName, amount: formatPrice(s.amountMinor, s.currency, locale) })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {failures.length > 0 && (
          <div className="space-y-2" data-testid="payout-failures">
            <h3 className="font-semibold">{t('payoutFailures.heading')}</h3>
            <p className="text-sm text-neutral-600">{t('payoutFailures.explanation')}</p>
            <ul className="space-y-3 text-sm">
              {failures.map((f) => {
                const title = t(f.kind === 'PAYOUT' ? 'payoutFailures.payout' : 'payoutFailures.reversal', {
                  number: String(f.orderNumber),
                });
                return (
                  <li key={f.jobId} className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-3">
                    <p className="font-semibold">{title}</p>
                    {f.steps.length > 0 ? (
                      <ul className="pl-4">
                        {f.steps.map((step) => (
                          <li key={step.destination}>
                            {t(f.kind === 'PAYOUT' ? 'payoutFailures.step' : 'payoutFailures.reversalStep', {
                              amount: formatPrice(step.amountMinor, f.currency, locale),
                              account: step.destination,
                            })}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p>{t('payoutFailures.nothingOwed')}</p>
                    )}
                    <p className="text-red-900">{t('payoutFailures.stripeSaid', { error: f.stripeError })}</p>
                    <p className="text-neutral-600">
                      {t('payoutFailures.failedAt', {
                        time: format.dateTime(f.failedAt, 'dateTime'),
                      })}
                    </p>
                    <RetryPayoutButton slug={slug} jobId={f.jobId} label={title} />
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </section>
      <section aria-labelledby="qr-payments-heading" className="space-y-4 border-t border-neutral-200 pt-6">
        <h2 id="qr-payments-heading" className="text-xl font-bold">
          {t('dashboard.qrPayments.title')}
        </h2>
        <QrPaymentsSection slug={slug} actor={{ userId: user.id, name: user.name }} />
      </section>
    </div>
  );
}
