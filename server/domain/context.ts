import type { PrismaClient } from '../db/client';

export type Db = PrismaClient;

/** Who is acting. Every domain function that changes something takes one. */
export interface Actor {
  userId: string;
  name: string;
  /** The language of the page acting (a show page's socket), when known: the one-tap receipt is written in it. */
  locale?: string | null;
}

export function publicBuyerName(fullName: string): string {
  // "Sam Rivera" → "Sam R.": enough for a "just bought" ticker, not enough to identify.
  const [first = 'Someone', ...rest] = fullName.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : first;
}
