import { orNotFound } from '@/app/_lib/not-found-as-404';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey } from '@/app/_i18n/translate';
import { requirePageUser } from '@/app/_lib/action';
import { requireBrandMember } from '@/server/domain/brands';
import { services } from '@/server/services';
import { SiteHeader } from '../../../_components/site-header';

// Labels are dictionary keys (dashboard.tabs.*), so every tab reads in the visitor's language.
const TABS: readonly { href: string; label: MessageKey }[] = [
  { href: 'products', label: 'dashboard.tabs.products' },
  { href: 'shows', label: 'dashboard.tabs.shows' },
  { href: 'orders', label: 'dashboard.tabs.orders' },
  { href: 'analytics', label: 'report.dashboard.title' },
  { href: 'support', label: 'support.inbox.title' },
  { href: 'reviews', label: 'reviews.moderation.title' },
  { href: 'team', label: 'dashboard.tabs.team' },
  { href: 'coupons', label: 'dashboard.tabs.coupons' },
  { href: 'settings', label: 'dashboard.tabs.settings' },
  { href: 'assistant', label: 'assistantAnswers.editor.tab' },
  { href: 'payments', label: 'payments.settings.title' },
  { href: 'campaigns', label: 'campaigns.dashboard.title' },
  { href: 'developers', label: 'dashboard.tabs.developers' },
];

/** Every brand page sits behind this membership check; each page checks again for what it does. */
export default async function BrandDashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/products`);
  const brand = await orNotFound(requireBrandMember(services().db, { userId: user.id, name: user.name }, { slug }));
  const { t } = await getI18n();
  return (
    <>
      <SiteHeader />
      <div className="mx-auto max-w-5xl px-4 py-6">
        <p className="text-sm text-neutral-600">
          <Link href="/dashboard" className="hover:underline">
            {t('dashboard.breadcrumb')}
          </Link>{' '}
          / <span className="font-medium text-ink">{brand.name}</span>
        </p>
        <nav aria-label={t('dashboard.brandNav')} className="mt-3 flex gap-1 overflow-x-auto border-b border-neutral-200">
          {TABS.map((tab) => (
            <Link
              key={tab.href}
              href={`/dashboard/brands/${slug}/${tab.href}`}
              className="rounded-t-lg px-4 py-2 text-sm font-semibold text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              {t(tab.label)}
            </Link>
          ))}
        </nav>
        <main className="py-6">{children}</main>
      </div>
    </>
  );
}
