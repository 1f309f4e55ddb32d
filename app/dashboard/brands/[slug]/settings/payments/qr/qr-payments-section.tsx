import { getI18n } from '@/app/_i18n/server';
import { formatPrice } from '@/app/_lib/format';
import type { Actor } from '@/server/domain/context';
import { requireBrandMember } from '@/server/domain/brands';
import { getQrProviders, listQrRefundTasks } from '@/server/domain/qr-payments';
import { services } from '@/server/services';
import { markQrRefundDoneAction } from './qr-actions';
import { QrProviderSettings } from './qr-provider-settings';

/**
 * A brand's bank QR payments (issue 21) as one server part: its rails' forms and the refunds it must
 * make by hand. Owners only (the domain refuses anyone else). A payments page includes it in one line:
 * `<QrPaymentsSection slug={slug} actor={actor} />`.
 */
export async function QrPaymentsSection({ slug, actor }: { slug: string; actor: Actor }) {
  const { db } = services();
  const providers = await getQrProviders(db, actor, slug);
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  const tasks = await listQrRefundTasks(db, brand.brandId);
  const { t, intl } = await getI18n();
  return (
    <>
      <QrProviderSettings slug={slug} providers={providers} />
      <section aria-labelledby="qr-refunds-heading" className="space-y-2 border-t border-neutral-200 pt-6">
        <h2 id="qr-refunds-heading" className="text-lg font-semibold">
          {t('dashboard.qrPayments.refundTasks')}
        </h2>
        <p className="text-sm text-neutral-700">{t('qrRefund.tasks.intro')}</p>
        {tasks.length === 0 ? (
          <p className="text-sm text-neutral-700">{t('dashboard.qrPayments.refundTasksEmpty')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="qr-refund-tasks">
            {tasks.map((task) => (
              <li key={task.id} className="space-y-1">
                <p>
                  {t('dashboard.qrPayments.refundTask', {
                    number: String(task.qrPayment.orderNumber),
                    amount: formatPrice(task.amountMinor, task.qrPayment.currency.trim(), intl),
                    rail: task.qrPayment.kind,
                    note: task.note ?? task.providerPaymentId,
                  })}
                </p>
                {/* A plain form: closing a task needs no client code on this page. */}
                <form action={markQrRefundDoneAction} className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="slug" value={slug} />
                  <input type="hidden" name="receiptId" value={task.id} />
                  <label className="flex flex-col text-xs text-neutral-700">
                    {t('qrRefund.tasks.referenceLabel')}
                    <input name="reference" maxLength={120} className="rounded border border-neutral-300 px-2 py-1 text-sm" />
                  </label>
                  <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white">
                    {t('qrRefund.tasks.done')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
