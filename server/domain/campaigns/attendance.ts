import { Prisma } from '../../db/client';

// Who attended a show: everyone who did something in it that left a row (chatted, asked, entered a
// giveaway, put something in the bag, bought). Merely watching leaves no row today.
export const attendeesSql = Prisma.sql`
  SELECT "userId", "showId" FROM "ChatMessage"
  UNION SELECT "userId", "showId" FROM "ShowQuestion"
  UNION SELECT "userId", "showId" FROM "BagItem"
  UNION SELECT e."userId", g."showId" FROM "GiveawayEntry" e JOIN "Giveaway" g ON g."id" = e."giveawayId"
  UNION SELECT "buyerId", "showId" FROM "Order" WHERE "showId" IS NOT NULL`;
