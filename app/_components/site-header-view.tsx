import type { Anchor as PageAnchor } from './anchor';
import { getI18n } from '@/app/_i18n/server';
import { currentUser } from '@/server/auth/session';
import { worksOnShows } from '@/server/domain/accounts';
import { services } from '@/server/services';
import { LanguageSwitcher, SignOutButton } from './lazy-shared';

const navLinkClass =
  'rounded-full px-1.5 py-2 font-medium sm:px-2 text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500';

/** The header with the page's kind of link: `SiteHeader` (next/link) or `PlainSiteHeader` (the show page). */
export async function SiteHeaderView({ Anchor }: { Anchor: PageAnchor }) {
  const [user, { t }] = await Promise.all([currentUser(), getI18n()]);
  const seller = user !== null && (await worksOnShows(services().db, user.id));
  return (
    <header className="sticky top-0 z-20 border-b border-neutral-200 bg-white/90 backdrop-blur">
      <nav aria-label={t('common.nav.main')} className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-2 px-3 sm:px-4">
        <Anchor href="/" className="shrink-0 text-lg font-bold tracking-tight text-ink">
          {/* The name on every width: a first visit on a phone must see what this is, not a dot. */}
          <span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-full bg-brand-500 align-middle" />
          <span className="text-base min-[400px]:text-lg">{t('common.appName')}</span>
        </Anchor>
        {/* On a phone: the two places people go; search is on the home page, sign-out on the account page. */}
        <div className="flex items-center gap-0.5 text-sm sm:gap-2">
          <Anchor href="/search" className={`${navLinkClass} hidden sm:inline`}>
            {t('common.nav.search')}
          </Anchor>
          {user ? (
            <>
              {seller && (
                <Anchor href="/dashboard" className={navLinkClass}>
                  {t('common.nav.dashboard')}
                </Anchor>
              )}
              <Anchor href="/account" className={navLinkClass}>
                <span className="sm:hidden">{t('common.nav.account')}</span>
                <span className="hidden sm:inline">{user.name}</span>
              </Anchor>
              <span className="hidden sm:inline">
                <SignOutButton />
              </span>
            </>
          ) : (
            <Anchor
              href="/signin"
              className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              {t('common.nav.signIn')}
            </Anchor>
          )}
          <LanguageSwitcher />
        </div>
      </nav>
    </header>
  );
}
