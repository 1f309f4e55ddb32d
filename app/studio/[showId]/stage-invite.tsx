'use client';

import { useEffect, useId, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
// Types only: the domain's code stays on the server.
import type { StageGuestView } from '@/server/domain/stage';
import { request, type ShowClientSocket } from '../../_lib/show-socket';

const BUTTON =
  'inline-flex min-h-11 shrink-0 items-center justify-center rounded-full border border-neutral-300 bg-white px-3 text-sm font-semibold text-ink hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500';
const CANDIDATES_REFRESH_MS = 10_000;
const INPUT = 'min-h-11 w-full min-w-0 rounded-lg border border-neutral-300 px-3 text-base';

/**
 * Inviting from the studio: a searchable list of the signed-in people watching now
 * (`stage:candidates`, asked again as the host types, as the number watching or the stage
 * changes, and every few seconds) and
 * an influencer by handle, who finds the invitation when they open the show.
 */
export function StageInvite({
  socket,
  showId,
  revision,
  onInvite,
}: {
  socket: ShowClientSocket | null;
  showId: string;
  /** Changes whenever the stage does: the list is asked for again. */
  revision: string;
  onInvite: (target: { userId: string } | { handle: string }) => void;
}) {
  const { t } = useI18n();
  const searchId = useId();
  const handleId = useId();
  const [query, setQuery] = useState('');
  const [handle, setHandle] = useState('');
  const [people, setPeople] = useState<StageGuestView[]>([]);

  useEffect(() => {
    if (!socket) return;
    let current = true;
    const ask = () =>
      void request(socket, 'stage:candidates', { showId, query }).then((answer) => current && answer.ok && setPeople(answer.people));
    const timer = setTimeout(ask, 200);
    // Someone who joins as another leaves keeps the count the same: the list is refreshed anyway.
    const refresh = setInterval(ask, CANDIDATES_REFRESH_MS);
    return () => {
      current = false;
      clearTimeout(timer);
      clearInterval(refresh);
    };
  }, [socket, showId, query, revision]);

  return (
    <div className="mt-3 border-t border-neutral-200 pt-3" data-testid="stage-invite">
      <h3 className="mb-2 text-sm font-semibold">{t('studio.stage.inviteHeading')}</h3>
      <label htmlFor={searchId} className="sr-only">
        {t('studio.stage.search')}
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('studio.stage.search')}
        className={INPUT}
        maxLength={60}
      />
      {people.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-600">{t('studio.stage.nobodyMatches')}</p>
      ) : (
        <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto" data-testid="stage-candidates">
          {people.map((person) => (
            <li key={person.userId} className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate">{person.name}</span>
              <button
                type="button"
                className={BUTTON}
                onClick={() => onInvite({ userId: person.userId })}
                aria-label={t('studio.stage.inviteLabel', { name: person.name })}
              >
                {t('studio.stage.invite')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-3 flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (handle.trim()) onInvite({ handle: handle.trim() });
          setHandle('');
        }}
      >
        <span className="min-w-0 flex-1">
          <label htmlFor={handleId} className="mb-1 block text-sm">
            {t('studio.stage.handle')}
          </label>
          <input
            id={handleId}
            value={handle}
            onChange={(e) => setHandle(e.target.value)}
            placeholder="@"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            className={INPUT}
            maxLength={31}
          />
        </span>
        <button type="submit" className={BUTTON}>
          {t('studio.stage.inviteHandle')}
        </button>
      </form>
    </div>
  );
}
