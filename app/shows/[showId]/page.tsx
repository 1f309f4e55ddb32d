import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AppError } from '@/server/domain/errors';
import { getShowSummary, type ShowSummary } from '@/server/domain/shows';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { ShowViewer } from './show-viewer';

async function loadShow(showId: string): Promise<ShowSummary> {
  try {
    return await getShowSummary(services().db, showId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ showId: string }> }): Promise<Metadata> {
  const show = await loadShow((await params).showId);
  return { title: show.title, description: `${show.host.name} live with ${show.brand.name}` };
}

export default async function ShowPage({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  const [show, user] = await Promise.all([loadShow(showId), currentUser()]);
  return (
    <>
      <SiteHeader />
      <ShowViewer show={show} signedIn={user !== null} />
    </>
  );
}
