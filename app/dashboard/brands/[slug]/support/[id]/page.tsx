import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/app/_components/ui';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getBrandConversation, listSupportTeam } from '@/server/domain/support';
import { services } from '@/server/services';
import { AssignForm, ReplyForm, StatusForm } from '../inbox-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('support.inbox.title') };
}

/** One conversation for the brand's team: the messages, a reply, who is on it, open or closed. */
export default async function SupportConversationPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/support/${id}`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  const [thread, team] = await Promise.all([
    orNotFound(getBrandConversation(db, actor, slug, id)),
    orNotFound(listSupportTeam(db, actor, slug)),
  ]);
  const { t, format } = await getI18n();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/dashboard/brands/${slug}/support`} className="text-brand-700 underline">
          {t('support.inbox.back')}
        </Link>
      </p>
      <PageHeading title={thread.subject} description={t(`support.inbox.status.${thread.status}`)} />
      <p className="text-sm text-neutral-600">
        {t('support.inbox.from', { name: thread.buyerName })}
        {thread.orderId && thread.orderNumber !== null && (
          <>
            {' · '}
            <Link href={`/dashboard/brands/${slug}/orders/${thread.orderNumber}`} className="text-brand-700 underline">
              {t('support.inbox.order', { number: thread.orderNumber })}
            </Link>
          </>
        )}
      </p>
      <ol className="space-y-2" data-testid="support-thread">
        {thread.messages.map((m) => (
          <li key={m.id} className={`rounded-lg p-3 ${m.fromBrand ? 'bg-brand-50' : 'bg-neutral-50'}`}>
            <p className="text-xs text-neutral-600">
              {m.authorName} · <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, 'dateTime')}</time>
            </p>
            <p className="mt-1 whitespace-pre-line">{m.body}</p>
          </li>
        ))}
      </ol>
      <ReplyForm slug={slug} conversationId={thread.id} />
      <div className="flex flex-wrap items-end justify-between gap-4 border-t border-neutral-200 pt-4">
        <AssignForm slug={slug} conversationId={thread.id} assigneeId={thread.assigneeId} team={team} />
        <StatusForm slug={slug} conversationId={thread.id} closed={thread.status === 'CLOSED'} />
      </div>
    </div>
  );
}
