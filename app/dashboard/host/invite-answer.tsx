'use client';

import { useActionState } from 'react';
import type { HostInviteResponse } from '@/server/domain/scheduling.schema';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { answerInviteAction } from './actions';

const LABELS: Record<HostInviteResponse, string> = { accept: 'Accept', decline: 'Decline' };

/** Accept and/or decline one invitation; the buttons name the show for screen readers. */
export function InviteAnswer({ showId, title, responses = ['accept', 'decline'] }: { showId: string; title: string; responses?: HostInviteResponse[] }) {
  const [state, action, pending] = useActionState(answerInviteAction, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {/* One form per answer: the answer travels as a hidden field, not as the clicked button's value. */}
        {responses.map((response) => (
          <form key={response} action={action}>
            <input type="hidden" name="showId" value={showId} />
            <input type="hidden" name="response" value={response} />
            <button type="submit" disabled={pending} className={response === 'accept' ? primaryButtonClass : secondaryButtonClass} aria-label={`${LABELS[response]} hosting ${title}`}>
              {LABELS[response]}
            </button>
          </form>
        ))}
      </div>
      <FormMessage state={state} />
    </div>
  );
}
