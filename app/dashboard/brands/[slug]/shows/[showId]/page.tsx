import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { LocalTime } from '@/app/_components/local-time';
import { PageHeading } from '@/app/_components/ui';
import { AppError } from '@/server/domain/errors';
import { getBrandShow, listLineupCandidates } from '@/server/domain/shows';
import { services } from '@/server/services';
import { cancelShowAction, rescheduleShowAction, updateShowAction } from '../actions';
import { ShowForm } from '../show-form';
import { inviteStatusLabel, showStatusLabel } from '../status-labels';
import { CancelForm } from './cancel-form';
import { RescheduleForm } from './reschedule-form';
import { RecordingsPanel } from './recordings-panel';
import { listShowRecordings } from '@/server/domain/recordings';
import { getHostShares } from '@/server/domain/payouts';
import { getShowPrivacy } from '@/server/domain/show-access';
import { setHostSharesAction, setPrivacyAction } from './access-actions';
import { CoHostsForm } from './co-hosts-form';
import { PrivacyForm } from './privacy-form';
import { zoneCity } from '@/app/_lib/zone-city';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.shows.editTitle') };
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function EditShowPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; showId: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const [{ slug, showId }, { created }] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/dashboard/brands/${slug}/shows/${showId}`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  const show = await getBrandShow(db, actor, slug, showId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const [candidates, shares, privacy] = await Promise.all([
    orNotFound(listLineupCandidates(db, actor, slug, show.lineup)),
    getHostShares(db, actor, slug, showId),
    getShowPrivacy(db, actor, slug, showId),
  ]);
  const editable = show.status === 'SCHEDULED' || show.status === 'LIVE';
  const { t, format } = await getI18n();
  // The brand's own wall clock, written the reader's way.
  const brandClock = format.dateTime(show.scheduledStart, 'dateTime', show.brand.timeZone);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeading
        title={show.title}
        description={`${showStatusLabel(t, show.status)} · ${inviteStatusLabel(t, show.hostInviteStatus)} (${show.host.handle ? `@${show.host.handle}` : show.host.name})`}
        actions={
          <Link href={`/shows/${show.id}`} className="font-semibold text-brand-700 underline">
            {t('dashboard.shows.publicPage')}
          </Link>
        }
      />
      {created && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t('dashboard.shows.created')}
        </p>
      )}
      <p className="text-sm text-neutral-700">
        {rich(t('dashboard.shows.starts', { local: brandClock, zone: zoneCity(show.brand.timeZone) }), {
          time: <LocalTime iso={show.scheduledStart} />,
        })}
      </p>
      {show.status === 'CANCELLED' && (
        <p className="rounded-lg bg-neutral-100 p-3 text-sm">
          {show.cancelReason ? t('dashboard.shows.cancelledBecause', { reason: show.cancelReason }) : t('dashboard.shows.cancelled')}
        </p>
      )}
      {editable ? (
        <Panel id="details-heading" title={t('dashboard.shows.detailsHeading')}>
          <ShowForm
            action={updateShowAction.bind(null, slug, show.id)}
            values={{
              title: show.title,
              description: show.description,
              coverImageUrl: show.coverImageUrl ?? '',
              plannedDurationMinutes: show.plannedDurationMinutes,
              commissionPercent: show.commissionRateBps / 100,
              recordingEnabled: show.recordingEnabled,
              assistantEnabled: show.assistantEnabled,
              lineup: show.lineup,
            }}
            candidates={candidates}
          />
        </Panel>
      ) : (
        <p className="text-sm text-neutral-600">{t('dashboard.shows.finished')}</p>
      )}
      {editable && (
        <>
          <Panel id="show-access-heading" title={t('dashboard.showAccess.heading')}>
            <PrivacyForm
              action={setPrivacyAction.bind(null, slug, show.id)}
              values={{
                visibility: privacy.visibility,
                inviteFollowers: privacy.inviteFollowers,
                emails: privacy.invites.map((i) => i.email),
                sent: privacy.invites.filter((i) => i.sentAt).length,
              }}
            />
          </Panel>
          <Panel id="co-hosts-heading" title={t('dashboard.coHosts.heading')}>
            <CoHostsForm
              action={setHostSharesAction.bind(null, slug, show.id)}
              ratePercent={show.commissionRateBps / 100}
              products={candidates.filter((c) => show.lineup.includes(c.id)).map((c) => ({ id: c.id, title: c.title }))}
              rows={shares.map((r) => ({ hostHandle: r.handle ?? '', productId: r.productId, percent: r.shareBps / 100 }))}
            />
          </Panel>
        </>
      )}
      {show.status !== 'SCHEDULED' && show.status !== 'CANCELLED' && (
        <Panel id="recordings-heading" title={t('dashboard.recordings.heading')}>
          <RecordingsPanel slug={slug} showId={show.id} recordings={await listShowRecordings(db, actor, show.id)} />
        </Panel>
      )}
      {show.status !== 'SCHEDULED' && show.status !== 'CANCELLED' && (
        <Panel id="audit-heading" title={t('dashboard.shows.auditHeading')}>
          <p className="text-sm text-neutral-700">{t('dashboard.shows.auditIntro')}</p>
          <p className="flex gap-4">
            <a href={`/dashboard/brands/${slug}/shows/${show.id}/audit?format=csv`} className="font-semibold text-brand-700 underline">
              {t('dashboard.shows.auditCsv')}
            </a>
            <a href={`/dashboard/brands/${slug}/shows/${show.id}/audit?format=json`} className="font-semibold text-brand-700 underline">
              {t('dashboard.shows.auditJson')}
            </a>
          </p>
        </Panel>
      )}
      {show.status === 'SCHEDULED' && (
        <>
          <Panel id="reschedule-heading" title={t('dashboard.shows.rescheduleHeading')}>
            <RescheduleForm
              action={rescheduleShowAction.bind(null, slug, show.id)}
              startLocal={show.startLocal}
              timeZone={show.brand.timeZone}
            />
          </Panel>
          <Panel id="cancel-heading" title={t('dashboard.shows.cancelHeading')}>
            <CancelForm action={cancelShowAction.bind(null, slug, show.id)} />
          </Panel>
        </>
      )}
    </div>
  );
}
