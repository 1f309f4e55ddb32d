import type { Metadata } from 'next';
import { hostProfile } from '@/server/domain/discovery';
import { isFollowingHost } from '@/server/domain/notifications';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { FollowButton } from '../../_components/follow-button';
import { ShowGrid } from '../../_components/show-card';
import { SiteHeader } from '../../_components/site-header';
import { orNotFound } from '../../_lib/not-found-as-404';
import { getI18n } from '@/app/_i18n/server';

export async function generateMetadata({ params }: { params: Promise<{ handle: string }> }): Promise<Metadata> {
  const host = await orNotFound(hostProfile(services().db, (await params).handle));
  return {
    title: `${host.name} (@${host.handle})`,
    description: host.bio || (await getI18n()).t('discovery.profile.hostDescription', { name: host.name }),
  };
}

export default async function HostProfilePage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const db = services().db;
  const [host, user] = await Promise.all([orNotFound(hostProfile(db, handle)), currentUser()]);
  const { t } = await getI18n();
  const following = await isFollowingHost(db, user?.id ?? null, host.id);
  const path = `/hosts/${host.handle}`;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <header className="flex flex-wrap items-center gap-4">
          {host.avatarUrl ? (
            <img src={host.avatarUrl} alt="" width={80} height={80} className="h-20 w-20 rounded-full object-cover" />
          ) : (
            <span
              aria-hidden="true"
              className="flex h-20 w-20 items-center justify-center rounded-full bg-brand-100 text-2xl font-bold text-brand-700"
            >
              {host.name.charAt(0)}
            </span>
          )}
          <div className="min-w-0 flex-1">
            <h1 className="text-2xl font-bold tracking-tight">{host.name}</h1>
            <p className="text-neutral-600">
              @{host.handle} · {t('discovery.profile.followers', { count: host.followerCount })}
            </p>
          </div>
          {user?.id !== host.id && (
            <FollowButton
              target="host"
              id={host.id}
              active={following}
              labels={{ off: t('discovery.follow.follow'), on: t('discovery.follow.following') }}
              subject={host.name}
              signedIn={user !== null}
              returnTo={path}
            />
          )}
        </header>
        {host.bio && <p className="max-w-prose whitespace-pre-line">{host.bio}</p>}
        {host.links.length > 0 && (
          <ul aria-label={t('discovery.profile.links')} className="flex flex-wrap gap-3">
            {host.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer nofollow" target="_blank" className="font-semibold text-brand-700 underline">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading" className="text-xl font-bold">
            {t('discovery.profile.liveAndUpcoming')}
          </h2>
          <ShowGrid shows={host.upcoming} viewerId={user?.id} empty={t('discovery.profile.nothingPlanned', { name: host.name })} />
        </section>
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-xl font-bold">
            {t('discovery.profile.replays')}
          </h2>
          <ShowGrid shows={host.past} viewerId={user?.id} empty={t('discovery.profile.noReplays')} />
        </section>
      </main>
    </>
  );
}
