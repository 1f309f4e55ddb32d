import { readFile } from 'node:fs/promises';
import { replayObjectKey } from '@/server/domain/replays';
import { services } from '@/server/services';
import { uploadPath } from '@/server/storage/local-disk-store';

// The show's HLS as browsers read it: /api/shows/<showId>/hls/index.m3u8 and the segments it names.
// A stand-in serving a replay's READY recording from the local-disk store, so the replay works and
// is tested on this branch; the recorder's route (issue 16 item 1, rec-hls) replaces this file and
// also serves the live playlist and S3.

const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
};

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ showId: string; file: string }> }): Promise<Response> {
  const { showId, file } = await params;
  const { db, env } = services();
  const key = await replayObjectKey(db, showId, file);
  const path = key && env.STORAGE_DRIVER === 'local' ? uploadPath(env.DATA_DIR, key) : null;
  if (!path) return notFound();
  try {
    const bytes = await readFile(path);
    const extension = file.slice(file.lastIndexOf('.') + 1);
    return new Response(bytes, {
      headers: {
        'Content-Type': TYPES[extension] ?? 'application/octet-stream',
        'Content-Length': String(bytes.length),
        // A READY recording no longer changes; the playlist may be deleted by its brand, so it is revalidated.
        'Cache-Control': extension === 'm3u8' ? 'public, max-age=60' : 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return notFound();
    throw error;
  }
}
