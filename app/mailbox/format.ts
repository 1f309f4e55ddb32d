const mailTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export function formatMailTime(date: Date): string {
  return mailTime.format(date);
}
