import type { Anchor } from './anchor';
import type { ShowCardData } from '@/server/domain/shows';
import { LocalTime } from './late-local-time';
import { getI18n } from '@/app/_i18n/server';
import type { Translate } from '@/app/_i18n/translate';

function CardBadge({ show, t }: { show: ShowCardData; t: Translate }) {
  switch (show.status) {
    case 'LIVE':
      return (
        <span className="rounded bg-brand-500 px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">
          {t('discovery.card.live')}
        </span>
      );
    case 'SCHEDULED':
      // Past its start and not live yet (the host is late): a date in the past reads as a mistake.
      return Date.parse(show.scheduledStart) <= Date.now() ? (
        <span className="rounded bg-black/60 px-2 py-0.5 text-xs font-semibold text-white">{t('discovery.preShow.startingSoon')}</span>
      ) : (
        <LocalTime iso={show.scheduledStart} className="rounded bg-black/60 px-2 py-0.5 text-xs font-semibold text-white" />
      );
    case 'ENDED':
      // Offered as a replay only when its recording is READY; otherwise its page says it ended.
      return show.hasReplay ? (
        <span className="rounded bg-ink px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">
          {t('discovery.card.replay')}
        </span>
      ) : (
        <span className="rounded bg-black/60 px-2 py-0.5 text-xs font-semibold text-white">{t('discovery.card.ended')}</span>
      );
    case 'CANCELLED':
      return <span className="rounded bg-black/60 px-2 py-0.5 text-xs font-semibold text-white">{t('discovery.card.cancelled')}</span>;
    default: {
      const unreachable: never = show.status;
      return unreachable;
    }
  }
}

/** One show in a grid: cover (or a gradient), status badge, title, host and brand. */
export function ShowCard({ show, viewerId, t, Anchor }: { show: ShowCardData; viewerId?: string; t: Translate; Anchor: Anchor }) {
  return (
    <li className="overflow-hidden rounded-2xl border border-neutral-200 bg-white shadow-sm">
      <div className="relative flex h-36 items-end bg-gradient-to-br from-ink via-neutral-800 to-brand-700 p-3">
        {show.coverImageUrl && (
          <img src={show.coverImageUrl} alt="" className="absolute inset-0 h-full w-full object-cover" loading="lazy" />
        )}
        <span className="relative">
          <CardBadge show={show} t={t} />
        </span>
      </div>
      <div className="space-y-1 p-4">
        <h3 className="font-semibold leading-snug">
          <Anchor href={`/shows/${show.id}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-brand-500">
            {show.title}
          </Anchor>
        </h3>
        <p className="text-sm text-neutral-600">
          {show.host.handle ? (
            <Anchor href={`/hosts/${show.host.handle}`} className="hover:underline">
              {show.host.name}
            </Anchor>
          ) : (
            show.host.name
          )}{' '}
          ·{' '}
          <Anchor href={`/brands/${show.brand.slug}`} className="hover:underline">
            {show.brand.name}
          </Anchor>
        </p>
        {viewerId === show.host.id && show.status !== 'ENDED' && show.status !== 'CANCELLED' && (
          <a
            href={`/studio/${show.id}`}
            className="mt-2 inline-block rounded-full bg-ink px-3 py-1.5 text-sm font-semibold text-white hover:bg-neutral-800"
          >
            {/* A full page load: camera and microphone are allowed by the studio's own Permissions-Policy, which a client-side navigation would not bring. */}
            {t('discovery.card.openStudio')}
          </a>
        )}
      </div>
    </li>
  );
}

export type ShowGridProps = { shows: ShowCardData[]; viewerId?: string; empty: string };

/** A grid of show cards linking with the page's kind of link: `ShowGrid` (next/link) or `PlainShowGrid` (see anchor.tsx). */
export async function ShowGridView({ shows, viewerId, empty, Anchor }: ShowGridProps & { Anchor: Anchor }) {
  const { t } = await getI18n();
  if (shows.length === 0)
    return <p className="rounded-xl border border-dashed border-neutral-300 p-6 text-center text-neutral-600">{empty}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {shows.map((show) => (
        <ShowCard key={show.id} show={show} viewerId={viewerId} t={t} Anchor={Anchor} />
      ))}
    </ul>
  );
}
