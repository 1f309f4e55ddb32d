import type { Translate } from '@/app/_i18n/translate';
import type { Formats } from '@/app/_i18n/format';
import type { SupportThread } from '@/server/domain/support';
import { ContactForm } from './order-help-box';

/** A conversation with the brand's team, oldest message first; the buyer can write again below it. */
export function SupportThreadView({ thread, t, format }: { thread: SupportThread; t: Translate; format: Formats }) {
  return (
    <section aria-labelledby={`thread-${thread.id}`} className="space-y-3">
      <h3 id={`thread-${thread.id}`} className="font-semibold">
        {thread.subject}
        {thread.status === 'CLOSED' && <span className="ml-2 text-sm font-normal text-neutral-600">({t('support.thread.closed')})</span>}
      </h3>
      <ol className="space-y-2" data-testid="support-thread">
        {thread.messages.map((m) => (
          <li key={m.id} className={`rounded-lg p-3 ${m.fromBrand ? 'bg-brand-50' : 'bg-neutral-50'}`}>
            <p className="text-xs text-neutral-600">
              {m.fromBrand ? t('support.thread.team', { brand: thread.brandName }) : t('support.thread.you')} ·{' '}
              <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, 'dateTime')}</time>
            </p>
            <p className="mt-1 whitespace-pre-line">{m.body}</p>
          </li>
        ))}
      </ol>
      <ContactForm conversationId={thread.id} />
    </section>
  );
}
