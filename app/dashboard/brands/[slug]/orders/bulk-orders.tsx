'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { inputClass, primaryButtonClass, secondaryButtonClass, TableScroller } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { AdvanceTarget } from '@/server/domain/orders';
import type { OrderStatus } from '@/server/domain/orders';
import { LocalTime } from '@/app/_components/local-time';
import { bulkAdvanceAction, type BulkState } from './actions';

export interface OrderRowView {
  id: string;
  number: number;
  status: OrderStatus;
  /** The badge's words ("Shipped · Partially refunded"), from statusLabels. */
  statusLabel: string;
  /** "Dewy Glow Serum ×2, Barrier Moisturiser" */
  items: string;
  placedIso: string;
  buyer: string;
  show: string | null;
  total: string;
}

const STEPS: readonly AdvanceTarget[] = ['PACKED', 'SHIPPED', 'DELIVERED'];

/** The orders table with a checkbox per order and the bulk step bar above it. */
export function BulkOrders({ slug, rows }: { slug: string; rows: OrderRowView[] }) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [to, setTo] = useState<AdvanceTarget>('PACKED');
  const [state, action, pending] = useActionState<BulkState, FormData>(bulkAdvanceAction, null);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const chosen = rows.filter((r) => selected.has(r.id));

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="slug" value={slug} />
      {chosen.map((r) => (
        <input key={r.id} type="hidden" name="orderId" value={r.id} />
      ))}
      <fieldset className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">{t('orders.brand.bulk.legend', { count: chosen.length })}</legend>
        <div className="flex flex-wrap gap-3">
          {STEPS.map((step) => (
            <label key={step} className="flex items-center gap-2 text-sm">
              <input type="radio" name="to" value={step} checked={to === step} onChange={() => setTo(step)} />
              {t(`orders.brand.bulk.mark${step}`)}
            </label>
          ))}
        </div>
        {to === 'SHIPPED' && (
          <div className="space-y-3">
            <div className="space-y-1">
              <label htmlFor="bulk-carrier" className="block text-sm font-medium">
                {t('orders.common.carrier')}
              </label>
              <input
                id="bulk-carrier"
                name="carrier"
                className={inputClass}
                placeholder={t('orders.brand.bulk.carrierPlaceholder')}
                autoComplete="off"
              />
            </div>
            {chosen.length === 0 && <p className="text-sm text-neutral-600">{t('orders.brand.bulk.trackingAfterSelect')}</p>}
            {chosen.map((r) => (
              <div key={r.id} className="space-y-1">
                <label htmlFor={`tracking-${r.id}`} className="block text-sm font-medium">
                  {t('orders.brand.bulk.trackingFor', { number: r.number })}
                </label>
                <input id={`tracking-${r.id}`} name={`tracking:${r.id}`} className={inputClass} autoComplete="off" />
              </div>
            ))}
          </div>
        )}
        <button type="submit" disabled={pending || chosen.length === 0} className={primaryButtonClass}>
          {pending ? t('orders.common.working') : t('orders.brand.bulk.apply', { count: chosen.length })}
        </button>
        {state && !state.ok && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.message}
          </p>
        )}
        {state?.ok && (
          <div role="status" className="space-y-1">
            <p className="text-sm font-semibold">{t('orders.brand.bulk.resultsTitle')}</p>
            <ul className="space-y-1 text-sm">
              {state.lines.map((line) => (
                <li key={line.orderId} className={line.ok ? 'text-emerald-800' : 'text-red-800'}>
                  {line.ok ? '✓ ' : '✗ '}
                  {line.text}
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      <TableScroller label={t('orders.brand.table.caption')} className="rounded-2xl border border-neutral-200 bg-white">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">{t('orders.brand.table.caption')}</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50">
            <tr>
              <th scope="col" className="w-10 p-3">
                <input
                  type="checkbox"
                  aria-label={t('orders.brand.table.selectAll')}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
              <th scope="col" className="p-3">
                {t('orders.brand.table.order')}
              </th>
              <th scope="col" className="p-3">
                {t('orders.brand.table.placed')}
              </th>
              <th scope="col" className="p-3">
                {t('orders.brand.table.buyer')}
              </th>
              <th scope="col" className="p-3">
                {t('orders.brand.table.items')}
              </th>
              <th scope="col" className="p-3">
                {t('orders.brand.table.show')}
              </th>
              <th scope="col" className="p-3 text-right">
                {t('orders.brand.table.total')}
              </th>
              <th scope="col" className="p-3">
                {t('orders.brand.table.status')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {rows.map((r) => (
              <tr key={r.id} className={selected.has(r.id) ? 'bg-brand-50' : undefined}>
                <td className="p-3">
                  <input
                    type="checkbox"
                    aria-label={t('orders.brand.table.selectOrder', { number: r.number })}
                    checked={selected.has(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                </td>
                <td className="p-3 font-semibold">
                  <Link href={`/dashboard/brands/${slug}/orders/${r.id}`} className="text-brand-700 underline">
                    #{r.number}
                  </Link>
                </td>
                <td className="p-3">
                  <LocalTime iso={r.placedIso} dated />
                </td>
                <td className="p-3">{r.buyer}</td>
                <td className="p-3">{r.items}</td>
                <td className="p-3">{r.show ?? '—'}</td>
                <td className="p-3 text-right tabular-nums">{r.total}</td>
                <td className="p-3">{r.statusLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {selected.size > 0 && (
        <button type="button" className={secondaryButtonClass} onClick={() => setSelected(new Set())}>
          {t('orders.brand.bulk.clearSelection')}
        </button>
      )}
    </form>
  );
}
