// The brand's copy of a show's audit log, as JSON or CSV: everything needed to
// re-compute the chain (docs/api-and-webhooks.md, "Show audit log").
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { writeCsv } from '../csv';
import { AppError } from '../errors';
import { readShowAudit, SHOW_AUDIT_FORMAT, type ShowAuditEntry, verifyChain } from './show-audit';

export interface ShowAuditExport {
  format: typeof SHOW_AUDIT_FORMAT;
  showId: string;
  showTitle: string;
  exportedAt: string;
  /** The last entry's hash: a brand that keeps it can later show that nothing before it changed. */
  head: string;
  entries: ShowAuditEntry[];
}

export const AUDIT_CSV_HEADER = ['seq', 'at_utc', 'kind', 'data', 'prev_hash', 'hash'] as const;

/** The show's log for a member of its brand; a show of another brand is SHOW_NOT_FOUND. */
export async function exportShowAudit(db: Db, actor: Actor, slug: string, showId: string): Promise<ShowAuditExport> {
  const brand = await requireBrandMember(db, actor, { slug });
  const show = await db.show.findFirst({ where: { id: showId, brandId: brand.brandId }, select: { id: true, title: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} is not of brand ${slug}`);
  const entries = await readShowAudit(db, show.id);
  const verdict = verifyChain(show.id, entries);
  // A chain that no longer verifies is not handed out as if it did.
  if (!verdict.ok) throw new AppError('INTERNAL', `show ${showId}'s audit chain fails at ${verdict.seq}: ${verdict.problem}`);
  return {
    format: SHOW_AUDIT_FORMAT,
    showId: show.id,
    showTitle: show.title,
    exportedAt: new Date().toISOString(),
    head: verdict.head,
    entries,
  };
}

export function showAuditCsv(log: ShowAuditExport): string {
  return writeCsv([[...AUDIT_CSV_HEADER], ...log.entries.map((e) => [String(e.seq), e.at, e.kind, e.data, e.prevHash, e.hash])]);
}
