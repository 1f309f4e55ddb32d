'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { followToggleAction } from './follow-actions';
import { primaryButtonClass, secondaryButtonClass } from './ui';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';

export interface FollowButtonProps {
  /** A host (user id), a brand (brand id) or a show ("Remind me"). */
  target: 'host' | 'brand' | 'show';
  id: string;
  active: boolean;
  /** Visible text when off and on, e.g. "Follow" / "Following". */
  labels: { off: string; on: string };
  /** Who or what, for screen readers: "Follow Mia Chen". */
  subject: string;
  signedIn: boolean;
  returnTo: string;
}

/** A toggle for following and reminders; signed out, it is a link to sign in that comes back here. */
export function FollowButton({ target, id, active: initial, labels, subject, signedIn, returnTo }: FollowButtonProps) {
  const [active, setActive] = useState(initial);
  const { t } = useI18n();
  const [error, action, pending] = useActionState(async (_: string | null, form: FormData) => {
    const result = await followToggleAction(form);
    if (!result.ok) return errorText(t, result);
    setActive(form.get('on') === 'true');
    return null;
  }, null);
  const text = active ? labels.on : labels.off;
  if (!signedIn) {
    return (
      <Link
        href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}
        className={primaryButtonClass}
        aria-label={t('discovery.follow.signInFirst', { action: labels.off, subject })}
      >
        {labels.off}
      </Link>
    );
  }
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="on" value={String(!active)} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        disabled={pending}
        className={active ? secondaryButtonClass : primaryButtonClass}
        aria-label={t('discovery.follow.labelled', { action: text, subject })}
      >
        {active && <span aria-hidden="true">✓ </span>}
        {text}
      </button>
      {error && (
        <p role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
