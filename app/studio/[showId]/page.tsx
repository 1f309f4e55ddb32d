import type { Metadata } from 'next';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { redirect } from 'next/navigation';
import { getI18n } from '@/app/_i18n/server';
import { getShowSummary } from '@/server/domain/shows';
import { studioSummaryLinks } from '@/server/domain/shows';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { assistantEnabledIn } from '@/server/domain/assistant';
import { Studio } from './studio';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('studio.metaTitle') };
}

export default async function StudioPage({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/studio/${showId}`)}`);
  const show = await orNotFound(getShowSummary(services().db, showId));
  if (show.host.id !== user.id) {
    const { t } = await getI18n();
    return (
      <>
        <SiteHeader />
        <main className="mx-auto max-w-md px-4 py-16 text-center">
          <h1 className="text-xl font-bold">{t('studio.notHost.title')}</h1>
          <p className="mt-2 text-neutral-600">{t('studio.notHost.body', { name: show.host.name, title: show.title })}</p>
        </main>
      </>
    );
  }
  // The post-show report (issue 20) is the host's as much as the brand's.
  const links = {
    ...(await studioSummaryLinks(services().db, { userId: user.id, name: user.name }, show.id)),
    report: `/reports/${show.id}`,
  };
  return (
    <>
      <SiteHeader />
      <Studio show={show} links={links} assistantEnabled={await assistantEnabledIn(services().db, show.id)} />
    </>
  );
}
