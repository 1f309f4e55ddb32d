// "The replay is ready": when a show's recording becomes READY, its attendees with marketing consent
// get one email (at most one per show and person, whatever number of recordings the show has).
import type { JobHandler } from '../../jobs/context';
import { enqueueEmails, type OutgoingEmail } from '../../mail/outbox';
import type { Db } from '../context';
import { attendeesSql } from './attendance';
import { hasMarketingConsentSql } from './consent';
import { Prisma } from '../../db/client';
import { marketingLinks } from './links';
import { renderReplayReadyEmail } from './render';

/** Queues the replay-ready job; written in the transaction that makes the recording READY. */
export async function queueReplayReady(tx: Pick<Db, 'job'>, showId: string): Promise<void> {
  await tx.job.createMany({
    data: [{ kind: 'campaign.replay-ready', payload: { showId }, dedupeKey: `replay-ready:${showId}` }],
    skipDuplicates: true,
  });
}

export const replayReadyJob: JobHandler<'campaign.replay-ready'> = async ({ showId }, ctx) => {
  const { db, env } = ctx;
  const show = await db.show.findUnique({ where: { id: showId }, select: { id: true, title: true, brand: { select: { name: true } } } });
  if (!show) return 'discard';
  const attendees = await db.$queryRaw<{ userId: string; email: string; locale: string | null }[]>`
    SELECT u."id" AS "userId", u."email", u."locale" FROM "User" u
     WHERE u."deletedAt" IS NULL
       AND u."id" IN (SELECT a."userId" FROM (${attendeesSql}) a WHERE a."showId" = ${showId})
       AND ${hasMarketingConsentSql(Prisma.sql`u."id"`)}`;
  const emails = attendees.map((a): OutgoingEmail => {
    const links = marketingLinks(env.PUBLIC_URL, env.AUTH_SECRET, { userId: a.userId, messageId: null }, { opens: false, clicks: false });
    const rendered = renderReplayReadyEmail(
      a.locale,
      { brand: show.brand.name, show: show.title, showUrl: `${env.PUBLIC_URL}/shows/${encodeURIComponent(showId)}` },
      links,
    );
    return {
      ...rendered,
      dedupeKey: `replay-ready:${showId}:${a.userId}`,
      to: a.email,
      kind: 'marketing.replay-ready',
      listUnsubscribeUrl: links.oneClickUrl,
    };
  });
  const queued = await enqueueEmails(db, emails);
  ctx.log.info({ showId, attendees: attendees.length, queued }, 'replay-ready emails queued');
  return 'done';
};
