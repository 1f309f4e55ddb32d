import type { Metadata } from 'next';
import { getEmbedShow, handOffOrigin, type EmbedShow } from '@/server/domain/embed';
import { embedOriginRules } from '@/server/embed-frame';
import { services } from '@/server/services';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getI18n } from '@/app/_i18n/server';
import { EmbedPlayer } from './embed-player';

// The player a brand puts on its own site (public/embed.js or an iframe; docs/embed.md). Who may
// frame it is decided by the response headers (server/embed-frame.ts), from the same brand list.

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const loadShow = (showId: string): Promise<EmbedShow> => orNotFound(getEmbedShow(services().db, showId, embedOriginRules(services().env)));
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: { params: Promise<{ showId: string }> }): Promise<Metadata> {
  const [{ show }, { t }] = await Promise.all([loadShow((await params).showId), getI18n()]);
  // The brand's page is what search engines should find, not the frame inside it.
  return { title: { absolute: t('embed.page.title', { title: show.title }) }, robots: { index: false, follow: false } };
}

export default async function EmbedShowPage({ params, searchParams }: { params: Promise<{ showId: string }>; searchParams: SearchParams }) {
  const [{ showId }, query] = await Promise.all([params, searchParams]);
  const { show, frameOrigins, skus } = await loadShow(showId);
  // The embedding page says which origin it is (embed.js passes location.origin); events go there only if the
  // brand lists it, and the browser delivers them only if the parent really is that origin.
  const parentOrigin = handOffOrigin(first(query.origin), frameOrigins);
  const handOff = first(query.buy) === 'handoff' && parentOrigin !== null;
  return (
    <EmbedPlayer
      show={show}
      skus={skus}
      handOffOrigin={handOff ? parentOrigin : null}
      renderedAt={Date.now()}
      watchHints={show.status === 'LIVE' ? (services().watchHints?.(show.id) ?? null) : null}
    />
  );
}
