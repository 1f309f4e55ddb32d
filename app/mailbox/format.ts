/** Mailbox times are in UTC (the column says so), written the way the reader's language writes dates. */
export function formatMailTime(date: Date, intl: string): string {
  return new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(date);
}
