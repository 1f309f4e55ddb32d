'use client';

import { useState } from 'react';
import { useI18n } from '@/app/_i18n/client';

/**
 * Signs out through next-auth's own endpoint (CSRF token, then POST) without
 * shipping next-auth's client library to every page.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const { t } = useI18n();
  async function signOut() {
    setPending(true);
    const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    await fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, json: 'true' }),
    });
    window.location.assign('/');
  }
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => void signOut()}
      className="rounded-full border border-neutral-300 px-3 py-1.5 font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      {t('common.nav.signOut')}
    </button>
  );
}
