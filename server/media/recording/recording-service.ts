import type { Logger } from 'pino';
import type { MediaService } from '../media-service';
import type { RoomCloseReason, ShowMediaRoom } from '../show-media-room';
import { ShowRecorder, type RecorderDeps } from './show-recorder';

// The host's audio and video arrive as two producers a moment apart: one session for both.
const SETTLE_MS = 700;
// ffmpeg dying on its own (not asked to) is retried this often per recording, then given up.
const MAX_UNASKED_RESTARTS = 5;

/**
 * Records every live show whose brand left recording on: it follows the media rooms (a host
 * publishing, republishing, a worker dying, the show ending) and keeps one ShowRecorder per show.
 * Without ffmpeg on the machine the recording is marked FAILED (logged) and the show stays live.
 */
export class RecordingService {
  private readonly recorders = new Map<string, ShowRecorder>();
  private readonly settling = new Map<string, NodeJS.Timeout>();
  private readonly syncing = new Map<string, Promise<void>>();
  private readonly unaskedExits = new Map<string, number>();
  /** Shows whose recording could not start at all: not retried for the rest of the show. */
  private readonly failed = new Set<string>();
  private closed = false;
  private readonly onRoom = (room: ShowMediaRoom) => this.follow(room);

  private constructor(
    private readonly media: MediaService,
    private readonly deps: RecorderDeps,
    private readonly log: Logger,
  ) {}

  static attach(media: MediaService, deps: Omit<RecorderDeps, 'log'> & { log: Logger }): RecordingService {
    const log = deps.log.child({ component: 'recording' });
    const service = new RecordingService(media, { ...deps, log }, log);
    media.on('roomOpened', service.onRoom);
    for (const room of media.openRooms()) service.follow(room);
    return service;
  }

  /** The recorder of a live show (tests and benchmarks look at its ffmpeg). */
  recorderOf(showId: string): ShowRecorder | undefined {
    return this.recorders.get(showId);
  }

  /**
   * Ends a show's recording if the show has ended. The host's "End show" closes the room, which
   * does this; a show ended another way (the API, a sweep) calls it directly.
   */
  async showEnded(showId: string): Promise<void> {
    await this.syncing.get(showId);
    const recorder = this.recorders.get(showId);
    if (!recorder || !(await this.deps.ledger.showEnded(showId))) return;
    this.recorders.delete(showId);
    this.failed.delete(showId);
    this.unaskedExits.delete(showId);
    await recorder.finish();
  }

  /** Process shutdown: ffmpeg is stopped (its last segment stored); recordings stay open for the show. */
  async close(): Promise<void> {
    this.closed = true;
    this.media.off('roomOpened', this.onRoom);
    for (const timer of this.settling.values()) clearTimeout(timer);
    // A session still starting would set its ffmpeg after the stop below, and outlive the process.
    await Promise.all(this.syncing.values());
    await Promise.all([...this.recorders.values()].map((r) => r.stopSession()));
  }

  private follow(room: ShowMediaRoom): void {
    const settle = () => this.settle(room);
    room.on('producerAdded', settle);
    room.on('producerClosed', settle);
    room.once('closed', (reason) => {
      room.off('producerAdded', settle);
      room.off('producerClosed', settle);
      this.roomClosed(room, reason).catch((error: unknown) =>
        this.log.error({ err: error, showId: room.showId }, 'ending a recording failed'),
      );
    });
    if (room.localProducers().length > 0) settle();
  }

  private settle(room: ShowMediaRoom): void {
    if (this.closed) return;
    clearTimeout(this.settling.get(room.showId));
    this.settling.set(
      room.showId,
      setTimeout(() => {
        this.settling.delete(room.showId);
        this.serialized(room.showId, () => this.sync(room));
      }, SETTLE_MS),
    );
  }

  private serialized(showId: string, step: () => Promise<void>): void {
    const next = (this.syncing.get(showId) ?? Promise.resolve())
      .then(step)
      .catch((error: unknown) => this.log.error({ err: error, showId }, 'recording step failed'));
    this.syncing.set(showId, next);
    void next.finally(() => this.syncing.get(showId) === next && this.syncing.delete(showId));
  }

  /** Brings the show's recording in line with the room's producers. */
  private async sync(room: ShowMediaRoom): Promise<void> {
    const { showId } = room;
    if (this.closed || room.isClosed || this.failed.has(showId)) return;
    const producers = room.localProducers().filter((p) => !p.closed);
    let recorder = this.recorders.get(showId);
    // Segments are cut on video key frames: without a camera there is nothing to record.
    if (!producers.some((p) => p.kind === 'video')) return void (await recorder?.stopSession());
    if (recorder?.records(producers)) return;
    if (!recorder) {
      const opened = await this.deps.ledger.open(showId);
      if (!opened) return;
      recorder = new ShowRecorder(showId, opened.id, opened.storagePrefix, this.deps);
      this.recorders.set(showId, recorder);
    }
    let session;
    const router = room.originRouter;
    try {
      session = await recorder.startSession(router, producers);
    } catch (error) {
      // The room's worker died while the session started (its router closed under it, "Channel closed"): the room
      // is rebuilt on another worker and the host publishes again, which settles here again. The recording goes
      // on after a gap; only a recorder that cannot start on a live router gives the show up. A CI run saw the
      // recording marked FAILED this way after a worker was killed.
      if (router.closed || room.isClosed) {
        this.log.warn({ err: error, showId, recordingId: recorder.recordingId }, 'the recording lost its router while starting');
        await recorder.stopSession();
        return;
      }
      this.failed.add(showId);
      this.recorders.delete(showId);
      this.log.error(
        { err: error, showId, recordingId: recorder.recordingId },
        'the recorder could not start (is ffmpeg installed?); the show goes on unrecorded',
      );
      await recorder.stopSession();
      await this.deps.ledger.fail(recorder.recordingId);
      return;
    }
    session.once('exit', ({ stopped }) => {
      if (stopped || this.closed || room.isClosed) return;
      const exits = (this.unaskedExits.get(showId) ?? 0) + 1;
      this.unaskedExits.set(showId, exits);
      if (exits <= MAX_UNASKED_RESTARTS) this.settle(room);
    });
  }

  private async roomClosed(room: ShowMediaRoom, reason: RoomCloseReason): Promise<void> {
    clearTimeout(this.settling.get(room.showId));
    this.settling.delete(room.showId);
    // Wait for a session being started on this room, then stop it: its transports died with the router.
    this.serialized(room.showId, async () => {
      await this.recorders.get(room.showId)?.stopSession();
    });
    await this.syncing.get(room.showId);
    // A dead worker's room is rebuilt and the host publishes again: the recording goes on after a gap. After
    // close() (the process shutting down, its rooms closing with it) the show has not ended, and the database
    // may already be gone.
    if (reason === 'closed' && !this.closed) await this.showEnded(room.showId);
  }
}
