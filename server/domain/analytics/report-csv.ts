import { writeCsv } from '../csv';
import type { ShowReport } from './report';

/**
 * The report as one CSV file in three sections a spreadsheet can split on the first cell:
 * "summary" rows (figure, value), "timeline" rows (one per bucket) and "product" rows
 * (the funnel). Money is in minor units with the currency beside it; times in ms.
 * The columns are listed in docs/architecture.md, "Analytics".
 */
export const TIMELINE_COLUMNS = [
  'section',
  'offset_ms',
  'viewers',
  'chat_messages',
  'reactions',
  'orders',
  'gmv_minor',
  'moments',
] as const;
export const PRODUCT_COLUMNS = [
  'section',
  'product_id',
  'title',
  'pinned_ms',
  'tapped',
  'added_to_bag',
  'bought',
  'units',
  'conversion',
] as const;

export function showReportCsv(report: ShowReport): string {
  const { audience, totals, show } = report;
  const rows: string[][] = [
    ['section', 'figure', 'value'],
    ['summary', 'show_id', show.id],
    ['summary', 'title', show.title],
    ['summary', 'started_at', show.startedAt ?? ''],
    ['summary', 'ended_at', show.endedAt ?? ''],
    ['summary', 'currency', show.currency],
    ['summary', 'peak_viewers', String(audience.peak)],
    ['summary', 'unique_viewers', String(audience.unique)],
    ['summary', 'average_watch_ms', String(audience.averageWatchMs)],
    ['summary', 'chat_messages', String(totals.chatMessages)],
    ['summary', 'reactions', String(totals.reactions)],
    ['summary', 'orders', String(totals.orders)],
    ['summary', 'gmv_minor', String(totals.gmvMinor)],
    ['summary', 'refunds', String(totals.refunds)],
    ['summary', 'refunded_minor', String(totals.refundedMinor)],
    ['summary', 'new_followers', String(totals.newFollowers)],
    [...TIMELINE_COLUMNS],
  ];
  const t = report.timeline;
  if (t) {
    t.offsetsMs.forEach((offset, i) => {
      const moments = t.moments.filter((m) => m.offsetMs >= offset && m.offsetMs < offset + t.bucketMs).map((m) => `${m.kind}: ${m.title}`);
      rows.push([
        'timeline',
        String(offset),
        String(t.viewers[i] ?? 0),
        String(t.chat[i] ?? 0),
        String(t.reactions[i] ?? 0),
        String(t.orders[i] ?? 0),
        String(t.gmvMinor[i] ?? 0),
        moments.join('; '),
      ]);
    });
  }
  rows.push([...PRODUCT_COLUMNS]);
  for (const f of report.funnel) {
    rows.push([
      'product',
      f.productId,
      f.title,
      String(f.pinnedMs),
      String(f.tapped),
      String(f.addedToBag),
      String(f.bought),
      String(f.units),
      f.conversion === null ? '' : f.conversion.toFixed(4),
    ]);
  }
  return writeCsv(rows);
}
