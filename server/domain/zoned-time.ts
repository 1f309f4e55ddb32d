// Wall-clock times in a brand's IANA zone <-> UTC instants, with nothing but
// Intl. A brand types "2026-03-08T02:30" meaning *their* clock; the database
// stores the instant.
import { z } from 'zod';

export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export const localDateTimeSchema = z.string().trim().regex(LOCAL_DATE_TIME, 'SHOW_START_FORMAT');

export type ZonedLocalResult = { ok: true; instant: Date } | { ok: false; reason: 'invalid' | 'skipped' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23, not hour12:false: some ICU versions print midnight as "24" with the latter.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at `epochMs`, expressed as if it were a UTC timestamp. */
function wallClockAsUtc(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtc(wholeSeconds, timeZone) - wholeSeconds;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the clock in `timeZone` reads `local`. A time the clocks
 * skip (spring forward) is refused rather than silently moved; a time that
 * happens twice (fall back) resolves to the first, earlier occurrence.
 */
export function zonedLocalToUtc(local: string, timeZone: string): ZonedLocalResult {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match || !isValidTimeZone(timeZone)) return { ok: false, reason: 'invalid' };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const roundTrip = new Date(asUtc);
  if (roundTrip.getUTCMonth() !== mo - 1 || roundTrip.getUTCDate() !== d || h > 23 || mi > 59) return { ok: false, reason: 'invalid' };
  // Zones change offset at most once in any two days, so the offsets a day
  // either side are the only two candidates; keep those that read back right.
  const DAY = 86_400_000;
  const offsets = new Set([offsetAt(asUtc - DAY, timeZone), offsetAt(asUtc + DAY, timeZone)]);
  const matches = [...offsets].map((offset) => asUtc - offset).filter((instant) => wallClockAsUtc(instant, timeZone) === asUtc);
  if (matches.length === 0) return { ok: false, reason: 'skipped' };
  return { ok: true, instant: new Date(Math.min(...matches)) };
}

/** 'YYYY-MM-DDTHH:mm' on the zone's clock, for pre-filling a datetime-local input. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return new Date(wallClockAsUtc(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/**
 * An instant as order pages show it: date, time and the zone's name, so a
 * reader never guesses which clock ("6 Dec 2026, 14:05 GMT+7"). Pages pass the
 * viewer's zone (LocalTime, after hydration) or UTC before it is known.
 */
export function formatLabelledTime(instant: Date, intl: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intl, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(instant);
}
