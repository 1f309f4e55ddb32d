// A real HLS recording made with Debian's ffmpeg, laid out as the recorder lays one out
// (recordings/<ShowRecording.id>/index.m3u8 with its segments in the object store, the local-disk
// driver's DATA_DIR/uploads/), with a READY ShowRecording row for an ended show. Replay tests and
// benchmarks use it; it stands where a recording of a real live show will (issue 16 item 7).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { uploadPath } from '../../server/storage/local-disk-store';

const run = promisify(execFile);

/** A pg client or pool (e2e specs and benchmarks hold one; domain tests can pass their test database's pool). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface HlsFixtureOptions {
  showId: string;
  /** The DATA_DIR of the app that will serve it (local-disk storage). */
  dataDir: string;
  /** Server time of the first frame: every EXT-X-PROGRAM-DATE-TIME is counted from it. */
  startedAt: Date;
  seconds: number;
  /** Target segment length; the default keeps a short test's first segment quick to fetch. */
  segmentSeconds?: number;
}

export interface HlsFixture {
  recordingId: string;
  storagePrefix: string;
  startedAt: Date;
  endedAt: Date;
  segmentCount: number;
}

/**
 * Encodes `seconds` of lavfi's testsrc (a moving picture with a running counter, so decoded frames
 * differ) to H.264 MPEG-TS segments, then sets the program date times to `startedAt` onwards: ffmpeg
 * stamps its own wall clock, but a fixture's pins and chat are placed at known server times.
 */
export async function makeHlsRecording(db: Queryable, options: HlsFixtureOptions): Promise<HlsFixture> {
  const segmentSeconds = options.segmentSeconds ?? 2;
  // Lower-case letters and digits, like the recorder's ids: object keys allow nothing else (server/storage/object-key.ts).
  const recording = { id: `rec${randomUUID().replaceAll('-', '')}` };
  await db.query(
    `INSERT INTO "ShowRecording" ("id", "showId", "status", "storagePrefix", "startedAt") VALUES ($1, $2, 'RECORDING', $3, $4)`,
    [recording.id, options.showId, `recordings/${recording.id}/`, options.startedAt],
  );
  const storagePrefix = `recordings/${recording.id}/`;
  const playlistFile = uploadPath(options.dataDir, `${storagePrefix}index.m3u8`);
  if (!playlistFile) throw new Error(`recording ${recording.id} would land outside the uploads folder`);
  const dir = path.dirname(playlistFile);
  await mkdir(dir, { recursive: true });
  // One keyframe a segment and no B-frames: the segments cut exactly and every one starts decodable.
  const fps = 25;
  await run(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc=size=640x360:rate=${fps}`],
      ...['-t', String(options.seconds)],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-bf', '0'],
      ...['-g', String(fps * segmentSeconds), '-keyint_min', String(fps * segmentSeconds), '-sc_threshold', '0'],
      ...['-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_list_size', '0', '-hls_playlist_type', 'vod'],
      ...['-hls_flags', 'program_date_time', '-hls_segment_filename', path.join(dir, 's0-%05d.ts')],
      playlistFile,
    ],
    { timeout: 120_000 },
  );
  const { text, segments, durationMs } = restampProgramDateTimes(await readFile(playlistFile, 'utf8'), options.startedAt.getTime());
  await writeFile(playlistFile, text);
  const endedAt = new Date(options.startedAt.getTime() + durationMs);
  await db.query(
    `UPDATE "ShowRecording" SET "status" = 'READY', "endedAt" = $2, "durationMs" = $3, "segmentCount" = $4,
            "bytes" = $5 WHERE "id" = $1`,
    [recording.id, endedAt, durationMs, segments, await bytesIn(dir)],
  );
  return { recordingId: recording.id, storagePrefix, startedAt: options.startedAt, endedAt, segmentCount: segments };
}

async function bytesIn(dir: string): Promise<number> {
  const sizes = await Promise.all((await readdir(dir)).map(async (name) => (await stat(path.join(dir, name))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Removes a fixture's files (its row goes with its show). */
export async function removeHlsRecording(dataDir: string, fixture: HlsFixture): Promise<void> {
  const playlistFile = uploadPath(dataDir, `${fixture.storagePrefix}index.m3u8`);
  if (playlistFile) await rm(path.dirname(playlistFile), { recursive: true, force: true });
}

/** Every segment's EXT-X-PROGRAM-DATE-TIME set from `startMs` plus the durations before it. */
export function restampProgramDateTimes(playlist: string, startMs: number): { text: string; segments: number; durationMs: number } {
  const out: string[] = [];
  let elapsedMs = 0;
  let pendingMs = 0;
  let segments = 0;
  for (const line of playlist.split('\n')) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) continue;
    const extinf = /^#EXTINF:([\d.]+)/.exec(line);
    if (extinf) {
      pendingMs = Math.round(Number(extinf[1]) * 1000);
      out.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(startMs + elapsedMs).toISOString()}`);
    }
    out.push(line);
    if (line !== '' && !line.startsWith('#')) {
      elapsedMs += pendingMs;
      segments++;
    }
  }
  return { text: out.join('\n'), segments, durationMs: elapsedMs };
}
