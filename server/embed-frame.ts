import type { Db } from './domain/context';
import { embedFrameOrigins, type EmbedOriginRules } from './domain/embed';
import { type Env, isDeployment } from './env';
import type { Logger } from './log';
import { embedShowIdOf } from './security-headers';

/** A deployment takes https origins only; a laptop or a test run may also name http://localhost. */
export const embedOriginRules = (env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>): EmbedOriginRules => ({
  allowHttpLoopback: !isDeployment(env),
});

/**
 * Who may frame a request's page: the brand's origins for /embed/shows/<id>, undefined for
 * every other path (which keeps refusing all framing). Read per request, so a brand's change
 * holds from the next page load; only the player's own HTML pays the query.
 */
export function embedFrameAncestors(db: Db, env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>, log: Logger) {
  const rules = embedOriginRules(env);
  return async (rawPath: string): Promise<readonly string[] | undefined> => {
    const showId = embedShowIdOf(rawPath);
    if (showId === null) return undefined;
    try {
      return await embedFrameOrigins(db, showId, rules);
    } catch (error) {
      // Failing closed: without the list, only our own pages may frame the player.
      log.warn({ err: error, showId }, 'reading embed origins failed');
      return [];
    }
  };
}
