import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requireBrandMember } from '@/server/domain/brands';
import { getQrProviders, listQrRefundTasks } from '@/server/domain/qr-payments';
import { services } from '@/server/services';
import { PageHeading } from '../../../../../../_components/ui';
import { QrProviderSettings } from './qr-provider-settings';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.qrPayments.title') };
}

/** A brand's bank QR payments (issue 21): its rails, and the refunds it must make by hand. Owners only. */
export default async function QrPaymentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/settings/payments/qr`);
  const actor = { userId: user.id, name: user.name };
  const { db } = services();
  const providers = await orNotFound(getQrProviders(db, actor, slug));
  const brand = await orNotFound(requireBrandMember(db, actor, { slug }, { owner: true }));
  const tasks = await listQrRefundTasks(db, brand.brandId);
  const { t, intl } = await getI18n();
  return (
    <div className="space-y-6">
      <PageHeading title={t('dashboard.qrPayments.title')} description={t('dashboard.qrPayments.description')} />
      <QrProviderSettings slug={slug} providers={providers} />
      <section aria-labelledby="qr-refunds-heading" className="space-y-2 border-t border-neutral-200 pt-6">
        <h2 id="qr-refunds-heading" className="text-lg font-semibold">
          {t('dashboard.qrPayments.refundTasks')}
        </h2>
        {tasks.length === 0 ? (
          <p className="text-sm text-neutral-700">{t('dashboard.qrPayments.refundTasksEmpty')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="qr-refund-tasks">
            {tasks.map((task) => (
              <li key={task.id}>
                {t('dashboard.qrPayments.refundTask', {
                  number: String(task.qrPayment.orderNumber),
                  amount: formatPrice(task.amountMinor, task.qrPayment.currency.trim(), intl),
                  rail: task.qrPayment.kind,
                  note: task.note ?? task.providerPaymentId,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
