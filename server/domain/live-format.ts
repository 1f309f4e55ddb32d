// Shared by the live formats (giveaways, polls, Q&A): who may run one, and when.
import type { Actor, Db } from './context';
import { AppError } from './errors';
import { requireModerator } from './shows';

/** The host or a brand member, in a show that is live: every format starts only on air. */
export async function requireLiveModerator(db: Db, actor: Actor, showId: string): Promise<void> {
  await requireModerator(db, actor, showId);
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true } });
  if (show?.status !== 'LIVE') throw new AppError('FORMAT_NEEDS_LIVE', `show ${showId} is ${show?.status ?? 'missing'}`);
}

/** "Sam Rivera" → "Sam R.": how a winner or a question's author is named in public. */
export { publicBuyerName as publicName } from './context';
