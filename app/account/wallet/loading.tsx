import { PageLoading } from './page-states';

export default function WalletLoading() {
  return (
    <main aria-busy="true" className="mx-auto max-w-2xl px-4">
      <PageLoading />
    </main>
  );
}
