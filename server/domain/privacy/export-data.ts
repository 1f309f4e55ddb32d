import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { takeThrottle, type ThrottlePolicy } from '../throttle';

/**
 * The shape of the download is documented in docs/security.md ("Personal data"); a change that
 * removes or renames a field raises the version, an added field does not.
 */
export const DATA_EXPORT_SCHEMA_VERSION = 1;

/** Building the file reads every table the person appears in: a few a day is plenty, a loop is not. */
export const DATA_EXPORT_THROTTLE: ThrottlePolicy = { name: 'data-export', limit: 5, windowSeconds: 60 * 60 };

/** Orders and chat messages are read and written out in pages, so a big account never sits in memory whole. */
const PAGE = 500;

/**
 * Everything the app holds about the signed-in person, as one JSON document written out piece by
 * piece. Counts against DATA_EXPORT_THROTTLE before anything is read. Nothing of another person goes
 * in: a brand's replies in support threads are the only other people's words, and they were written
 * to this person.
 */
export async function exportMyData(db: Db, actor: Actor, now = new Date()): Promise<AsyncIterable<string>> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', 'no such account');
  await takeThrottle(db, DATA_EXPORT_THROTTLE, actor.userId);
  return writeExport(db, actor.userId, now);
}

async function* writeExport(db: Db, userId: string, now: Date): AsyncGenerator<string> {
  yield `{"schemaVersion":${DATA_EXPORT_SCHEMA_VERSION},"exportedAt":${JSON.stringify(now.toISOString())}`;
  for (const [key, read] of Object.entries(sections)) yield `,${JSON.stringify(key)}:${JSON.stringify(await read(db, userId))}`;
  yield ',"orders":';
  yield* pagedArray((cursor) => ordersPage(db, userId, cursor));
  yield ',"chatMessages":';
  yield* pagedArray((cursor) => chatPage(db, userId, cursor));
  yield '}\n';
}

async function* pagedArray<T extends { id: string }>(page: (cursor: string | null) => Promise<T[]>): AsyncGenerator<string> {
  yield '[';
  let cursor: string | null = null;
  let first = true;
  for (;;) {
    const rows = await page(cursor);
    for (const row of rows) {
      yield `${first ? '' : ','}${JSON.stringify(row)}`;
      first = false;
    }
    if (rows.length < PAGE) break;
    cursor = rows.at(-1)!.id;
  }
  yield ']';
}

const after = (cursor: string | null) => (cursor ? { id: { gt: cursor } } : {});

function ordersPage(db: Db, userId: string, cursor: string | null) {
  return db.order.findMany({
    where: { buyerId: userId, ...after(cursor) },
    orderBy: { id: 'asc' },
    take: PAGE,
    select: {
      id: true,
      number: true,
      brand: { select: { name: true, slug: true } },
      show: { select: { id: true, title: true } },
      status: true,
      source: true,
      currency: true,
      subtotalMinor: true,
      shippingMinor: true,
      discountMinor: true,
      totalMinor: true,
      refundedMinor: true,
      shipName: true,
      shipLine1: true,
      shipLine2: true,
      shipCity: true,
      shipRegion: true,
      shipPostalCode: true,
      shipCountry: true,
      shipPhone: true,
      carrier: true,
      trackingNumber: true,
      createdAt: true,
      paidAt: true,
      shippedAt: true,
      deliveredAt: true,
      cancelledAt: true,
      refundedAt: true,
      items: { select: { title: true, quantity: true, unitPriceMinor: true, currency: true } },
      events: { orderBy: { createdAt: 'asc' }, select: { status: true, createdAt: true, refundMinor: true } },
      returnRequest: { select: { reason: true, createdAt: true } },
    },
  });
}

function chatPage(db: Db, userId: string, cursor: string | null) {
  return db.chatMessage.findMany({
    where: { userId, ...after(cursor) },
    orderBy: { id: 'asc' },
    take: PAGE,
    select: { id: true, show: { select: { id: true, title: true } }, text: true, createdAt: true, deletedAt: true },
  });
}

/** The small sections, in the order they appear in the file. */
const sections: Record<string, (db: Db, userId: string) => Promise<unknown>> = {
  account: (db, userId) =>
    db.user
      .findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          emailVerifiedAt: true,
          passwordHash: true,
          stripeAccountId: true,
          createdAt: true,
        },
      })
      // Whether a password is set, never its hash.
      .then(({ passwordHash, ...rest }) => ({ ...rest, hasPassword: passwordHash !== null })),
  // Sessions are signed cookies (server/auth/options.ts), not rows: there is no list to give, only
  // the pending email sign-in links.
  signInLinks: (db, userId) =>
    db.signInToken.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { purpose: true, createdAt: true, expiresAt: true, usedAt: true },
    }),
  influencerProfile: (db, userId) =>
    db.influencerProfile.findUnique({
      where: { userId },
      select: { handle: true, bio: true, avatarUrl: true, links: true, createdAt: true },
    }),
  notificationSettings: (db, userId) =>
    db.notificationPreference.findUnique({
      where: { userId },
      select: { emailReminders: true, emailLive: true, emailShowChanges: true, reminderLeadMinutes: true, updatedAt: true },
    }),
  pushSettings: (db, userId) =>
    db.pushPreference.findUnique({
      where: { userId },
      select: { live: true, reminders: true, outbid: true, orders: true, updatedAt: true },
    }),
  // The browsers with web push on: where their push service is and when; never the encryption keys.
  pushBrowsers: (db, userId) =>
    db.pushSubscription.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { endpoint: true, userAgent: true, createdAt: true, lastUsedAt: true },
    }),
  consents: (db, userId) =>
    db.consentRecord.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { purpose: true, granted: true, source: true, createdAt: true },
    }),
  addresses: (db, userId) =>
    db.address.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        fullName: true,
        line1: true,
        line2: true,
        city: true,
        region: true,
        postalCode: true,
        country: true,
        phone: true,
        isDefault: true,
        createdAt: true,
      },
    }),
  // The card's brand and last four digits only: the provider's token stays ours.
  paymentMethods: (db, userId) =>
    db.paymentMethod.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { provider: true, brand: true, last4: true, expMonth: true, expYear: true, isDefault: true, createdAt: true },
    }),
  brandMemberships: (db, userId) =>
    db.brandMember.findMany({ where: { userId }, select: { role: true, createdAt: true, brand: { select: { name: true, slug: true } } } }),
  follows: async (db, userId) => ({
    brands: await db.brandFollow.findMany({
      where: { userId },
      select: { createdAt: true, brand: { select: { name: true, slug: true } } },
    }),
    hosts: await db.hostFollow.findMany({
      where: { userId },
      select: { createdAt: true, host: { select: { name: true, influencer: { select: { handle: true } } } } },
    }),
  }),
  showReminders: (db, userId) =>
    db.showReminder.findMany({
      where: { userId },
      select: { createdAt: true, show: { select: { id: true, title: true, scheduledStart: true } } },
    }),
  bag: (db, userId) =>
    db.bagItem.findMany({
      where: { userId },
      select: { showId: true, quantity: true, addedAt: true, variant: { select: { id: true, product: { select: { title: true } } } } },
    }),
  waitlist: (db, userId) =>
    db.waitlistEntry.findMany({
      where: { userId },
      select: { variantId: true, status: true, queuedAt: true, heldAt: true, closedAt: true },
    }),
  giveawayEntries: (db, userId) =>
    db.giveawayEntry.findMany({
      where: { userId },
      select: { giveawayId: true, via: true, createdAt: true, giveaway: { select: { prizeText: true } } },
    }),
  pollVotes: (db, userId) =>
    db.pollVote.findMany({
      where: { userId },
      select: { option: true, createdAt: true, poll: { select: { question: true, options: true } } },
    }),
  questions: (db, userId) =>
    db.showQuestion.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { showId: true, text: true, status: true, createdAt: true },
    }),
  reviews: (db, userId) =>
    db.productReview.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: 'asc' },
      select: { productId: true, rating: true, body: true, status: true, reply: true, createdAt: true, updatedAt: true },
    }),
  supportConversations: (db, userId) =>
    db.supportConversation.findMany({
      where: { buyerId: userId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        subject: true,
        status: true,
        orderId: true,
        createdAt: true,
        brand: { select: { name: true, slug: true } },
        messages: { orderBy: { createdAt: 'asc' }, select: { fromBrand: true, body: true, createdAt: true } },
      },
    }),
  // What the app emailed them: subject, kind and when; the bodies repeat what the other sections hold.
  emailsSent: async (db, userId) => {
    const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    return db.emailMessage.findMany({
      where: { to: { equals: email, mode: 'insensitive' } },
      orderBy: { createdAt: 'asc' },
      select: { subject: true, kind: true, status: true, createdAt: true, sentAt: true },
    });
  },
};
