import { PlainAnchor } from '../../_components/anchor';
import type { SessionUser } from '@/server/auth/session';
import { otherShows, preShowDetails } from '@/server/domain/discovery';
import { isFollowingHost } from '@/server/domain/notifications';
import { services } from '@/server/services';
import { FollowButton } from './lazy-parts';
import { PlainShowGrid } from '../../_components/plain-show-grid';
import { getI18n } from '@/app/_i18n/server';

/**
 * What an ended show's page says instead of a player waiting for a product:
 * that it is over, where to go next (what is live or coming up), following the
 * host, and the viewer's orders. There is no recording to replay yet.
 */
export async function EndedShow({ showId, user }: { showId: string; user: SessionUser | null }) {
  const db = services().db;
  const [{ t }, show, others] = await Promise.all([getI18n(), preShowDetails(db, showId), otherShows(db, showId)]);
  const followsHost = await isFollowingHost(db, user?.id ?? null, show.host.id);
  const isHost = user?.id === show.host.id;
  return (
    <section aria-labelledby="ended-heading" data-testid="show-ended" className="mx-auto max-w-6xl space-y-4 px-4 pt-4">
      <div className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4 shadow-sm">
        <h2 id="ended-heading" className="text-xl font-bold tracking-tight">
          {t('discovery.ended.title')}
        </h2>
        <p className="text-neutral-700">{t('discovery.ended.thanks', { host: show.host.name, brand: show.brand.name })}</p>
        <div className="flex flex-wrap gap-2">
          {!isHost && show.host.handle && (
            <FollowButton
              target="host"
              id={show.host.id}
              active={followsHost}
              labels={{ off: t('discovery.follow.followHost'), on: t('discovery.follow.followingHost') }}
              subject={show.host.name}
              signedIn={user !== null}
              returnTo={`/shows/${showId}`}
            />
          )}
          {user && (
            <PlainAnchor
              href="/account/orders"
              className="inline-flex items-center rounded-full border border-ink px-4 py-2 text-sm font-semibold hover:bg-neutral-100"
            >
              {t('discovery.ended.yourOrders')}
            </PlainAnchor>
          )}
        </div>
      </div>
      <h3 className="text-sm font-semibold uppercase tracking-wide text-neutral-500">{t('discovery.ended.others')}</h3>
      <PlainShowGrid shows={others} viewerId={user?.id} empty={t('discovery.ended.othersEmpty', { host: show.host.name })} />
    </section>
  );
}
