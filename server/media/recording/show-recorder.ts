import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { ObjectStore } from '../../storage/object-store';
import { renderPlaylist, type PlaylistSegment } from './hls-playlist';
import { RecordingSession, type LocalSegment } from './recording-session';

export const PLAYLIST_NAME = 'index.m3u8';
export const SEGMENT_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** A live playlist changes every segment; a final one never again, but a deleted recording must vanish. */
export const LIVE_PLAYLIST_CACHE_CONTROL = 'public, max-age=1';
export const FINAL_PLAYLIST_CACHE_CONTROL = 'public, max-age=300';

/** What the recorder writes to the database; the composition root binds it to server/domain/recordings. */
export interface RecordingLedger {
  open(showId: string): Promise<{ id: string; storagePrefix: string } | null>;
  progress(recordingId: string, progress: RecordingTotals): Promise<void>;
  finish(recordingId: string, progress: RecordingTotals): Promise<'READY' | 'FAILED' | null>;
  fail(recordingId: string): Promise<void>;
  showEnded(showId: string): Promise<boolean>;
}

export interface RecordingTotals {
  segmentCount: number;
  bytes: number;
  durationMs: number;
}

export interface RecorderDeps {
  store: ObjectStore;
  ledger: RecordingLedger;
  ffmpegPath: string;
  /** Local scratch space for ffmpeg's segments before they are stored. */
  workRoot: string;
  log: Logger;
}

/**
 * One show's recording (one ShowRecording row) across every ffmpeg session it needs: each finished
 * segment is stored under `recordings/<id>/`, the playlist rewritten after it, the row's totals
 * updated. A session after the first starts with EXT-X-DISCONTINUITY: the gap a worker restart or
 * a host republish left, never a second recording.
 */
export class ShowRecorder {
  private readonly segments: PlaylistSegment[] = [];
  private bytes = 0;
  private sessions = 0;
  private session: RecordingSession | undefined;
  /** The producers the running session records, to tell a new set from the same one. */
  private sessionKey = '';
  private writes: Promise<void> = Promise.resolve();
  private finished = false;

  constructor(
    readonly showId: string,
    readonly recordingId: string,
    private readonly prefix: string,
    private readonly deps: RecorderDeps,
  ) {}

  get recording(): RecordingSession | undefined {
    return this.session;
  }

  get totals(): RecordingTotals {
    return {
      segmentCount: this.segments.length,
      bytes: this.bytes,
      durationMs: this.segments.reduce((sum, s) => sum + s.durationS * 1000, 0),
    };
  }

  /** Whether these producers are what the running session records already. */
  records(producers: types.Producer[]): boolean {
    return this.session !== undefined && this.sessionKey === keyOf(producers);
  }

  async startSession(router: types.Router, producers: types.Producer[]): Promise<RecordingSession> {
    await this.stopSession();
    const number = ++this.sessions;
    const session = await RecordingSession.start(router, producers, {
      workDir: path.join(this.deps.workRoot, this.recordingId, `s${number}`),
      ffmpegPath: this.deps.ffmpegPath,
      log: this.deps.log,
    });
    this.session = session;
    this.sessionKey = keyOf(producers);
    let first = true;
    session.on('segment', (segment) => {
      const discontinuity = first && this.segments.length > 0;
      first = false;
      this.writes = this.writes.then(() => this.store(segment, number, discontinuity));
    });
    session.once('exit', ({ code, stopped }) => {
      if (this.session === session) {
        this.session = undefined;
        this.sessionKey = '';
      }
      if (!stopped)
        this.deps.log.warn({ recordingId: this.recordingId, code }, 'ffmpeg stopped on its own; the recording continues after a gap');
    });
    this.deps.log.info({ recordingId: this.recordingId, session: number, ffmpegPid: session.pid }, 'recording session started');
    return session;
  }

  /** Ends the running ffmpeg session (its last segment is stored); the recording stays open. */
  async stopSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.sessionKey = '';
    if (session) await session.stop();
    await this.writes;
  }

  /** The show ended: the last segments are stored, the playlist gets EXT-X-ENDLIST, the row READY. */
  async finish(): Promise<'READY' | 'FAILED' | null> {
    await this.stopSession();
    if (this.finished) return null;
    this.finished = true;
    if (this.segments.length > 0) await this.writePlaylist(true);
    await rm(path.join(this.deps.workRoot, this.recordingId), { recursive: true, force: true });
    const status = await this.deps.ledger.finish(this.recordingId, this.totals);
    this.deps.log.info({ recordingId: this.recordingId, status, ...this.totals }, 'recording finished');
    return status;
  }

  private async store(segment: LocalSegment, session: number, discontinuity: boolean): Promise<void> {
    try {
      const bytes = await readFile(segment.path);
      const name = `s${session}-${segment.file.replace(/^seg-/, '')}`;
      await this.deps.store.write(this.prefix + name, bytes, 'video/mp2t', { cacheControl: SEGMENT_CACHE_CONTROL });
      await rm(segment.path, { force: true });
      this.bytes += bytes.length;
      this.segments.push({ uri: name, startMs: segment.startMs, durationS: segment.durationS, discontinuity });
      await this.writePlaylist(false);
      await this.deps.ledger.progress(this.recordingId, this.totals);
    } catch (error) {
      this.deps.log.error({ err: error, recordingId: this.recordingId, file: segment.file }, 'storing a recorded segment failed');
    }
  }

  private async writePlaylist(final: boolean): Promise<void> {
    const text = renderPlaylist(this.segments, { final });
    await this.deps.store.write(this.prefix + PLAYLIST_NAME, new TextEncoder().encode(text), 'application/vnd.apple.mpegurl', {
      cacheControl: final ? FINAL_PLAYLIST_CACHE_CONTROL : LIVE_PLAYLIST_CACHE_CONTROL,
    });
  }
}

function keyOf(producers: types.Producer[]): string {
  return producers
    .map((p) => p.id)
    .sort()
    .join(',');
}
