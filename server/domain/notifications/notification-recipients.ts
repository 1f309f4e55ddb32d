import type { Db } from '../context';
import { toNotificationPreferences, type NotificationPreferences, type NotificationTopic } from './notification-preferences';

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  /** The stored language its emails go out in (null: English). */
  locale?: string | null;
  preferences: NotificationPreferences;
}

/**
 * Everyone who follows the show's host or brand, or pressed "Remind me" on it,
 * once each, without deleted accounts, and only if they want emails on `topic`.
 */
export async function showRecipients(
  db: Db,
  show: { id: string; hostId: string; brandId: string },
  topic: NotificationTopic,
  defaultLeadMinutes: number,
): Promise<Recipient[]> {
  const users = await db.user.findMany({
    where: {
      deletedAt: null,
      OR: [
        { hostFollows: { some: { hostId: show.hostId } } },
        { brandFollows: { some: { brandId: show.brandId } } },
        { reminders: { some: { showId: show.id } } },
      ],
    },
    select: { id: true, email: true, name: true, locale: true, notificationPreference: true },
    orderBy: { id: 'asc' },
  });
  return users
    .map((user) => ({
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      preferences: toNotificationPreferences(user.notificationPreference, defaultLeadMinutes),
    }))
    .filter((recipient) => recipient.preferences[topic]);
}
