import { randomBytes } from 'node:crypto';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { requireBrandMember } from '../brands';
import { queueReplayReady } from '../campaigns';
import { recordBrandEvent } from '../events';
import type { ObjectStore } from '../../storage/object-store';

/** Where a recording's objects live: `recordings/<id>/`, its playlist `recordings/<id>/index.m3u8`. */
export function recordingPrefix(recordingId: string): string {
  return `recordings/${recordingId}/`;
}

export const PLAYLIST_FILE = 'index.m3u8';

export interface OpenRecording {
  id: string;
  storagePrefix: string;
}

// Lower-case letters and digits only, so the id is a safe object-key segment (server/storage/object-key.ts).
function newRecordingId(): string {
  return `rec${randomBytes(12).toString('hex')}`;
}

/**
 * The recording a live show's media is written into: the one already open (a worker restart or a
 * host republish continues it, with a discontinuity) or a new one. Null when the brand turned
 * recording off or the show is not live, so nothing is recorded.
 */
export async function openRecording(db: Db, showId: string): Promise<OpenRecording | null> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true, recordingEnabled: true } });
  if (!show || show.status !== 'LIVE' || !show.recordingEnabled) return null;
  const open = await db.showRecording.findFirst({
    where: { showId, status: 'RECORDING' },
    orderBy: { startedAt: 'desc' },
    select: { id: true, storagePrefix: true },
  });
  if (open) return open;
  const id = newRecordingId();
  return db.showRecording.create({ data: { id, showId, storagePrefix: recordingPrefix(id) }, select: { id: true, storagePrefix: true } });
}

export interface RecordingProgress {
  segmentCount: number;
  bytes: number;
  durationMs: number;
}

export async function recordRecordingProgress(db: Db, recordingId: string, progress: RecordingProgress): Promise<void> {
  await db.showRecording.updateMany({
    where: { id: recordingId, status: 'RECORDING' },
    data: { segmentCount: progress.segmentCount, bytes: BigInt(progress.bytes), durationMs: Math.round(progress.durationMs) },
  });
}

/** Whether the show a recording belongs to has ended (then the recorder writes the final playlist). */
export async function showHasEnded(db: Db, showId: string): Promise<boolean> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true } });
  return !show || show.status === 'ENDED' || show.status === 'CANCELLED';
}

/**
 * The playlist is final: READY with `recording.ready` when it holds at least one segment, FAILED
 * otherwise (ffmpeg missing or nothing ever arrived). Conditional on RECORDING, so it happens once.
 */
export async function finishRecording(db: Db, recordingId: string, progress: RecordingProgress): Promise<'READY' | 'FAILED' | null> {
  const status = progress.segmentCount > 0 ? 'READY' : 'FAILED';
  return db.$transaction(async (tx) => {
    const { count } = await tx.showRecording.updateMany({
      where: { id: recordingId, status: 'RECORDING' },
      data: {
        status,
        endedAt: new Date(),
        segmentCount: progress.segmentCount,
        bytes: BigInt(progress.bytes),
        durationMs: Math.round(progress.durationMs),
      },
    });
    if (count === 0) return null;
    if (status === 'READY') {
      const row = await tx.showRecording.findUniqueOrThrow({
        where: { id: recordingId },
        select: { showId: true, show: { select: { brandId: true } } },
      });
      await recordBrandEvent(tx, row.show.brandId, 'recording.ready', {
        recordingId,
        showId: row.showId,
        durationMs: Math.round(progress.durationMs),
        segmentCount: progress.segmentCount,
        bytes: progress.bytes,
      });
      await queueReplayReady(tx, row.showId);
    }
    return status;
  });
}

/** A recording that could not start at all (no ffmpeg on the machine): the show stays live without it. */
export async function failRecording(db: Db, recordingId: string): Promise<void> {
  await db.showRecording.updateMany({ where: { id: recordingId, status: 'RECORDING' }, data: { status: 'FAILED', endedAt: new Date() } });
}

export interface HlsSource {
  recordingId: string;
  storagePrefix: string;
  /** RECORDING: a live playlist that grows; READY: final (EXT-X-ENDLIST). */
  status: 'RECORDING' | 'READY';
}

/**
 * What `/api/shows/<showId>/hls/…` serves: the show's newest recording that is being written or is
 * ready. A deleted one has no row, a failed one nothing worth playing: both answer null (404).
 */
export async function hlsSourceForShow(db: Db, showId: string): Promise<HlsSource | null> {
  const row = await db.showRecording.findFirst({
    where: { showId, status: { in: ['RECORDING', 'READY'] }, show: { status: { in: ['LIVE', 'ENDED'] } } },
    orderBy: { startedAt: 'desc' },
    select: { id: true, storagePrefix: true, status: true },
  });
  if (!row || row.status === 'FAILED') return null;
  return { recordingId: row.id, storagePrefix: row.storagePrefix, status: row.status };
}

export interface RecordingSummary {
  id: string;
  status: 'RECORDING' | 'READY' | 'FAILED';
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number;
  segmentCount: number;
  bytes: number;
}

/** A show's recordings for its brand (dashboard, API). */
export async function listShowRecordings(db: Db, actor: Actor, showId: string): Promise<RecordingSummary[]> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { brandId: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId}`);
  await requireBrandMember(db, actor, { id: show.brandId });
  const rows = await db.showRecording.findMany({ where: { showId }, orderBy: { startedAt: 'asc' } });
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

/**
 * The brand deletes a recording: its objects go first (a row without objects would promise a
 * replay that cannot play), then the row, with `recording.deleted`. Deleting one that is being
 * written is refused: the recorder would write into it again.
 */
export async function deleteRecording(db: Db, store: ObjectStore, actor: Actor, recordingId: string): Promise<void> {
  const row = await db.showRecording.findUnique({
    where: { id: recordingId },
    select: { id: true, showId: true, status: true, storagePrefix: true, show: { select: { brandId: true } } },
  });
  if (!row) throw new AppError('NOT_FOUND', `recording ${recordingId}`);
  await requireBrandMember(db, actor, { id: row.show.brandId });
  if (row.status === 'RECORDING') throw new AppError('INVALID_STATE', `recording ${recordingId} is still being written`);
  await store.deletePrefix(row.storagePrefix);
  await db.$transaction(async (tx) => {
    const { count } = await tx.showRecording.deleteMany({ where: { id: recordingId } });
    if (count === 1) await recordBrandEvent(tx, row.show.brandId, 'recording.deleted', { recordingId, showId: row.showId });
  });
}

/** The brand turns recording on or off for one show; a show already recording keeps its recording until it ends. */
export async function setRecordingEnabled(db: Db, actor: Actor, showId: string, enabled: boolean): Promise<void> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { brandId: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId}`);
  await requireBrandMember(db, actor, { id: show.brandId });
  await db.show.update({ where: { id: showId }, data: { recordingEnabled: enabled } });
}

/** The recorder's view of the database (server/media/recording `RecordingLedger`), bound by the composition root. */
export function recordingLedger(db: Db) {
  return {
    open: (showId: string) => openRecording(db, showId),
    progress: (recordingId: string, progress: RecordingProgress) => recordRecordingProgress(db, recordingId, progress),
    finish: (recordingId: string, progress: RecordingProgress) => finishRecording(db, recordingId, progress),
    fail: (recordingId: string) => failRecording(db, recordingId),
    showEnded: (showId: string) => showHasEnded(db, showId),
  };
}

/** Whether a live show has an HLS stream to fall back on: its brand left recording on. */
export async function showRecordsHls(db: Db, showId: string): Promise<boolean> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true, recordingEnabled: true } });
  return show?.status === 'LIVE' && show.recordingEnabled;
}
