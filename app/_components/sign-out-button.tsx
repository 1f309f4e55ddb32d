'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: '/' })} className="rounded-full border border-neutral-300 px-3 py-1.5 font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500">
      Sign out
    </button>
  );
}
