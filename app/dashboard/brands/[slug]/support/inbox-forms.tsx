'use client';

import { useActionState, useEffect, useRef } from 'react';
import { FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { assignAction, replyAction, statusAction } from './actions';

export function ReplyForm({ slug, conversationId }: { slug: string; conversationId: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(replyAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="conversationId" value={conversationId} />
      <label htmlFor="support-reply" className="block text-sm font-medium">
        {t('support.inbox.replyLabel')}
      </label>
      <textarea id="support-reply" name="body" rows={4} required className={inputClass} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('support.help.sending') : t('support.inbox.sendReply')}
      </button>
    </form>
  );
}

export function AssignForm({
  slug,
  conversationId,
  assigneeId,
  team,
}: {
  slug: string;
  conversationId: string;
  assigneeId: string | null;
  team: { userId: string; name: string }[];
}) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(assignAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="conversationId" value={conversationId} />
      <div className="space-y-1">
        <label htmlFor="support-assignee" className="block text-sm font-medium">
          {t('support.inbox.assign')}
        </label>
        <select id="support-assignee" name="assigneeId" defaultValue={assigneeId ?? ''} className={inputClass}>
          <option value="">{t('support.inbox.nobody')}</option>
          {team.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {t('support.inbox.saveAssignee')}
      </button>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function StatusForm({ slug, conversationId, closed }: { slug: string; conversationId: string; closed: boolean }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(statusAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="status" value={closed ? 'OPEN' : 'CLOSED'} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {closed ? t('support.inbox.reopen') : t('support.inbox.close')}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
