import { Prisma } from '../../db/client';
import type { Db } from '../context';

/** ConsentRecord.purpose for marketing email: campaigns, abandoned-bag follow-ups, "the replay is ready". */
export const MARKETING_PURPOSE = 'email.marketing';

/** Where a marketing consent change came from, as recorded in ConsentRecord.source. */
export type MarketingConsentSource = 'preferences' | 'signup' | 'unsubscribe-link';

// Consent is the log itself, not a flag beside it: the latest record for the purpose decides, so what we
// did can always be explained from the dated trail. No record at all means no consent.
export const hasMarketingConsentSql = (userIdColumn: Prisma.Sql): Prisma.Sql => Prisma.sql`
  COALESCE((SELECT c."granted" FROM "ConsentRecord" c
             WHERE c."userId" = ${userIdColumn} AND c."purpose" = ${MARKETING_PURPOSE}
             ORDER BY c."createdAt" DESC, c."id" DESC LIMIT 1), false)`;

export async function hasMarketingConsent(db: Db, userId: string): Promise<boolean> {
  const latest = await db.consentRecord.findFirst({
    where: { userId, purpose: MARKETING_PURPOSE },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { granted: true },
  });
  return latest?.granted ?? false;
}

/** Records a marketing consent answer; a repeat of the current answer writes nothing. */
export async function setMarketingConsent(db: Db, userId: string, granted: boolean, source: MarketingConsentSource): Promise<void> {
  if ((await hasMarketingConsent(db, userId)) === granted) return;
  await db.consentRecord.create({ data: { userId, purpose: MARKETING_PURPOSE, granted, source } });
}
