import type { Db } from '../context';
import { AppError } from '../errors';
import type { StageGuestView } from './stage';

/** How many present viewers the studio's list shows at once: enough to pick from, short enough for a phone. */
export const STAGE_CANDIDATES_MAX = 20;

/**
 * Who the host can invite from the people present in the show (the transport knows who is
 * connected; this decides who may be picked): signed-in people who are not the host, not
 * already invited or on stage and not banned, whose name contains the query, by name.
 */
export async function stageCandidates(
  db: Db,
  showId: string,
  present: readonly StageGuestView[],
  query: string,
): Promise<StageGuestView[]> {
  const needle = query.trim().toLocaleLowerCase();
  const unique = new Map(present.map((p) => [p.userId, p]));
  const ids = [...unique.keys()];
  if (ids.length === 0) return [];
  const [show, seated, banned] = await Promise.all([
    db.show.findUnique({ where: { id: showId }, select: { hostId: true } }),
    db.stageGuest.findMany({ where: { showId, userId: { in: ids } }, select: { userId: true } }),
    db.showBan.findMany({ where: { showId, userId: { in: ids } }, select: { userId: true } }),
  ]);
  const out = new Set([show?.hostId, ...seated.map((s) => s.userId), ...banned.map((b) => b.userId)]);
  return [...unique.values()]
    .filter((p) => !out.has(p.userId) && (needle === '' || p.name.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
    .slice(0, STAGE_CANDIDATES_MAX);
}

/** An influencer invited by handle ("@name" or "name"), who may not be watching yet: they see the invitation when they open the show. */
export async function stageInviteeByHandle(db: Db, handle: string): Promise<string> {
  const clean = handle.trim().toLowerCase().replace(/^@/, '');
  const profile = clean ? await db.influencerProfile.findUnique({ where: { handle: clean }, select: { userId: true } }) : null;
  if (!profile) throw new AppError('HOST_HANDLE_UNKNOWN', { handle: clean });
  return profile.userId;
}
