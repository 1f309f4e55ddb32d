import type { Prisma } from '../../db/client';
import type { Db } from '../context';

type Tx = Prisma.TransactionClient;

/** What identified the person before erasure: the strings scrubbed from free text and JSON payloads. */
export interface PersonStrings {
  userId: string;
  email: string;
  name: string;
  /** Every field of every saved address, and of the shipping copies of finished orders. */
  addressParts: string[];
}

/** The name and email a deleted account shows from now on (User.name stays required and User.email unique). */
export const DELETED_NAME = 'Deleted account';
export const deletedEmail = (userId: string) => `deleted+${userId}@deleted.invalid`;

/**
 * Orders a brand has finished with: their shipping copy is no longer needed, so it is replaced. Orders
 * still on their way keep where they ship until they finish (scrubFinishedOrdersOfDeletedAccounts).
 */
export const FINISHED_ORDER_STATUSES = ['DELIVERED', 'CANCELLED', 'REFUNDED'] as const;

/** Parts shorter than this are not hunted in other people's text: "LA" or "1" would garble everything. */
const MIN_SCRUB_LENGTH = 4;

export async function collectPersonStrings(tx: Tx, userId: string): Promise<PersonStrings> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const addresses = await tx.address.findMany({ where: { userId } });
  const shipped = await tx.order.findMany({
    where: { buyerId: userId },
    select: { shipName: true, shipLine1: true, shipLine2: true, shipCity: true, shipPhone: true, shipPostalCode: true },
  });
  const parts = [
    ...addresses.flatMap((a) => [a.fullName, a.line1, a.line2, a.city, a.phone, a.postalCode]),
    ...shipped.flatMap((o) => [o.shipName, o.shipLine1, o.shipLine2, o.shipCity, o.shipPhone, o.shipPostalCode]),
  ];
  return { userId, email: user.email, name: user.name, addressParts: unique(parts) };
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.map((v) => v?.trim() ?? '').filter((v) => v.length >= MIN_SCRUB_LENGTH))];
}

/** The strings to replace in text written about the person, longest first so a name inside an address line goes with it. */
function needles(person: PersonStrings): string[] {
  return unique([person.email, person.name, ...person.addressParts]).sort((a, b) => b.length - a.length);
}

/**
 * Erases the person's data in every table that holds it; runs inside deleteAccount's transaction and
 * is harmless to run again. docs/security.md "Personal data" lists each step and what is kept; the
 * erasure-completeness test searches every text and JSON column afterwards.
 */
export async function erasePersonalData(tx: Tx, person: PersonStrings, now: Date): Promise<void> {
  const { userId, email } = person;
  // What they saved or chose: gone. Orders keep their own shipping copy (Order.ship*).
  await tx.paymentMethod.deleteMany({ where: { userId } });
  await tx.stripeCustomer.deleteMany({ where: { userId } });
  await tx.address.deleteMany({ where: { userId } });
  await tx.brandFollow.deleteMany({ where: { userId } });
  await tx.hostFollow.deleteMany({ where: { OR: [{ userId }, { hostId: userId }] } });
  await tx.showReminder.deleteMany({ where: { userId } });
  await tx.notificationPreference.deleteMany({ where: { userId } });
  // The browsers they turned web push on in: their endpoints and keys are the person's.
  await tx.pushSubscription.deleteMany({ where: { userId } });
  await tx.pushPreference.deleteMany({ where: { userId } });
  await tx.influencerProfile.deleteMany({ where: { userId } });
  await tx.brandMember.deleteMany({ where: { userId } });
  await tx.bagItem.deleteMany({ where: { userId } });
  await tx.assistantCard.deleteMany({ where: { userId } });
  await tx.stageGuest.deleteMany({ where: { userId } });
  await tx.waitlistEntry.updateMany({ where: { userId, status: 'WAITING' }, data: { status: 'CANCELLED', closedAt: now } });

  // Sign-in tokens and invitations addressed to them: a link in an old email must not sign anyone in.
  await tx.signInToken.deleteMany({ where: { OR: [{ userId }, { email }] } });
  await tx.brandInvite.deleteMany({ where: { email } });
  await tx.showInvite.deleteMany({ where: { email } });

  // Their own words. Chat and questions are blanked, not kept under "Deleted account": people type
  // phone numbers and addresses into chat, and replays show it to anyone.
  await tx.show.updateMany({ where: { pinnedMessage: { userId } }, data: { pinnedMessageId: null } });
  await tx.chatMessage.updateMany({ where: { userId }, data: { text: '' } });
  await tx.chatMessage.updateMany({ where: { userId, deletedAt: null }, data: { deletedAt: now } });
  await tx.showQuestion.deleteMany({ where: { userId } });
  // Their reviews go (with the reports and votes on them); the product's rating is computed from what is left.
  await tx.productReview.deleteMany({ where: { authorId: userId } });
  // What the show's analytics recorded of them (server/realtime personKey): figures already in reports stay counts.
  await tx.showAnalyticsEvent.deleteMany({ where: { viewer: `user:${userId}` } });
  // Support threads they opened as a buyer go with their messages; replies they wrote for a brand stay the brand's.
  await tx.supportConversation.deleteMany({ where: { buyerId: userId } });
  await tx.returnRequest.updateMany({ where: { order: { buyerId: userId } }, data: { reason: '' } });

  // Mail sent to them, and mail waiting to be sent to them.
  await tx.emailMessage.deleteMany({ where: { to: { equals: email, mode: 'insensitive' } } });
  await tx.$executeRaw`DELETE FROM "Job" WHERE "kind" = 'email.send' AND lower("payload" ->> 'to') = ${email.toLowerCase()}`;

  await anonymiseFinishedOrders(tx, userId);
  await scrubText(tx, needles(person));

  await tx.user.update({
    where: { id: userId },
    data: {
      email: deletedEmail(userId),
      name: DELETED_NAME,
      passwordHash: null,
      emailVerifiedAt: null,
      locale: null,
      // A host's Connect account: no payout can follow a deleted account.
      stripeAccountId: null,
      deletedAt: now,
      sessionVersion: { increment: 1 },
    },
  });
}

/** Replaces the buyer on finished orders; the country stays for the brand's tax records. */
export async function anonymiseFinishedOrders(tx: Tx, buyerId: string): Promise<number> {
  const { count } = await tx.order.updateMany({
    where: { buyerId, status: { in: [...FINISHED_ORDER_STATUSES] }, NOT: { shipName: DELETED_NAME } },
    data: ANONYMOUS_SHIPPING,
  });
  return count;
}

/**
 * An order still on its way when its buyer deleted the account kept where it ships; once the brand
 * has finished with it, the job runner's sweep replaces that too. Answers how many orders it changed.
 */
export async function anonymiseFinishedOrdersOfDeletedAccounts(db: Db): Promise<number> {
  const { count } = await db.order.updateMany({
    where: { buyer: { deletedAt: { not: null } }, status: { in: [...FINISHED_ORDER_STATUSES] }, NOT: { shipName: DELETED_NAME } },
    data: ANONYMOUS_SHIPPING,
  });
  return count;
}

const ANONYMOUS_SHIPPING = {
  shipName: DELETED_NAME,
  shipLine1: '',
  shipLine2: '',
  shipCity: '',
  shipRegion: '',
  shipPostalCode: '',
  shipPhone: '',
};

/**
 * Other rows mention the person inside free text or JSON: emails to a brand about their order, job
 * payloads, webhook payloads (order.* events carry the shipping address), payment provider events.
 * JSON is rewritten as text with each needle in its JSON-escaped form, so the document stays valid.
 */
async function scrubText(tx: Tx, strings: string[]): Promise<void> {
  for (const needle of strings) {
    const escaped = JSON.stringify(needle).slice(1, -1);
    const pattern = `%${likeEscape(needle)}%`;
    const jsonPattern = `%${likeEscape(escaped)}%`;
    await tx.$executeRaw`UPDATE "EmailMessage" SET "to" = replace("to", ${needle}, ${REDACTED}), "subject" = replace("subject", ${needle}, ${REDACTED}),
      "text" = replace("text", ${needle}, ${REDACTED}), "html" = replace("html", ${needle}, ${REDACTED})
      WHERE "to" ILIKE ${pattern} OR "subject" ILIKE ${pattern} OR "text" ILIKE ${pattern} OR "html" ILIKE ${pattern}`;
    await tx.$executeRaw`UPDATE "Job" SET "payload" = replace("payload"::text, ${escaped}, ${REDACTED})::jsonb WHERE "payload"::text ILIKE ${jsonPattern}`;
    await tx.$executeRaw`UPDATE "BrandEvent" SET "data" = replace("data"::text, ${escaped}, ${REDACTED})::jsonb WHERE "data"::text ILIKE ${jsonPattern}`;
    await tx.$executeRaw`UPDATE "PaymentWebhookEvent" SET "payload" = replace("payload"::text, ${escaped}, ${REDACTED})::jsonb
      WHERE "payload"::text ILIKE ${jsonPattern}`;
    await tx.$executeRaw`UPDATE "WebhookDelivery" SET "lastError" = replace("lastError", ${needle}, ${REDACTED}) WHERE "lastError" ILIKE ${pattern}`;
  }
}

/** What replaces the person's words in text kept for others. */
export const REDACTED = '[deleted]';

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
