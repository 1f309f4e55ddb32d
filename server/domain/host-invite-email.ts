import { enqueueEmail } from '../mail/outbox';
import type { Db } from './context';

export interface HostInviteFacts {
  showId: string;
  title: string;
  start: Date;
  plannedDurationMinutes: number;
  commissionRateBps: number;
  brand: { name: string; timeZone: string };
  host: { id: string; name: string; email: string };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function formatStart(start: Date, timeZone: string): string {
  const inZone = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(start);
  return `${inZone} (${timeZone})`;
}

/** The invitation an influencer gets when a brand picks them to host a show; one per show and host. */
export async function emailHostInvite(db: Db, facts: HostInviteFacts, publicUrl: string): Promise<void> {
  const link = `${publicUrl}/dashboard/host`;
  const when = formatStart(facts.start, facts.brand.timeZone);
  const commission = `${facts.commissionRateBps / 100} %`;
  const lines = [
    `Hi ${facts.host.name},`,
    `${facts.brand.name} would like you to host “${facts.title}” on ${when}, for ${facts.plannedDurationMinutes} minutes, with a ${commission} commission on sales.`,
    `Accept or decline from your dashboard: ${link}`,
  ];
  await enqueueEmail(db, {
    dedupeKey: `host-invite:${facts.showId}:${facts.host.id}`,
    to: facts.host.email,
    subject: `${facts.brand.name} invites you to host “${facts.title}”`,
    text: lines.join('\n\n'),
    html: lines
      .slice(0, 2)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .concat(`<p><a href="${escapeHtml(link)}">Accept or decline from your dashboard</a></p>`)
      .join('\n'),
    kind: 'show.host-invite',
  });
}
