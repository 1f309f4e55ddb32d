import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_lib/action';
import { ACCOUNT_DELETION_EFFECTS } from '@/server/domain/account-deletion';
import { getAccountProfile } from '@/server/domain/account-profile';
import { services } from '@/server/services';
import { SignOutButton } from '../_components/sign-out-button';
import { SiteHeader } from '../_components/site-header';
import { PageHeading } from '../_components/ui';
import { DeleteAccountForm, InfluencerForm, NameForm, PasswordForm } from './account-forms';

export const metadata: Metadata = { title: 'Your account' };

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-2xl border border-neutral-200 bg-white p-5">
      <div>
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
        {description && <p className="text-sm text-neutral-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const user = await requirePageUser('/account');
  const profile = await getAccountProfile(services().db, { userId: user.id, name: user.name });
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <PageHeading title="Your account" description={profile.email} actions={
            <>
              <Link href="/account/notifications" className="self-center text-sm font-semibold text-brand-700 underline">
                Notification settings
              </Link>
              <SignOutButton />
            </>
          }
        />
        <Section id="profile-heading" title="Profile">
          <NameForm name={profile.name} />
        </Section>
        <Section id="host-heading" title="Host profile" description="Hosting live shows for brands? A host profile lets brands invite you and viewers follow you.">
          <InfluencerForm profile={profile.influencer} />
        </Section>
        <Section id="password-heading" title="Password" description={profile.hasPassword ? undefined : 'You sign in with email links or another service. Set a password to sign in with it too.'}>
          <PasswordForm hasPassword={profile.hasPassword} />
        </Section>
        <Section id="delete-heading" title="Delete your account" description="What deleting does:">
          <ul className="list-disc space-y-1 pl-5 text-sm text-neutral-700">
            {ACCOUNT_DELETION_EFFECTS.map((effect) => (
              <li key={effect}>{effect}</li>
            ))}
          </ul>
          <DeleteAccountForm email={profile.email} />
        </Section>
      </main>
    </>
  );
}
