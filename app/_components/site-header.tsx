import Link from 'next/link';
import { currentUser } from '@/server/auth/session';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="sticky top-0 z-20 border-b border-neutral-200 bg-white/90 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-5xl items-center justify-between px-4">
        <Link href="/" className="text-lg font-bold tracking-tight text-ink">
          <span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-full bg-brand-500 align-middle" />
          Live Commerce
        </Link>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-neutral-600 sm:inline">{user.name}</span>
            <SignOutButton />
          </div>
        ) : (
          <Link href="/signin" className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500">
            Sign in
          </Link>
        )}
      </nav>
    </header>
  );
}
