import type { Metadata } from 'next';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getBrandTeam } from '@/server/domain/brands';
import { services } from '@/server/services';
import { secondaryButtonClass } from '../../../../_components/ui';
import { revokeInviteAction } from './actions';
import { InviteForm, RemoveMemberButton } from './team-forms';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.team.title') };
}

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/team`);
  const team = await orNotFound(getBrandTeam(services().db, { userId: user.id, name: user.name }, slug));
  const isOwner = team.yourRole === 'OWNER';
  const { t, format } = await getI18n();
  return (
    <div className="space-y-8">
      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-bold">
          {t('dashboard.team.title')}
        </h2>
        <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
          {team.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <p className="font-semibold">
                  {m.name} {m.isYou && <span className="text-sm font-normal text-neutral-600">{t('dashboard.team.you')}</span>}
                </p>
                <p className="text-sm text-neutral-600">
                  {m.email} · {t(`dashboard.team.roles.${m.role}`)}
                </p>
              </div>
              {(isOwner || m.isYou) && (
                <RemoveMemberButton slug={slug} userId={m.userId} label={t(m.isYou ? 'dashboard.team.leave' : 'dashboard.team.remove')} />
              )}
            </li>
          ))}
        </ul>
      </section>
      {isOwner && (
        <section aria-labelledby="invite-heading" className="space-y-3">
          <h2 id="invite-heading" className="text-lg font-bold">
            {t('dashboard.team.inviteHeading')}
          </h2>
          <p className="text-sm text-neutral-600">{t('dashboard.team.inviteHint')}</p>
          <InviteForm slug={slug} />
          {team.invites.length > 0 && (
            <ul
              aria-label={t('dashboard.team.pendingLabel')}
              className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white"
            >
              {team.invites.map((invite) => (
                <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    {invite.email} · {t(`dashboard.team.roles.${invite.role}`)} ·{' '}
                    {rich(t('dashboard.team.pendingUntil'), {
                      date: <time dateTime={invite.expiresAt}>{format.dateTime(invite.expiresAt, 'date', 'UTC')}</time>,
                    })}
                  </span>
                  <form action={revokeInviteAction}>
                    <input type="hidden" name="slug" value={slug} />
                    <input type="hidden" name="inviteId" value={invite.id} />
                    <button type="submit" className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}>
                      {t('dashboard.team.revoke')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
