// Plain, friendly notification emails in the recipient's stored language
// (English when none). Titles and names are user input: everything
// interpolated into HTML goes through escapeHtml.
import { isValidTimeZone } from '../domain/zoned-time';
import { emailFormats, emailLocale, emailTranslator, emailWords, type EmailLocale } from './i18n';

export interface ShowEmailFacts {
  showId: string;
  title: string;
  hostName: string;
  brandName: string;
  brandTimeZone: string;
  start: Date;
}

export interface EmailLinks {
  showUrl: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export type ShowEmail =
  | { kind: 'show.reminder'; minutesUntilStart: number }
  | { kind: 'show.live' }
  | { kind: 'show.rescheduled'; previousStart: Date }
  | { kind: 'show.cancelled'; reason: string };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** `locale`: the recipient's stored language; absent or unknown means English. */
export function renderShowEmail(
  email: ShowEmail,
  show: ShowEmailFacts,
  recipientName: string,
  links: EmailLinks,
  locale?: string | null,
): RenderedEmail {
  const lang = emailLocale(locale);
  const w = emailWords(lang);
  const { subject, lines, action, unsubscribeLabel } = content(email, show, lang);
  const greeting = w.greeting(recipientName);
  const withWhom = w.show.withHostForBrand(show.hostName, show.brandName);
  const details = [`${show.title}`, withWhom];
  const text = [
    greeting,
    '',
    ...lines,
    '',
    ...details,
    '',
    `${action}: ${links.showUrl}`,
    '',
    '—',
    `${unsubscribeLabel}: ${links.unsubscribeUrl}`,
    `${w.show.allSettings}: ${links.preferencesUrl}`,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${lang}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px;margin:0 auto;padding:16px">
<p>${escapeHtml(greeting)}</p>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><strong>${escapeHtml(show.title)}</strong><br>${escapeHtml(withWhom)}</p>
<p><a href="${escapeHtml(links.showUrl)}" style="display:inline-block;background:#111;color:#fff;padding:10px 18px;border-radius:999px;text-decoration:none">${escapeHtml(action)}</a></p>
<hr style="border:none;border-top:1px solid #ddd">
<p style="font-size:12px;color:#555"><a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(unsubscribeLabel)}</a> · <a href="${escapeHtml(links.preferencesUrl)}">${escapeHtml(w.show.allSettings)}</a></p>
</body></html>`;
  return { subject, text, html };
}

function content(
  email: ShowEmail,
  show: ShowEmailFacts,
  lang: EmailLocale,
): { subject: string; lines: string[]; action: string; unsubscribeLabel: string } {
  const w = emailWords(lang).show;
  const at = (date: Date) => formatStart(date, show.brandTimeZone, lang);
  switch (email.kind) {
    case 'show.reminder': {
      const when = inMinutes(email.minutesUntilStart, lang);
      return {
        subject: w.reminderSubject(when, show.title),
        lines: [w.reminderLine(show.title, when), `${w.start}: ${at(show.start)}`],
        action: w.open,
        unsubscribeLabel: w.stopReminders,
      };
    }
    case 'show.live':
      return {
        subject: w.liveSubject(show.title),
        lines: [w.liveLine(show.hostName, show.title)],
        action: w.watch,
        unsubscribeLabel: w.stopLive,
      };
    case 'show.rescheduled':
      return {
        subject: w.movedSubject(show.title),
        lines: [w.movedLine(show.title), `${w.newStart}: ${at(show.start)}`, `${w.was}: ${at(email.previousStart)}`],
        action: w.open,
        unsubscribeLabel: w.stopChanges,
      };
    case 'show.cancelled':
      return {
        subject: w.cancelledSubject(show.title),
        lines: [w.cancelledLine(show.title, at(show.start)), ...(email.reason.trim() ? [`${w.reason}: ${email.reason.trim()}`] : [])],
        action: w.seePage,
        unsubscribeLabel: w.stopChanges,
      };
    default:
      return assertNever(email);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled email ${JSON.stringify(value)}`);
}

function inMinutes(minutes: number, lang: EmailLocale = 'en'): string {
  const t = emailTranslator(lang);
  const hours = Math.round(minutes / 60);
  if (minutes < 90) return t('email.show.inMinutes', { count: Math.max(1, minutes) });
  return hours < 36 ? t('email.show.inHours', { count: hours }) : t('email.show.inDays', { count: Math.round(hours / 24) });
}

/** "Friday, 6 March 2026 at 14:00 UTC (8 Mar 2026, 21:00 Asia/Phnom_Penh)". */
export function formatStart(start: Date, timeZone: string, lang: EmailLocale = 'en'): string {
  const utc = emailFormats(lang).dateTime(start, 'full');
  // A zone this runtime does not know: UTC alone is still right.
  if (timeZone === 'UTC' || !isValidTimeZone(timeZone)) return `${utc} UTC`;
  return `${utc} UTC (${emailFormats(lang).dateTime(start, 'dateTime', timeZone)} ${timeZone})`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
