// Plain, friendly notification emails. English only for now. Titles and names
// are user input: everything interpolated into HTML goes through escapeHtml.

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

export function renderShowEmail(email: ShowEmail, show: ShowEmailFacts, recipientName: string, links: EmailLinks): RenderedEmail {
  const { subject, lines, action, unsubscribeLabel } = content(email, show);
  const greeting = `Hi ${recipientName || 'there'},`;
  const details = [`${show.title}`, `with ${show.hostName} for ${show.brandName}`];
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
    `All email settings: ${links.preferencesUrl}`,
  ].join('\n');
  const html = `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px;margin:0 auto;padding:16px">
<p>${escapeHtml(greeting)}</p>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><strong>${escapeHtml(show.title)}</strong><br>with ${escapeHtml(show.hostName)} for ${escapeHtml(show.brandName)}</p>
<p><a href="${escapeHtml(links.showUrl)}" style="display:inline-block;background:#111;color:#fff;padding:10px 18px;border-radius:999px;text-decoration:none">${escapeHtml(action)}</a></p>
<hr style="border:none;border-top:1px solid #ddd">
<p style="font-size:12px;color:#555"><a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(unsubscribeLabel)}</a> · <a href="${escapeHtml(links.preferencesUrl)}">All email settings</a></p>
</body></html>`;
  return { subject, text, html };
}

function content(email: ShowEmail, show: ShowEmailFacts): { subject: string; lines: string[]; action: string; unsubscribeLabel: string } {
  switch (email.kind) {
    case 'show.reminder':
      return {
        subject: `Starting ${inMinutes(email.minutesUntilStart)}: ${show.title}`,
        lines: [`${show.title} starts ${inMinutes(email.minutesUntilStart)}.`, `Start: ${formatStart(show.start, show.brandTimeZone)}`],
        action: 'Open the show',
        unsubscribeLabel: 'Stop reminder emails',
      };
    case 'show.live':
      return {
        subject: `Live now: ${show.title}`,
        lines: [`${show.hostName} is live now with ${show.title}.`],
        action: 'Watch now',
        unsubscribeLabel: 'Stop "live now" emails',
      };
    case 'show.rescheduled':
      return {
        subject: `New time: ${show.title}`,
        lines: [`${show.title} has moved.`, `New start: ${formatStart(show.start, show.brandTimeZone)}`, `Was: ${formatStart(email.previousStart, show.brandTimeZone)}`],
        action: 'Open the show',
        unsubscribeLabel: 'Stop emails about schedule changes',
      };
    case 'show.cancelled':
      return {
        subject: `Cancelled: ${show.title}`,
        lines: [
          `${show.title}, planned for ${formatStart(show.start, show.brandTimeZone)}, has been cancelled.`,
          ...(email.reason.trim() ? [`Reason: ${email.reason.trim()}`] : []),
        ],
        action: 'See the show page',
        unsubscribeLabel: 'Stop emails about schedule changes',
      };
    default:
      return assertNever(email);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled email ${JSON.stringify(value)}`);
}

function inMinutes(minutes: number): string {
  if (minutes <= 1) return 'in a minute';
  if (minutes < 90) return `in ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 36 ? `in ${hours} hours` : `in ${Math.round(hours / 24)} days`;
}

/** "Friday, 6 March 2026 at 14:00 UTC (21:00 in Asia/Phnom_Penh)". */
export function formatStart(start: Date, timeZone: string): string {
  const utc = formatIn(start, 'UTC');
  if (timeZone === 'UTC') return `${utc} UTC`;
  let local: string;
  try {
    local = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', dateStyle: 'medium', timeZone }).format(start);
  } catch {
    // A zone this runtime does not know: UTC alone is still right.
    return `${utc} UTC`;
  }
  return `${utc} UTC (${local} ${timeZone})`;
}

function formatIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
