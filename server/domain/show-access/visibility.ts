// Who may find a show. Only PUBLIC shows are listed anywhere (home, /live, search, profiles,
// sitemaps) or framed on other sites; UNLISTED opens by its link, INVITE_ONLY by invitation.
import type { Prisma } from '../../db/client';

export type ShowVisibility = 'PUBLIC' | 'UNLISTED' | 'INVITE_ONLY';
export const SHOW_VISIBILITIES = ['PUBLIC', 'UNLISTED', 'INVITE_ONLY'] as const satisfies readonly ShowVisibility[];

interface VisibilityFacts {
  visibility: ShowVisibility;
}

/** Whether a show may appear in discovery, search, sitemaps, the /live feed and "other shows". */
export function isPubliclyListed(show: VisibilityFacts): boolean {
  // A rehearsal does not unlist a public show: it stays announced, only joining waits (join-access.ts).
  return show.visibility === 'PUBLIC';
}

/** Whether a show may be embedded on a brand's site: only what anyone may also find here. */
export function canEmbed(show: VisibilityFacts): boolean {
  return isPubliclyListed(show);
}

/** The same rule as a query fragment, for lists read from the database. */
export const publiclyListedShow = { visibility: 'PUBLIC' } as const satisfies Prisma.ShowWhereInput;
