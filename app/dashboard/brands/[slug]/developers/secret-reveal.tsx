'use client';

import { useId, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { secondaryButtonClass } from '@/app/_components/ui';

/** A secret shown once: selectable text and a copy button that says whether copying worked. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      // Clipboard access needs a secure context and permission; the text stays selectable.
      setCopied('failed');
    }
  };
  const id = useId();
  return (
    <div className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3">
      <label htmlFor={id} className="block text-sm font-semibold text-amber-950">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className={`${secondaryButtonClass} shrink-0 px-3 py-2 text-sm`}>
          {t('commerce.developers.secret.copy')}
        </button>
      </div>
      <p role="status" className="text-xs text-amber-950">
        {copied === 'copied'
          ? t('commerce.developers.secret.copied')
          : copied === 'failed'
            ? t('commerce.developers.secret.copyFailed')
            : t('commerce.developers.secret.once')}
      </p>
    </div>
  );
}
