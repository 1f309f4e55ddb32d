import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requirePageUser } from '@/app/_lib/action';
import { previewBrandInvite } from '@/server/domain/brands';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { AcceptInviteForm } from './accept-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('account.invite.title') };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requirePageUser(`/invites/${token}`);
  const invite = await orNotFound(previewBrandInvite(services().db, token));
  const { t } = await getI18n();
  const wrongAccount = invite.email !== user.email;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm space-y-4 px-4 py-12 text-center">
        <h1 className="text-2xl font-bold tracking-tight">{t('account.invite.heading', { brand: invite.brandName })}</h1>
        <p className="text-neutral-600">
          {t(invite.role === 'OWNER' ? 'account.invite.asOwner' : 'account.invite.asStaff', { email: invite.email })}
        </p>
        {invite.status !== 'open' ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(invite.status === 'expired' ? 'account.invite.expired' : 'account.invite.used')}
          </p>
        ) : wrongAccount ? (
          <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('account.invite.wrongAccount', { current: user.email, email: invite.email })}
          </p>
        ) : (
          <AcceptInviteForm token={token} />
        )}
      </main>
    </>
  );
}
