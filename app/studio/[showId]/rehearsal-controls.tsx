'use client';

import { useState, type RefObject } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import { secondaryButtonClass } from '../../_components/ui';

/**
 * Rehearse a scheduled show: pins work and the brand's team can watch, but nobody else can join,
 * nothing is charged or counted, and ending it puts the show back as scheduled (server/domain/rehearsals).
 */
export function RehearsalControls({
  socketRef,
  showId,
  rehearsing,
  connected,
  onChange,
}: {
  socketRef: RefObject<ShowClientSocket | null>;
  showId: string;
  rehearsing: boolean;
  /** Like "Go live", the button waits for the show's channel: a tap before it would only say "wait". */
  connected: boolean;
  onChange: (rehearsing: boolean) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const toggle = async () => {
    const socket = socketRef.current;
    if (!socket) return setError(t('studio.waitConnection'));
    setPending(true);
    setError(null);
    const result = rehearsing ? await request(socket, 'show:endRehearsal', { showId }) : await request(socket, 'show:rehearse', { showId });
    setPending(false);
    if (result.ok) onChange(!rehearsing);
    else setError(errorText(t, result.error));
  };
  return (
    <div className="space-y-2">
      {rehearsing && (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('studio.rehearsal.badge')}
        </p>
      )}
      <button
        type="button"
        onClick={() => void toggle()}
        disabled={pending || !connected}
        aria-describedby={connected ? undefined : 'go-live-wait'}
        className={secondaryButtonClass}
      >
        {t(rehearsing ? 'studio.rehearsal.end' : 'studio.rehearsal.start')}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
