import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requireBrandMember } from '@/server/domain/brands';
import { services } from '@/server/services';
import { PageHeading } from '../../../../../../_components/ui';
import { QrPaymentsSection } from './qr-payments-section';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.qrPayments.title') };
}

/** A brand's bank QR payments (issue 21): its rails, and the refunds it must make by hand. Owners only. */
export default async function QrPaymentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/settings/payments/qr`);
  const actor = { userId: user.id, name: user.name };
  // A non-owner gets the 404 page here rather than an error inside the section.
  await orNotFound(requireBrandMember(services().db, actor, { slug }, { owner: true }));
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <PageHeading title={t('dashboard.qrPayments.title')} description={t('dashboard.qrPayments.description')} />
      <QrPaymentsSection slug={slug} actor={actor} />
    </div>
  );
}
