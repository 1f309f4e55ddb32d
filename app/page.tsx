import { homeSections } from '@/server/domain/discovery';
import type { ShowCardData } from '@/server/domain/show-cards';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { SearchBox } from './_components/search-box';
import { ShowGrid } from './_components/show-card';
import { SiteHeader } from './_components/site-header';

export const dynamic = 'force-dynamic';

function ShowSection({ id, title, shows, viewerId, empty }: { id: string; title: string; shows: ShowCardData[]; viewerId?: string; empty: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-bold tracking-tight">
        {title}
      </h2>
      <ShowGrid shows={shows} viewerId={viewerId} empty={empty} />
    </section>
  );
}

export default async function HomePage() {
  const [{ live, upcoming, replays }, user] = await Promise.all([homeSections(services().db), currentUser()]);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8">
        <SearchBox />
        <ShowSection id="live" title="Live now" shows={live} viewerId={user?.id} empty="No show is live right now. Check the upcoming ones below." />
        <ShowSection id="upcoming" title="Upcoming" shows={upcoming} viewerId={user?.id} empty="Nothing scheduled yet. Follow a host or a brand to hear about their next show." />
        <ShowSection id="replays" title="Replays" shows={replays} viewerId={user?.id} empty="No replays yet: finished shows appear here." />
      </main>
    </>
  );
}
