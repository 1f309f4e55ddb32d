'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ActionState } from '@/app/_lib/action';
import { FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;
interface Row {
  hostHandle: string;
  productId: string | null;
  percent: number;
}

const EMPTY_ROWS = 3;

/** Hosts and their shares of the commission, for the whole show or one product; shares of one scope add up to the show's rate. */
export function CoHostsForm({
  action: serverAction,
  rows,
  products,
  ratePercent,
}: {
  action: Action;
  rows: Row[];
  products: { id: string; title: string }[];
  ratePercent: number;
}) {
  const [state, action, pending] = useActionState(serverAction, null);
  const { t, format } = useI18n();
  const all = [...rows, ...Array.from({ length: EMPTY_ROWS }, (): Row => ({ hostHandle: '', productId: null, percent: 0 }))];
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-neutral-700">{t('dashboard.coHosts.intro', { rate: format.number(ratePercent) })}</p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th className="pb-1 font-medium">{t('dashboard.coHosts.host')}</th>
            <th className="pb-1 font-medium">{t('dashboard.coHosts.scope')}</th>
            <th className="pb-1 font-medium">{t('dashboard.coHosts.share')}</th>
          </tr>
        </thead>
        <tbody>
          {all.map((row, i) => (
            <tr key={i}>
              <td className="pr-2 pb-2">
                <input
                  name="host"
                  defaultValue={row.hostHandle}
                  aria-label={t('dashboard.coHosts.hostRow', { row: i + 1 })}
                  placeholder="@handle"
                  className={inputClass}
                />
              </td>
              <td className="pr-2 pb-2">
                <select
                  name="product"
                  defaultValue={row.productId ?? ''}
                  aria-label={t('dashboard.coHosts.scopeRow', { row: i + 1 })}
                  className={inputClass}
                >
                  <option value="">{t('dashboard.coHosts.wholeShow')}</option>
                  {products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </select>
              </td>
              <td className="pb-2">
                <input
                  name="share"
                  inputMode="decimal"
                  defaultValue={row.hostHandle ? String(row.percent) : ''}
                  aria-label={t('dashboard.coHosts.shareRow', { row: i + 1 })}
                  className={inputClass}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-neutral-600">{t('dashboard.coHosts.rounding')}</p>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t(pending ? 'dashboard.coHosts.saving' : 'dashboard.coHosts.save')}
      </button>
    </form>
  );
}
