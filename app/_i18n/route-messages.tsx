import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import type { ReactNode } from 'react';
import type { Locale } from './locales';
import { intlMessages } from './compiled';
import type { Messages } from './messages';
import { getLocale } from './server';

export type Namespace = keyof Messages;

/** What every page's client components may use: the root layout sends these. */
export const ROOT_NAMESPACES = ['common'] as const satisfies readonly Namespace[];

/**
 * What each section's client components use, on top of the root's (server
 * components translate on the server and send no messages). Keeping the
 * browser's share small matters on the show page, opened on phones by everyone;
 * test/unit/route-messages.test.ts checks every page against this list.
 */
export const ROUTE_NAMESPACES = {
  shows: ['viewer', 'commerce', 'chat', 'discovery', 'auth', 'errors', 'engage', 'assistant', 'qrOneTap', 'bankCheck'],
  // The deal form reads typed prices with the dashboard's money words.
  studio: ['studio', 'chat', 'errors', 'dashboard', 'engage', 'assistant', 'report'],
  giveaways: ['engage'],
  dashboard: [
    'dashboard',
    'commerce',
    'orders',
    'account',
    'assistant',
    'support',
    'payments',
    'reviews',
    'report',
    'connect',
    'payoutFailures',
  ],
  // The post-show report (issue 20): its charts take their words from the server; the error state is its own.
  reports: ['report'],
  account: ['account', 'commerce', 'orders', 'support', 'payments', 'privacy', 'reviews', 'push'],
  brands: ['discovery', 'errors'],
  hosts: ['discovery', 'errors'],
  // The product page's Notify me (a sold-out variant) is the brand page's.
  products: ['discovery', 'errors', 'reviews'],
  live: ['feed', 'viewer'],
  invites: ['account'],
  unsubscribe: ['account', 'mailbox'],
  signin: ['auth', 'errors'],
  signup: ['auth'],
  // The embeddable player: its own words, and the show page's player's (LiveVideo reaches the show page's
  // lazy parts, whose namespaces a page must carry even where it never opens them).
  embed: ['embed', 'viewer', 'commerce', 'chat', 'discovery', 'auth', 'errors', 'qrOneTap', 'bankCheck'],
} as const satisfies Record<string, readonly Namespace[]>;
export type Route = keyof typeof ROUTE_NAMESPACES;

export function pickMessages(locale: Locale, namespaces: readonly Namespace[]): AbstractIntlMessages {
  const all = intlMessages(locale);
  return Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace]!]));
}

/** A section layout's wrapper: its client components get the root's namespaces and the section's. */
export async function RouteMessages({ route, children }: { route: Route; children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(locale, [...ROOT_NAMESPACES, ...ROUTE_NAMESPACES[route]])}>
      {children}
    </NextIntlClientProvider>
  );
}
