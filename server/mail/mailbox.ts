// Reading the stored outbox for the local /mailbox pages (laptop mode, no SMTP).
import type { PrismaClient as Db } from '../db/client';
import { AppError } from '../domain/errors';

export interface StoredEmailSummary {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: 'SENDING' | 'SENT' | 'FAILED';
  createdAt: Date;
}

export interface StoredEmail extends StoredEmailSummary {
  text: string;
  html: string;
  transport: string;
  sentAt: Date | null;
  error: string | null;
}

export interface EmailLink {
  href: string;
  label: string;
}

/** Newest first, optionally only those to one address (any letter case). */
export async function listStoredEmails(db: Db, { to, limit = 100 }: { to?: string; limit?: number } = {}): Promise<StoredEmailSummary[]> {
  return db.emailMessage.findMany({
    where: to ? { to: { equals: to.trim(), mode: 'insensitive' } } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, to: true, subject: true, kind: true, status: true, createdAt: true },
  });
}

export async function getStoredEmail(db: Db, id: string): Promise<StoredEmail> {
  const email = await db.emailMessage.findUnique({
    where: { id },
    select: {
      id: true,
      to: true,
      subject: true,
      kind: true,
      status: true,
      createdAt: true,
      text: true,
      html: true,
      transport: true,
      sentAt: true,
      error: true,
    },
  });
  if (!email) throw new AppError('EMAIL_NOT_FOUND', `email ${id} not found`);
  return email;
}

/**
 * The http(s) links of an email's HTML with their text, so the mailbox can show
 * them as ordinary anchors: the HTML itself sits in a sandbox where links do not work.
 */
export function extractLinks(html: string): EmailLink[] {
  const links: EmailLink[] = [];
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = decodeEntities(match[1]!);
    if (!/^https?:\/\//i.test(href)) continue;
    const label = decodeEntities(match[2]!.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    links.push({ href, label: label || href });
  }
  return links;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
