import type { Metadata } from 'next';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getBrandTeam } from '@/server/domain/brand-team';
import { services } from '@/server/services';
import { secondaryButtonClass } from '../../../../_components/ui';
import { revokeInviteAction } from './actions';
import { InviteForm, RemoveMemberButton } from './team-forms';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/team`);
  const team = await orNotFound(getBrandTeam(services().db, { userId: user.id, name: user.name }, slug));
  const isOwner = team.yourRole === 'OWNER';
  return (
    <div className="space-y-8">
      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-bold">
          Team
        </h2>
        <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
          {team.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <p className="font-semibold">
                  {m.name} {m.isYou && <span className="text-sm font-normal text-neutral-600">(you)</span>}
                </p>
                <p className="text-sm text-neutral-600">
                  {m.email} · {m.role === 'OWNER' ? 'Owner' : 'Staff'}
                </p>
              </div>
              {(isOwner || m.isYou) && <RemoveMemberButton slug={slug} userId={m.userId} label={m.isYou ? 'Leave brand' : 'Remove'} />}
            </li>
          ))}
        </ul>
      </section>
      {isOwner && (
        <section aria-labelledby="invite-heading" className="space-y-3">
          <h2 id="invite-heading" className="text-lg font-bold">
            Invite someone
          </h2>
          <p className="text-sm text-neutral-600">Staff manage products and shows; owners also manage the team.</p>
          <InviteForm slug={slug} />
          {team.invites.length > 0 && (
            <ul aria-label="Pending invitations" className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
              {team.invites.map((invite) => (
                <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    {invite.email} · {invite.role === 'OWNER' ? 'Owner' : 'Staff'} · pending until <time dateTime={invite.expiresAt}>{invite.expiresAt.slice(0, 10)}</time>
                  </span>
                  <form action={revokeInviteAction}>
                    <input type="hidden" name="slug" value={slug} />
                    <input type="hidden" name="inviteId" value={invite.id} />
                    <button type="submit" className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}>
                      Revoke
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
