import type { Metadata } from 'next';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { redirect } from 'next/navigation';
import { getShowSummary } from '@/server/domain/shows';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { Studio } from './studio';

export const metadata: Metadata = { title: 'Studio' };

export default async function StudioPage({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/studio/${showId}`)}`);
  const show = await orNotFound(getShowSummary(services().db, showId));
  if (show.host.id !== user.id) {
    return (
      <>
        <SiteHeader />
        <main className="mx-auto max-w-md px-4 py-16 text-center">
          <h1 className="text-xl font-bold">This studio belongs to the show&apos;s host</h1>
          <p className="mt-2 text-neutral-600">Sign in as {show.host.name} to run &ldquo;{show.title}&rdquo;.</p>
        </main>
      </>
    );
  }
  return (
    <>
      <SiteHeader />
      <Studio show={show} />
    </>
  );
}
