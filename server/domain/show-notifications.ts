// CONTRACT (implemented by the notifications work): the scheduling code calls
// these after it has committed a change; each is idempotent.
import type { Db } from './context';

export type ShowChange = { kind: 'rescheduled'; previousStart: Date } | { kind: 'cancelled'; reason: string };

/** (Re)plans the "starting soon" reminders for a scheduled show's current start time. */
export async function scheduleShowReminders(_db: Db, _showId: string): Promise<void> {}

/** Tells followers and "Remind me" people that the show moved or was cancelled. */
export async function announceShowChange(_db: Db, _showId: string, _change: ShowChange): Promise<void> {}

/** Tells followers and "Remind me" people that the show is live now. */
export async function announceShowLive(_db: Db, _showId: string): Promise<void> {}
