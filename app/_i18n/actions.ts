'use server';

import { cookies } from 'next/headers';
import { currentUser } from '@/server/auth/session';
import { rememberLocale } from '@/server/domain/accounts';
import { services } from '@/server/services';
import { isLocale, LOCALE_COOKIE } from './locales';

/** Remembers the language for a year; the page re-renders in it. */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
  // Signed in: emails follow the language too.
  const user = await currentUser();
  if (user) await rememberLocale(services().db, user.id, locale);
}
