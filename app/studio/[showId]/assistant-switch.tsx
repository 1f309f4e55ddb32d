'use client';

import { useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import { request, type ShowClientSocket } from '../../_lib/show-socket';

/** The show's shop assistant, on or off, from the studio: off, "@shop" is plain chat and viewers have no Ask panel. */
export function AssistantSwitch({
  showId,
  socket,
  initiallyEnabled,
}: {
  showId: string;
  socket: ShowClientSocket | null;
  initiallyEnabled: boolean;
}) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(initiallyEnabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle(next: boolean) {
    if (!socket) return;
    setBusy(true);
    setError(null);
    const response = await request(socket, 'assistant:setEnabled', { showId, enabled: next });
    setBusy(false);
    if (response.ok) setEnabled(response.enabled);
    else setError(errorText(t, response.error));
  }

  return (
    <section aria-labelledby="assistant-switch-heading" className="rounded-2xl bg-white p-4 shadow-sm">
      <div className="flex items-center justify-between gap-3">
        <h2 id="assistant-switch-heading" className="font-semibold">
          <label htmlFor="assistant-switch">{t('assistant.switchLabel')}</label>
        </h2>
        <input
          id="assistant-switch"
          type="checkbox"
          role="switch"
          checked={enabled}
          disabled={busy || !socket}
          onChange={(e) => void toggle(e.target.checked)}
          aria-describedby="assistant-switch-hint"
          className="size-6 accent-brand-500"
        />
      </div>
      <p id="assistant-switch-hint" className="mt-1 text-sm text-neutral-600">
        {t('assistant.switchHint')}
      </p>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
