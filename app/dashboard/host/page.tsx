import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import type { Translate } from '@/app/_i18n/translate';
import { requirePageUser } from '@/app/_lib/action';
import { LocalTime } from '@/app/_components/local-time';
import { SiteHeader } from '@/app/_components/site-header';
import { EmptyState, PageHeading } from '@/app/_components/ui';
import { listHostInvitations, type HostInvitation } from '@/server/domain/shows';
import { services } from '@/server/services';
import { getMyConnectAccount } from '@/server/domain/connect-payouts';
import { ConnectAccountForm } from './connect-account';
import { InviteAnswer } from './invite-answer';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.host.title') };
}

function ShowFacts({ show, t }: { show: HostInvitation; t: Translate }) {
  return (
    <p className="text-sm text-neutral-600">
      <Link href={`/brands/${show.brand.slug}`} className="hover:underline">
        {show.brand.name}
      </Link>{' '}
      · <LocalTime iso={show.scheduledStart} /> ·{' '}
      {t('dashboard.host.facts', { minutes: show.plannedDurationMinutes, percent: show.commissionRateBps / 100 })}
    </p>
  );
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function HostDashboardPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePageUser('/dashboard/host');
  const { pending, accepted } = await listHostInvitations(services().db, { userId: user.id, name: user.name });
  const connectAccount = await getMyConnectAccount(services().db, { userId: user.id, name: user.name });
  const { t } = await getI18n();
  const { answered, show: answeredShowId } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <PageHeading
          title={t('dashboard.host.title')}
          description={t('dashboard.host.description')}
          actions={
            <Link href="/dashboard/host/statement" className="self-center text-sm font-semibold text-brand-700 underline">
              {t('orders.links.statement')}
            </Link>
          }
        />
        <AnswerNotice answered={answered} title={accepted.find((s) => s.id === answeredShowId)?.title ?? null} t={t} />
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-lg font-bold">
            {t('dashboard.host.invitationsHeading')}
          </h2>
          {pending.length === 0 ? (
            <EmptyState title={t('dashboard.host.noInvitesTitle')}>{t('dashboard.host.noInvitesBody')}</EmptyState>
          ) : (
            <ul className="space-y-3">
              {pending.map((show) => (
                <li key={show.id} className="space-y-2 rounded-2xl border border-neutral-200 bg-white p-4">
                  <h3 className="font-semibold">{show.title}</h3>
                  <ShowFacts show={show} t={t} />
                  <InviteAnswer showId={show.id} title={show.title} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading" className="text-lg font-bold">
            {t('dashboard.host.upcomingHeading')}
          </h2>
          {accepted.length === 0 ? (
            <EmptyState title={t('dashboard.host.noUpcomingTitle')}>{t('dashboard.host.noUpcomingBody')}</EmptyState>
          ) : (
            <ul className="space-y-3">
              {accepted.map((show) => (
                <li
                  key={show.id}
                  className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-neutral-200 bg-white p-4"
                >
                  <div>
                    <h3 className="font-semibold">
                      {show.title}
                      {show.status === 'LIVE' && (
                        <span className="ml-2 rounded bg-brand-500 px-2 py-0.5 text-xs font-bold uppercase text-white">
                          {t('dashboard.host.live')}
                        </span>
                      )}
                    </h3>
                    <ShowFacts show={show} t={t} />
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Link
                      href={`/shows/${show.id}`}
                      className="rounded-full border border-neutral-300 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100"
                    >
                      {t('dashboard.host.showPage')}
                    </Link>
                    <a
                      href={`/studio/${show.id}`}
                      className="rounded-full bg-ink px-3 py-1.5 text-sm font-semibold text-white hover:bg-neutral-800"
                      aria-label={t('dashboard.host.openStudioFor', { title: show.title })}
                    >
                      {/* A full page load: camera and microphone are allowed by the studio's own Permissions-Policy, which a client-side navigation would not bring. */}
                      {t('dashboard.host.openStudio')}
                    </a>
                  </div>
                  <div className="w-full">
                    <InviteDeclineLater showId={show.id} title={show.title} status={show.status} t={t} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="connect-account-heading" className="space-y-3">
          <h2 id="connect-account-heading" className="text-lg font-bold">
            {t('connect.hostHeading')}
          </h2>
          <p className="text-sm text-neutral-600">{t('connect.hostDescription')}</p>
          <ConnectAccountForm accountMasked={connectAccount} />
        </section>
      </main>
    </>
  );
}

/**
 * What the host just answered, after the answer's redirect: the card they pressed
 * has left its list, so the confirmation lives at the top of the page.
 */
function AnswerNotice({ answered, title, t }: { answered: string | string[] | undefined; title: string | null; t: Translate }) {
  if (answered !== 'accept' && answered !== 'decline') return null;
  const text =
    answered === 'accept'
      ? title
        ? t('dashboard.host.acceptedNamed', { title })
        : t('dashboard.host.accepted')
      : t('dashboard.host.declined');
  return (
    <p
      role="status"
      className="rounded-xl border border-green-200 bg-green-50 px-4 py-3 text-sm font-medium text-green-900"
      data-testid="invite-answer-notice"
    >
      {text}
    </p>
  );
}

/** Before the start a host may still withdraw; once live there is nothing to decline. */
function InviteDeclineLater({
  showId,
  title,
  status,
  t,
}: {
  showId: string;
  title: string;
  status: HostInvitation['status'];
  t: Translate;
}) {
  if (status !== 'SCHEDULED') return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-neutral-600">{t('dashboard.host.cantMakeIt')}</summary>
      <div className="mt-2">
        <InviteAnswer showId={showId} title={title} responses={['decline']} />
      </div>
    </details>
  );
}
