import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteHeader } from '@/app/_components/site-header';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getMyConversation } from '@/server/domain/support';
import { services } from '@/server/services';
import { SupportThreadView } from '../../orders/support-thread';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('support.thread.title') };
}

/** A conversation no longer tied to an order (its order is gone): the reply email links here. */
export default async function MyConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/account/support/${encodeURIComponent(id)}`);
  const thread = await orNotFound(getMyConversation(services().db, { userId: user.id, name: user.name }, id));
  const { t, format } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <p className="text-sm">
          <Link href="/account/orders" className="text-brand-700 underline">
            {t('orders.buyer.backToOrders')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('support.thread.title')}</h1>
        <SupportThreadView thread={thread} t={t} format={format} />
      </main>
    </>
  );
}
