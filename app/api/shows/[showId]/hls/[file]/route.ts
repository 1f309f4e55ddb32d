import { hlsSourceForShow, PLAYLIST_FILE } from '@/server/domain/recordings';
import { services } from '@/server/services';

// The show's HLS: the live playlist while it is live (the backup path for viewers WebRTC cannot
// serve), the final one after. Segment names are relative in the playlist, so a CDN in front of
// this route, or one serving the bucket's `recordings/<id>/` folder, serves the same files.

const SEGMENT = /^s\d{1,4}-\d{5}\.ts$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Short, so a CDN picks up each new segment; a finished playlist changes only when it is deleted.
const LIVE_PLAYLIST = 'public, max-age=1, stale-while-revalidate=1';
const FINAL_PLAYLIST = 'public, max-age=60';

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(_request: Request, { params }: { params: Promise<{ showId: string; file: string }> }): Promise<Response> {
  const { showId, file } = await params;
  const playlist = file === PLAYLIST_FILE;
  if (!playlist && !SEGMENT.test(file)) return notFound();
  const { db, storage } = services();
  const source = await hlsSourceForShow(db, showId);
  if (!source) return notFound();
  const bytes = await storage.get(source.storagePrefix + file);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t',
      'Content-Length': String(bytes.length),
      'Cache-Control': playlist ? (source.status === 'READY' ? FINAL_PLAYLIST : LIVE_PLAYLIST) : IMMUTABLE,
      'X-Content-Type-Options': 'nosniff',
      // Public media, like a CDN's: players on other origins (a brand's site, a replay embed) may read it.
      'Access-Control-Allow-Origin': '*',
    },
  });
}
