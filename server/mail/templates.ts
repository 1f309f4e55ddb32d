// Plain, friendly notification emails in the recipient's stored language
// (English when none). Titles and names are user input: everything
// interpolated into HTML goes through escapeHtml.
import { EMAIL_INTL, emailLocale, emailWords, type EmailLocale } from './i18n';

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
  const hours = Math.round(minutes / 60);
  if (lang !== 'en') {
    // Node's ICU words "in 15 minutes" in each language.
    const relative = new Intl.RelativeTimeFormat(EMAIL_INTL[lang], { numeric: 'always' });
    if (minutes < 90) return relative.format(Math.max(1, minutes), 'minute');
    return hours < 36 ? relative.format(hours, 'hour') : relative.format(Math.round(hours / 24), 'day');
  }
  if (minutes <= 1) return 'in a minute';
  if (minutes < 90) return `in ${minutes} minutes`;
  return hours < 36 ? `in ${hours} hours` : `in ${Math.round(hours / 24)} days`;
}

/** "Friday, 6 March 2026 at 14:00 UTC (21:00 in Asia/Phnom_Penh)". */
export function formatStart(start: Date, timeZone: string, lang: EmailLocale = 'en'): string {
  const tag = lang === 'en' ? 'en-GB' : EMAIL_INTL[lang];
  const utc = formatIn(start, 'UTC', tag);
  if (timeZone === 'UTC') return `${utc} UTC`;
  let local: string;
  try {
    local = new Intl.DateTimeFormat(tag, { timeStyle: 'short', dateStyle: 'medium', timeZone }).format(start);
  } catch {
    // A zone this runtime does not know: UTC alone is still right.
    return `${utc} UTC`;
  }
  return `${utc} UTC (${local} ${timeZone})`;
}

function formatIn(date: Date, timeZone: string, tag = 'en-GB'): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
