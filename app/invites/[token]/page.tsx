import type { Metadata } from 'next';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requirePageUser } from '@/app/_lib/action';
import { previewBrandInvite } from '@/server/domain/brand-team';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { AcceptInviteForm } from './accept-form';

export const metadata: Metadata = { title: 'Team invitation' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requirePageUser(`/invites/${token}`);
  const invite = await orNotFound(previewBrandInvite(services().db, token));
  const wrongAccount = invite.email !== user.email;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm space-y-4 px-4 py-12 text-center">
        <h1 className="text-2xl font-bold tracking-tight">Join {invite.brandName}</h1>
        <p className="text-neutral-600">
          As {invite.role === 'OWNER' ? 'an owner' : 'staff'}, invited as {invite.email}.
        </p>
        {invite.status !== 'open' ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            This invitation has {invite.status === 'expired' ? 'expired' : 'already been used or revoked'}. Ask the brand owner for a new one.
          </p>
        ) : wrongAccount ? (
          <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            You are signed in as {user.email}. Sign out and sign in as {invite.email} to accept.
          </p>
        ) : (
          <AcceptInviteForm token={token} />
        )}
      </main>
    </>
  );
}
