'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { MessageKey } from '@/app/_i18n/translate';
import type { HostInviteResponse } from '@/server/domain/shows';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { answerInviteAction } from './actions';

const LABELS: Record<HostInviteResponse, { text: MessageKey; named: MessageKey }> = {
  accept: { text: 'dashboard.host.accept', named: 'dashboard.host.acceptFor' },
  decline: { text: 'dashboard.host.decline', named: 'dashboard.host.declineFor' },
};

/** Accept and/or decline one invitation; the buttons name the show for screen readers. */
export function InviteAnswer({
  showId,
  title,
  responses = ['accept', 'decline'],
}: {
  showId: string;
  title: string;
  responses?: HostInviteResponse[];
}) {
  const [state, action, pending] = useActionState(answerInviteAction, null);
  const { t } = useI18n();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {/* One form per answer: the answer travels as a hidden field, not as the clicked button's value. */}
        {responses.map((response) => (
          <form key={response} action={action}>
            <input type="hidden" name="showId" value={showId} />
            <input type="hidden" name="response" value={response} />
            <button
              type="submit"
              disabled={pending}
              className={response === 'accept' ? primaryButtonClass : secondaryButtonClass}
              aria-label={t(LABELS[response].named, { title })}
            >
              {t(LABELS[response].text)}
            </button>
          </form>
        ))}
      </div>
      <FormMessage state={state} />
    </div>
  );
}
