import Link from 'next/link';
import { listShows, type ShowSummary } from '@/server/domain/shows';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { SiteHeader } from './_components/site-header';

export const dynamic = 'force-dynamic';

function ShowCard({ show, isHost }: { show: ShowSummary; isHost: boolean }) {
  const live = show.status === 'LIVE';
  return (
    <li className="overflow-hidden rounded-2xl border border-neutral-200 bg-white shadow-sm">
      <div className="flex h-32 items-end bg-gradient-to-br from-ink via-neutral-800 to-brand-700 p-4">
        {live ? (
          <span className="rounded bg-brand-500 px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">Live</span>
        ) : (
          <span className="rounded bg-white/15 px-2 py-0.5 text-xs font-semibold text-white">
            <time dateTime={show.scheduledStart}>{new Date(show.scheduledStart).toUTCString().slice(0, 22)} UTC</time>
          </span>
        )}
      </div>
      <div className="space-y-1 p-4">
        <h3 className="font-semibold leading-snug">
          <Link href={`/shows/${show.id}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-brand-500">
            {show.title}
          </Link>
        </h3>
        <p className="text-sm text-neutral-600">
          {show.host.name} · {show.brand.name}
        </p>
        {isHost && (
          <Link href={`/studio/${show.id}`} className="mt-2 inline-block rounded-full bg-ink px-3 py-1.5 text-sm font-semibold text-white hover:bg-neutral-800">
            Open studio
          </Link>
        )}
      </div>
    </li>
  );
}

function ShowSection({ title, shows, hostId, empty }: { title: string; shows: ShowSummary[]; hostId?: string; empty: string }) {
  return (
    <section aria-labelledby={`${title}-heading`} className="space-y-3">
      <h2 id={`${title}-heading`} className="text-xl font-bold tracking-tight">
        {title}
      </h2>
      {shows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-neutral-300 p-6 text-center text-neutral-600">{empty}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shows.map((show) => (
            <ShowCard key={show.id} show={show} isHost={show.host.id === hostId} />
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function HomePage() {
  const [{ live, upcoming }, user] = await Promise.all([listShows(services().db), currentUser()]);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8">
        <ShowSection title="Live now" shows={live} hostId={user?.id} empty="No show is live right now. Check the upcoming ones below." />
        <ShowSection title="Upcoming" shows={upcoming} hostId={user?.id} empty="Nothing scheduled yet." />
      </main>
    </>
  );
}
