import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_lib/action';
import { LocalTime } from '@/app/_components/local-time';
import { SiteHeader } from '@/app/_components/site-header';
import { EmptyState, PageHeading } from '@/app/_components/ui';
import { listHostInvitations, type HostInvitation } from '@/server/domain/scheduling';
import { services } from '@/server/services';
import { InviteAnswer } from './invite-answer';

export const metadata: Metadata = { title: 'Hosting' };

function ShowFacts({ show }: { show: HostInvitation }) {
  return (
    <p className="text-sm text-neutral-600">
      <Link href={`/brands/${show.brand.slug}`} className="hover:underline">
        {show.brand.name}
      </Link>{' '}
      · <LocalTime iso={show.scheduledStart} /> · {show.plannedDurationMinutes} min · {show.commissionRateBps / 100} % commission
    </p>
  );
}

export default async function HostDashboardPage() {
  const user = await requirePageUser('/dashboard/host');
  const { pending, accepted } = await listHostInvitations(services().db, { userId: user.id, name: user.name });
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <PageHeading title="Hosting" description="Shows brands invited you to present." />
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-lg font-bold">
            Invitations
          </h2>
          {pending.length === 0 ? (
            <EmptyState title="No open invitations">When a brand invites you to host a show, it appears here and in your email.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {pending.map((show) => (
                <li key={show.id} className="space-y-2 rounded-2xl border border-neutral-200 bg-white p-4">
                  <h3 className="font-semibold">{show.title}</h3>
                  <ShowFacts show={show} />
                  <InviteAnswer showId={show.id} title={show.title} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading" className="text-lg font-bold">
            Your upcoming shows
          </h2>
          {accepted.length === 0 ? (
            <EmptyState title="Nothing on your schedule">Accepted shows appear here with a link to the studio.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {accepted.map((show) => (
                <li key={show.id} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-neutral-200 bg-white p-4">
                  <div>
                    <h3 className="font-semibold">
                      {show.title}
                      {show.status === 'LIVE' && <span className="ml-2 rounded bg-brand-500 px-2 py-0.5 text-xs font-bold uppercase text-white">Live</span>}
                    </h3>
                    <ShowFacts show={show} />
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Link href={`/shows/${show.id}`} className="rounded-full border border-neutral-300 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100">
                      Show page
                    </Link>
                    <Link href={`/studio/${show.id}`} className="rounded-full bg-ink px-3 py-1.5 text-sm font-semibold text-white hover:bg-neutral-800" aria-label={`Open studio for ${show.title}`}>
                      Open studio
                    </Link>
                  </div>
                  <div className="w-full">
                    <InviteDeclineLater showId={show.id} title={show.title} status={show.status} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}

/** Before the start a host may still withdraw; once live there is nothing to decline. */
function InviteDeclineLater({ showId, title, status }: { showId: string; title: string; status: HostInvitation['status'] }) {
  if (status !== 'SCHEDULED') return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-neutral-600">Can’t make it?</summary>
      <div className="mt-2">
        <InviteAnswer showId={showId} title={title} responses={['decline']} />
      </div>
    </details>
  );
}
