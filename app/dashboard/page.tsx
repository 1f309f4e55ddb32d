import type { Metadata } from 'next';
import Link from 'next/link';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { getAccountProfile } from '@/server/domain/accounts';
import { services } from '@/server/services';
import { SiteHeader } from '../_components/site-header';
import { EmptyState, PageHeading, secondaryButtonClass } from '../_components/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('account.dashboard.title') };
}

export default async function DashboardPage() {
  const user = await requirePageUser('/dashboard');
  const profile = await getAccountProfile(services().db, { userId: user.id, name: user.name });
  const { t } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <PageHeading title={t('account.dashboard.title')} description={t('account.dashboard.description')} />
        <section aria-labelledby="brands-heading" className="space-y-3">
          <div className="flex items-center justify-between">
            <h2 id="brands-heading" className="text-lg font-bold">
              {t('account.dashboard.brands')}
            </h2>
            <Link href="/dashboard/brands/new" className={secondaryButtonClass}>
              {t('account.dashboard.newBrand')}
            </Link>
          </div>
          {profile.brands.length === 0 ? (
            <EmptyState title={t('account.dashboard.noBrandsTitle')}>{t('account.dashboard.noBrandsBody')}</EmptyState>
          ) : (
            <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
              {profile.brands.map((brand) => (
                <li key={brand.slug}>
                  <Link
                    href={`/dashboard/brands/${brand.slug}/products`}
                    className="flex items-center justify-between px-4 py-3 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                  >
                    <span className="font-semibold">{brand.name}</span>
                    <span className="text-sm text-neutral-600">{t(`account.dashboard.roles.${brand.role}`)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="hosting-heading" className="space-y-3">
          <h2 id="hosting-heading" className="text-lg font-bold">
            {t('account.dashboard.hosting')}
          </h2>
          {profile.influencer ? (
            <Link href="/dashboard/host" className={secondaryButtonClass}>
              {t('account.dashboard.hostShows', { handle: profile.influencer.handle })}
            </Link>
          ) : (
            <EmptyState title={t('account.dashboard.noHostTitle')}>
              {rich(t('account.dashboard.noHostBody'), {
                link: (
                  <Link href="/account" className="font-semibold text-brand-700 underline">
                    {t('account.dashboard.createHostProfile')}
                  </Link>
                ),
              })}
            </EmptyState>
          )}
        </section>
      </main>
    </>
  );
}
