import type { Metadata } from 'next';
import Link from 'next/link';
import { brandProfile } from '@/server/domain/discovery';
import { isFollowingBrand } from '@/server/domain/notifications';
import { type WaitlistState, waitlistStates } from '@/server/domain/waitlist';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { formatPrice } from '../../_lib/format';
import { FollowButton } from '../../_components/follow-button';
import { ShowGrid } from '../../_components/show-card';
import { SiteHeader } from '../../_components/site-header';
import { EmptyState } from '../../_components/ui';
import { orNotFound } from '../../_lib/not-found-as-404';
import { getI18n } from '@/app/_i18n/server';
import { NotifyMeButton } from './notify-me-button';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const brand = await orNotFound(brandProfile(services().db, (await params).slug));
  return {
    title: brand.name,
    description: brand.description || (await getI18n()).t('discovery.profile.brandDescription', { name: brand.name }),
  };
}

export default async function BrandProfilePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = services().db;
  const { t, intl, locale } = await getI18n();
  const [brand, user] = await Promise.all([orNotFound(brandProfile(db, slug, locale)), currentUser()]);
  const following = await isFollowingBrand(db, user?.id ?? null, brand.id);
  const soldOutIds = brand.products.flatMap((p) => p.variants.filter((v) => v.stock <= 0).map((v) => v.id));
  const waitlist = user ? await waitlistStates(db, user.id, soldOutIds) : new Map<string, WaitlistState>();
  const path = `/brands/${brand.slug}`;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <header className="flex flex-wrap items-center gap-4">
          {brand.logoUrl ? (
            <img src={brand.logoUrl} alt="" width={80} height={80} className="h-20 w-20 rounded-2xl object-cover" />
          ) : (
            <span
              aria-hidden="true"
              className="flex h-20 w-20 items-center justify-center rounded-2xl bg-ink text-2xl font-bold text-white"
            >
              {brand.name.charAt(0)}
            </span>
          )}
          <div className="min-w-0 flex-1">
            <h1 className="text-2xl font-bold tracking-tight">{brand.name}</h1>
            <p className="text-neutral-600">{t('discovery.profile.followers', { count: brand.followerCount })}</p>
          </div>
          <FollowButton
            target="brand"
            id={brand.id}
            active={following}
            labels={{ off: t('discovery.follow.follow'), on: t('discovery.follow.following') }}
            subject={brand.name}
            signedIn={user !== null}
            returnTo={path}
          />
        </header>
        {brand.description && <p className="max-w-prose whitespace-pre-line">{brand.description}</p>}
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading" className="text-xl font-bold">
            {t('discovery.profile.liveAndUpcoming')}
          </h2>
          <ShowGrid shows={brand.upcoming} viewerId={user?.id} empty={t('discovery.profile.nothingPlanned', { name: brand.name })} />
        </section>
        <section aria-labelledby="products-heading" className="space-y-3">
          <h2 id="products-heading" className="text-xl font-bold">
            {t('discovery.profile.products')}
          </h2>
          {brand.products.length === 0 ? (
            <EmptyState title={t('discovery.profile.noProducts')} />
          ) : (
            <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
              {brand.products.map((p) => (
                <li key={p.id} className="overflow-hidden rounded-2xl border border-neutral-200 bg-white">
                  {p.imageUrl ? (
                    <img src={p.imageUrl} alt="" className="aspect-square w-full object-cover" loading="lazy" />
                  ) : (
                    <span aria-hidden="true" className="block aspect-square bg-neutral-200" />
                  )}
                  <div className="p-3">
                    <p className="font-semibold leading-snug">
                      <Link href={`/products/${p.id}`} className="hover:underline">
                        {p.title}
                      </Link>
                    </p>
                    {p.variants[0] && (
                      <p className="text-sm text-neutral-600">
                        {t('discovery.profile.from', { price: formatPrice(p.variants[0].priceMinor, p.variants[0].currency, intl) })}
                      </p>
                    )}
                    {p.variants
                      .filter((v) => v.stock <= 0)
                      .map((v) => (
                        <div key={v.id} className="mt-2 space-y-1" data-testid="sold-out-variant">
                          <p className="text-xs text-red-700">{t('discovery.waitlist.soldOut', { variant: v.name })}</p>
                          <NotifyMeButton
                            variantId={v.id}
                            product={p.title}
                            variant={v.name}
                            initial={waitlist.get(v.id) ?? null}
                            signedIn={user !== null}
                            returnTo={path}
                          />
                        </div>
                      ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-xl font-bold">
            {t('discovery.profile.replays')}
          </h2>
          <ShowGrid shows={brand.past} viewerId={user?.id} empty={t('discovery.profile.noReplays')} />
        </section>
      </main>
    </>
  );
}
