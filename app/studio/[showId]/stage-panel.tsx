'use client';

import { useEffect, useId, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
// Types only: the domain's code stays on the server.
import type { StageLayout, StageStaffView } from '@/server/domain/stage';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import { CoHostForm } from './cohost-form';
import { StageInvite } from './stage-invite';

const BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-full border border-neutral-300 bg-white px-3 text-sm font-semibold text-ink hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500';
const LAYOUT_LABEL = { SIDE_BY_SIDE: 'studio.stage.sideBySide', PICTURE_IN_PICTURE: 'studio.stage.pictureInPicture' } as const;
const STAGE_LAYOUTS = Object.keys(LAYOUT_LABEL) as StageLayout[];

/**
 * The stage as the host runs it: who is on it and who is invited (from the
 * staff-only `stage:staff` events), removing a guest at once, and the layout
 * viewers see. Invitations are sent from here (people watching, an influencer's
 * handle) or from the chat (ChatPanel's "Invite on stage"); a guest on stage can be
 * made a co-host with a share of the show's commission.
 */
export function useStage(socket: ShowClientSocket | null, showId: string, connected: boolean) {
  const { t } = useI18n();
  const [stage, setStage] = useState<StageStaffView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!socket || !connected) return;
    const onStaff = (event: { showId: string; stage: StageStaffView }) => event.showId === showId && setStage(event.stage);
    socket.on('stage:staff', onStaff);
    void request(socket, 'stage:get', { showId }).then((answer) => answer.ok && setStage(answer.stage));
    return () => void socket.off('stage:staff', onStaff);
  }, [socket, showId, connected]);

  const run = async (send: (s: ShowClientSocket) => ReturnType<typeof request<'stage:invite'>>) => {
    if (!socket) return;
    const answer = await send(socket);
    if (answer.ok) {
      setStage(answer.stage);
      setError(null);
    } else setError(errorText(t, answer.error));
  };
  return {
    stage,
    error,
    socket,
    showId,
    invite: (target: { userId: string } | { handle: string }) => void run((s) => request(s, 'stage:invite', { showId, ...target })),
    promote: (userId: string, shares: { userId: string; shareBps: number }[]) =>
      void run((s) => request(s, 'stage:promote', { showId, userId, shares })),
    remove: (userId: string) => void run((s) => request(s, 'stage:remove', { showId, userId })),
    setLayout: (layout: StageLayout) => void run((s) => request(s, 'stage:layout', { showId, layout })),
  };
}

export function StagePanel({
  controls,
  live,
  watching,
}: {
  controls: ReturnType<typeof useStage>;
  live: boolean;
  /** How many watch now: a change asks for the list of people watching again. */
  watching: number;
}) {
  const { t } = useI18n();
  const layoutId = useId();
  const { stage, error } = controls;
  const [promoting, setPromoting] = useState<string | null>(null);
  const shareOf = (userId: string) => stage?.split.shares.find((s) => s.userId === userId)?.shareBps ?? 0;
  const people = [
    ...(stage?.guests.map((g) => ({ ...g, invited: false })) ?? []),
    ...(stage?.invited.map((g) => ({ ...g, invited: true })) ?? []),
  ];
  return (
    <section aria-labelledby="stage-heading" className="shrink-0 rounded-2xl bg-white p-4 shadow-sm" data-testid="stage-panel">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="stage-heading" className="font-semibold">
          {t('studio.stage.heading')}
        </h2>
        {live && (
          <span className="text-sm text-neutral-600">
            {t('studio.stage.count', { count: 1 + (stage?.guests.length ?? 0), max: stage?.max ?? 4 })}
          </span>
        )}
      </div>
      {!live ? (
        <p className="text-sm text-neutral-600">{t('studio.stage.offAir')}</p>
      ) : (
        <>
          {people.length === 0 && <p className="text-sm text-neutral-600">{t('studio.stage.empty')}</p>}
          <ul className="space-y-2">
            {people.map((person) => (
              <li key={person.userId} data-testid="stage-person">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="min-w-[9rem] flex-1">
                    <span className="block truncate font-medium">{person.name}</span>
                    <span className="block text-xs text-neutral-600">
                      {person.invited
                        ? t('studio.stage.invited')
                        : shareOf(person.userId) > 0
                          ? t('studio.stage.coHost', { share: String(shareOf(person.userId) / 100) })
                          : t('studio.stage.onStage')}
                    </span>
                  </span>
                  {!person.invited && (
                    <button
                      type="button"
                      className={BUTTON}
                      aria-expanded={promoting === person.userId}
                      onClick={() => setPromoting(promoting === person.userId ? null : person.userId)}
                      aria-label={t('studio.stage.promoteLabel', { name: person.name })}
                    >
                      {t('studio.stage.promote')}
                    </button>
                  )}
                  <button
                    type="button"
                    className={BUTTON}
                    onClick={() => controls.remove(person.userId)}
                    aria-label={t(person.invited ? 'studio.stage.withdrawLabel' : 'studio.stage.removeLabel', { name: person.name })}
                  >
                    {t(person.invited ? 'studio.stage.withdraw' : 'studio.stage.remove')}
                  </button>
                </div>
                {promoting === person.userId && stage && (
                  <CoHostForm
                    guest={person}
                    split={stage.split}
                    onCancel={() => setPromoting(null)}
                    onSave={(shares) => {
                      controls.promote(person.userId, shares);
                      setPromoting(null);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
          <StageInvite
            socket={controls.socket}
            showId={controls.showId}
            revision={[watching, ...people.map((p) => p.userId), stage?.split.shares.length ?? 0].join()}
            onInvite={controls.invite}
          />
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor={layoutId}>{t('studio.stage.layout')}</label>
            <select
              id={layoutId}
              value={stage?.layout ?? 'SIDE_BY_SIDE'}
              onChange={(e) => controls.setLayout(e.target.value as StageLayout)}
              className="rounded-lg border border-neutral-300 px-2 py-1"
            >
              {STAGE_LAYOUTS.map((layout) => (
                <option key={layout} value={layout}>
                  {t(LAYOUT_LABEL[layout])}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
