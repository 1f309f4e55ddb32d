import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { currentUser } from '@/server/auth/session';
import { clientIpFrom } from '@/server/client-ip';
import { AppError } from '@/server/domain/errors';
import { showRecordsHls } from '@/server/domain/recordings';
import { requireShowAccess, showInviteCookie } from '@/server/domain/show-access';
import { getShowSummary, type ShowSummary } from '@/server/domain/shows';
import { isDeployment } from '@/server/env';
import { services } from '@/server/services';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { bootWatchData } from './boot-watch';
import { HLS_PATH_HEADER } from './hls-path-header';
import type { HlsPath } from './live-video';

// What the show page's layout (the prepared watch) and the page itself (the player) both ask of one request:
// React's cache() answers each once per request, so the layout's questions cost the page nothing more.

export const loadShow = cache((showId: string): Promise<ShowSummary> => orNotFound(getShowSummary(services().db, showId)));
export const requestUser = cache(currentUser);

/** Private shows and rehearsals: the same gate as the socket's show:join (server/domain/show-access). */
export const accessRefusal = cache(async (showId: string, userId: string | null): Promise<string | null> => {
  const inviteToken = (await cookies()).get(showInviteCookie(showId))?.value ?? null;
  return requireShowAccess(services().db, { userId, inviteToken }, showId).then(
    () => null,
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'FORBIDDEN') return error.key;
      throw error;
    },
  );
});

/**
 * The HLS backup stream of a live, recorded show. Viewers start on it when this node already
 * serves WEBRTC_MAX_VIEWERS over WebRTC; outside a deployment `?path=hls` forces it (tests), read from the
 * header proxy.ts sets for it, so the layout asks the same question as the page.
 */
export const hlsPath = cache(async (showId: string): Promise<HlsPath | null> => {
  const { db, env, webRtcViewerCount } = services();
  if (!(await showRecordsHls(db, showId))) return null;
  const forced =
    (!isDeployment(env) && (await headers()).get(HLS_PATH_HEADER) === 'hls') ||
    (env.WEBRTC_MAX_VIEWERS !== undefined && (webRtcViewerCount?.() ?? 0) >= env.WEBRTC_MAX_VIEWERS);
  return { src: `/api/shows/${showId}/hls/index.m3u8`, forced };
});

/**
 * The receive side prepared with the page (server/media/prepared-watch.ts), for the boot script that
 * connects it before the framework loads (boot-watch.ts): for a document request (a client-side
 * navigation's render, an RSC request, would never run the script) of a live show the visitor may watch,
 * not on the HLS path. Null otherwise, or when it cannot be prepared: the player then watches the ordinary way.
 */
export async function preparedBoot(showId: string): Promise<{ nonce: string; data: string } | null> {
  const request = await headers();
  if (request.has('rsc') || request.has('next-router-prefetch')) return null;
  const nonce = /'nonce-([^']+)'/.exec(request.get('content-security-policy') ?? '')?.[1];
  const { prepareWatch } = services();
  if (!nonce || !prepareWatch) return null;
  // A show that does not exist: the page answers 404 itself.
  const show = await loadShow(showId).catch(() => null);
  if (show?.status !== 'LIVE') return null;
  const user = await requestUser();
  if ((await accessRefusal(showId, user?.id ?? null)) || (await hlsPath(showId))?.forced) return null;
  const prepared = await prepareWatch(showId, { ip: clientIpFrom(request) ?? 'unknown', userId: user?.id ?? null });
  return prepared && { nonce, data: bootWatchData(prepared) };
}
