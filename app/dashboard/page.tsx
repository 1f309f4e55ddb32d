import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_lib/action';
import { getAccountProfile } from '@/server/domain/account-profile';
import { services } from '@/server/services';
import { SiteHeader } from '../_components/site-header';
import { EmptyState, PageHeading, secondaryButtonClass } from '../_components/ui';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requirePageUser('/dashboard');
  const profile = await getAccountProfile(services().db, { userId: user.id, name: user.name });
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <PageHeading title="Dashboard" description="Your brands and the shows you host." />
        <section aria-labelledby="brands-heading" className="space-y-3">
          <div className="flex items-center justify-between">
            <h2 id="brands-heading" className="text-lg font-bold">
              Brands
            </h2>
            <Link href="/dashboard/brands/new" className={secondaryButtonClass}>
              New brand
            </Link>
          </div>
          {profile.brands.length === 0 ? (
            <EmptyState title="You are not on a brand's team yet">Start a brand, or ask an owner to invite you by email.</EmptyState>
          ) : (
            <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
              {profile.brands.map((brand) => (
                <li key={brand.slug}>
                  <Link href={`/dashboard/brands/${brand.slug}/products`} className="flex items-center justify-between px-4 py-3 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-brand-500">
                    <span className="font-semibold">{brand.name}</span>
                    <span className="text-sm text-neutral-600">{brand.role === 'OWNER' ? 'Owner' : 'Staff'}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="hosting-heading" className="space-y-3">
          <h2 id="hosting-heading" className="text-lg font-bold">
            Hosting
          </h2>
          {profile.influencer ? (
            <Link href="/dashboard/host" className={secondaryButtonClass}>
              Invitations and upcoming shows as @{profile.influencer.handle}
            </Link>
          ) : (
            <EmptyState title="No host profile yet">
              <Link href="/account" className="font-semibold text-brand-700 underline">
                Create a host profile
              </Link>{' '}
              so brands can invite you to host their shows.
            </EmptyState>
          )}
        </section>
      </main>
    </>
  );
}
