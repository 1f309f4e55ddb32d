import type { Db } from '../context';
import { AppError } from '../errors';

/** What a person can be emailed about, for shows of hosts and brands they follow or asked to be reminded of. */
export type NotificationTopic = 'reminders' | 'live' | 'changes';
export const NOTIFICATION_TOPICS = ['reminders', 'live', 'changes'] as const satisfies readonly NotificationTopic[];

/** Where a consent change came from, as recorded in ConsentRecord.source. */
export type ConsentSource = 'unsubscribe-link' | 'preferences' | 'signup';

/** Minutes before a show a person may choose to be reminded; the configured default is always offered too. */
export const REMINDER_LEAD_CHOICES = [5, 15, 60, 1440] as const;

export interface NotificationPreferences {
  reminders: boolean;
  live: boolean;
  changes: boolean;
  reminderLeadMinutes: number;
}

export function reminderLeadChoices(defaultLeadMinutes: number): number[] {
  return [...new Set<number>([...REMINDER_LEAD_CHOICES, defaultLeadMinutes])].sort((a, b) => a - b);
}

/** A person without a preferences row gets every email, reminded at the configured lead. */
export function defaultNotificationPreferences(defaultLeadMinutes: number): NotificationPreferences {
  return { reminders: true, live: true, changes: true, reminderLeadMinutes: defaultLeadMinutes };
}

interface PreferenceRow {
  emailReminders: boolean;
  emailLive: boolean;
  emailShowChanges: boolean;
  reminderLeadMinutes: number;
}

export function toNotificationPreferences(row: PreferenceRow | null, defaultLeadMinutes: number): NotificationPreferences {
  if (!row) return defaultNotificationPreferences(defaultLeadMinutes);
  return {
    reminders: row.emailReminders,
    live: row.emailLive,
    changes: row.emailShowChanges,
    reminderLeadMinutes: row.reminderLeadMinutes,
  };
}

export async function getNotificationPreferences(db: Db, userId: string, defaultLeadMinutes: number): Promise<NotificationPreferences> {
  const row = await db.notificationPreference.findUnique({ where: { userId } });
  return toNotificationPreferences(row, defaultLeadMinutes);
}

/**
 * Applies the given changes and writes one ConsentRecord per topic whose
 * answer changed, so there is a dated trail of every opt-in and opt-out.
 */
export async function setNotificationPreferences(
  db: Db,
  userId: string,
  changes: Partial<NotificationPreferences>,
  source: ConsentSource,
  defaultLeadMinutes: number,
): Promise<NotificationPreferences> {
  if (changes.reminderLeadMinutes !== undefined && !reminderLeadChoices(defaultLeadMinutes).includes(changes.reminderLeadMinutes)) {
    throw new AppError('REMINDER_LEAD_NOT_OFFERED', `lead ${changes.reminderLeadMinutes} is not offered`);
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError('NOT_FOUND', `user ${userId} not found`);
    // Create-then-lock so two concurrent changes are serialised and each sees the other's result.
    await tx.notificationPreference.createMany({ data: [{ userId, reminderLeadMinutes: defaultLeadMinutes }], skipDuplicates: true });
    await tx.$executeRaw`SELECT 1 FROM "NotificationPreference" WHERE "userId" = ${userId} FOR UPDATE`;
    const before = toNotificationPreferences(await tx.notificationPreference.findUniqueOrThrow({ where: { userId } }), defaultLeadMinutes);
    const after: NotificationPreferences = { ...before, ...definedOnly(changes) };
    await tx.notificationPreference.update({
      where: { userId },
      data: {
        emailReminders: after.reminders,
        emailLive: after.live,
        emailShowChanges: after.changes,
        reminderLeadMinutes: after.reminderLeadMinutes,
      },
    });
    const changedTopics = NOTIFICATION_TOPICS.filter((topic) => before[topic] !== after[topic]);
    if (changedTopics.length) {
      await tx.consentRecord.createMany({
        data: changedTopics.map((topic) => ({ userId, purpose: consentPurpose(topic), granted: after[topic], source })),
      });
    }
    return after;
  });
}

/** The ConsentRecord.purpose for a topic. */
export function consentPurpose(topic: NotificationTopic): string {
  return `email.${topic}`;
}

function definedOnly(changes: Partial<NotificationPreferences>): Partial<NotificationPreferences> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

/** "15 minutes", "1 hour", "1 day": how a lead time reads in a settings list. */
export function describeLead(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

export const TOPIC_LABELS: Record<NotificationTopic, string> = {
  reminders: 'Reminders before a show starts',
  live: 'When a show goes live',
  changes: 'When a show is rescheduled or cancelled',
};
