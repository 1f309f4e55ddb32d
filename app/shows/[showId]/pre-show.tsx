import { PlainAnchor } from '../../_components/anchor';
import type { PreShowDetails } from '@/server/domain/discovery';
import { LocalTime } from '../../_components/late-local-time';
import { Countdown } from './late-parts';
import { FollowButton } from './lazy-parts';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';

export interface PreShowViewer {
  signedIn: boolean;
  hasReminder: boolean;
  followsHost: boolean;
  followsBrand: boolean;
  isHost: boolean;
}

/**
 * Shown above the player while the show has not started: poster, when, who,
 * and the ways to hear about it. The player below stays mounted, so the video
 * starts in place when the host goes live.
 */
export async function PreShow({ show, viewer }: { show: PreShowDetails; viewer: PreShowViewer }) {
  const { t } = await getI18n();
  const returnTo = `/shows/${show.id}`;
  return (
    <section aria-label={t('discovery.preShow.region')} className="mx-auto max-w-6xl px-4 pt-4">
      <div className="flex flex-col gap-4 rounded-2xl border border-neutral-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center">
        <div className="relative h-28 w-full shrink-0 overflow-hidden rounded-xl bg-gradient-to-br from-ink via-neutral-800 to-brand-700 sm:w-48">
          {show.coverImageUrl && <img src={show.coverImageUrl} alt="" className="h-full w-full object-cover" />}
        </div>
        <div className="min-w-0 flex-1 space-y-1">
          <p className="text-sm text-neutral-600">
            {rich(t('discovery.preShow.starts', { minutes: show.plannedDurationMinutes }), {
              time: <LocalTime iso={show.scheduledStart} />,
            })}
          </p>
          <Countdown startsAt={show.scheduledStart} renderedAt={Date.now()} />
          <p className="text-sm">
            {rich(t('discovery.preShow.with'), {
              host: show.host.handle ? (
                <PlainAnchor href={`/hosts/${show.host.handle}`} className="font-semibold text-brand-700 underline">
                  {show.host.name}
                </PlainAnchor>
              ) : (
                <span className="font-semibold">{show.host.name}</span>
              ),
              brand: (
                <PlainAnchor href={`/brands/${show.brand.slug}`} className="font-semibold text-brand-700 underline">
                  {show.brand.name}
                </PlainAnchor>
              ),
            })}
          </p>
          {show.description && <p className="text-sm text-neutral-700">{show.description}</p>}
        </div>
        <div className="flex flex-wrap gap-2 sm:flex-col">
          {viewer.isHost ? (
            <PlainAnchor
              href={`/studio/${show.id}`}
              className="inline-flex items-center justify-center rounded-full bg-ink px-4 py-2.5 font-semibold text-white hover:bg-neutral-800"
            >
              {/* A full page load: camera and microphone are allowed by the studio's own Permissions-Policy, which a client-side navigation would not bring. */}
              {t('discovery.preShow.openStudio')}
            </PlainAnchor>
          ) : (
            <FollowButton
              target="show"
              id={show.id}
              active={viewer.hasReminder}
              labels={{ off: t('discovery.follow.remindMe'), on: t('discovery.follow.reminderSet') }}
              subject={t('discovery.follow.forShow', { title: show.title })}
              signedIn={viewer.signedIn}
              returnTo={returnTo}
            />
          )}
          {!viewer.isHost && show.host.handle && (
            <FollowButton
              target="host"
              id={show.host.id}
              active={viewer.followsHost}
              labels={{ off: t('discovery.follow.followHost'), on: t('discovery.follow.followingHost') }}
              subject={show.host.name}
              signedIn={viewer.signedIn}
              returnTo={returnTo}
            />
          )}
          <FollowButton
            target="brand"
            id={show.brand.id}
            active={viewer.followsBrand}
            labels={{ off: t('discovery.follow.followBrand'), on: t('discovery.follow.followingBrand') }}
            subject={show.brand.name}
            signedIn={viewer.signedIn}
            returnTo={returnTo}
          />
        </div>
      </div>
    </section>
  );
}
