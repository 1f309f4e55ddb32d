import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { requireModerator } from '../shows';
import { addDestinationSchema, MAX_DESTINATIONS_PER_SHOW, type SimulcastPlatform } from './destinations.schema';
import { openSecret, sealSecret } from './secret-box';

/** A destination as the studio sees it: never the stream key, only its last four characters. */
export interface DestinationView {
  id: string;
  platform: SimulcastPlatform;
  ingestUrl: string;
  keyLast4: string;
  enabled: boolean;
}

/** What the pusher needs, server side only: the full publish URL carries the key. */
export interface PushTarget {
  destinationId: string;
  /** ingest URL + '/' + stream key. */
  publishUrl: string;
  streamKey: string;
}

const viewSelect = { id: true, platform: true, ingestUrl: true, streamKeyLast4: true, enabled: true } as const;

function toView(row: { id: string; platform: string; ingestUrl: string; streamKeyLast4: string; enabled: boolean }): DestinationView {
  return {
    id: row.id,
    platform: row.platform as SimulcastPlatform,
    ingestUrl: row.ingestUrl,
    keyLast4: row.streamKeyLast4,
    enabled: row.enabled,
  };
}

/** The host and the brand's members manage a show's destinations (the same people who moderate it). */
export async function listDestinations(db: Db, actor: Actor, showId: string): Promise<DestinationView[]> {
  await requireModerator(db, actor, showId);
  const rows = await db.simulcastDestination.findMany({ where: { showId }, select: viewSelect, orderBy: { createdAt: 'asc' } });
  return rows.map(toView);
}

export async function addDestination(db: Db, key: Buffer, actor: Actor, showId: string, input: unknown): Promise<DestinationView> {
  const parsed = addDestinationSchema.safeParse(input);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message;
    throw reason === 'SIMULCAST_URL_RULE' || reason === 'SIMULCAST_KEY_RULE' ? new AppError(reason) : new AppError('INVALID_INPUT');
  }
  await requireModerator(db, actor, showId);
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true } });
  if (show?.status === 'ENDED' || show?.status === 'CANCELLED') throw new AppError('SHOW_FINISHED', `show ${showId} is ${show.status}`);
  const { platform, ingestUrl, streamKey } = parsed.data;
  return db.$transaction(async (tx) => {
    // Serialises concurrent adds for one show so the cap holds.
    await tx.$queryRaw`SELECT id FROM "Show" WHERE id = ${showId} FOR UPDATE`;
    const count = await tx.simulcastDestination.count({ where: { showId } });
    if (count >= MAX_DESTINATIONS_PER_SHOW) throw new AppError('SIMULCAST_TOO_MANY', { max: MAX_DESTINATIONS_PER_SHOW });
    const row = await tx.simulcastDestination.create({
      data: {
        showId,
        platform,
        ingestUrl: ingestUrl.replace(/\/+$/, ''),
        streamKeySealed: sealSecret(key, streamKey),
        streamKeyLast4: streamKey.slice(-4),
      },
      select: viewSelect,
    });
    return toView(row);
  });
}

export async function removeDestination(db: Db, actor: Actor, showId: string, destinationId: string): Promise<void> {
  await requireModerator(db, actor, showId);
  const { count } = await db.simulcastDestination.deleteMany({ where: { id: destinationId, showId } });
  if (count === 0) throw new AppError('SIMULCAST_DESTINATION_NOT_FOUND', `destination ${destinationId} not in show ${showId}`);
}

export async function setDestinationEnabled(
  db: Db,
  actor: Actor,
  showId: string,
  destinationId: string,
  enabled: boolean,
): Promise<DestinationView> {
  await requireModerator(db, actor, showId);
  const { count } = await db.simulcastDestination.updateMany({ where: { id: destinationId, showId }, data: { enabled } });
  if (count === 0) throw new AppError('SIMULCAST_DESTINATION_NOT_FOUND', `destination ${destinationId} not in show ${showId}`);
  return toView(await db.simulcastDestination.findUniqueOrThrow({ where: { id: destinationId }, select: viewSelect }));
}

/**
 * The enabled destinations of a live show with their keys opened, for the pusher on
 * this server. Nothing here reaches a client. Empty unless the show is live.
 */
export async function pushTargets(db: Db, key: Buffer, showId: string): Promise<PushTarget[]> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { status: true, simulcastDestinations: { where: { enabled: true }, orderBy: { createdAt: 'asc' } } },
  });
  if (show?.status !== 'LIVE') return [];
  // A key sealed under an earlier SECRETS_KEY cannot be opened: that destination is left out (the studio
  // shows it off) rather than stopping the show's other destinations; the host enters its key again.
  return show.simulcastDestinations.flatMap((row) => {
    let streamKey: string;
    try {
      streamKey = openSecret(key, row.streamKeySealed);
    } catch {
      return [];
    }
    return [{ destinationId: row.id, publishUrl: `${row.ingestUrl}/${streamKey}`, streamKey }];
  });
}

/** Who hears a destination's push state: the show's host (null once the show is gone). */
export async function simulcastListener(db: Db, showId: string): Promise<string | null> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { hostId: true } });
  return show?.hostId ?? null;
}
