'use client';

import { PageError } from './page-states';

export default function WalletError({ retry }: { retry: () => void }) {
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <PageError retry={retry} />
    </main>
  );
}
