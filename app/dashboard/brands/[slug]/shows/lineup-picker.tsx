'use client';

import { useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { LineupCandidate } from '@/server/domain/shows';
import { inputClass, secondaryButtonClass } from '@/app/_components/ui';

const smallButton =
  'rounded-lg border border-neutral-300 px-2.5 py-1.5 text-sm font-semibold hover:bg-neutral-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-brand-500';

/** The products of the show in running order; submitted as repeated `lineup` fields. */
export function LineupPicker({ candidates, initial, error }: { candidates: LineupCandidate[]; initial: string[]; error?: string }) {
  const [lineup, setLineup] = useState(initial);
  const [toAdd, setToAdd] = useState('');
  const { t } = useI18n();
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const available = candidates.filter((c) => !lineup.includes(c.id) && c.status !== 'ARCHIVED');

  const move = (index: number, by: -1 | 1) =>
    setLineup((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'lineup-error' : undefined}>
      <legend className="text-sm font-medium">{t('dashboard.lineup.legend')}</legend>
      {lineup.map((id) => (
        <input key={id} type="hidden" name="lineup" value={id} />
      ))}
      {lineup.length === 0 ? (
        <p className="rounded-lg border border-dashed border-neutral-300 p-3 text-sm text-neutral-600">{t('dashboard.lineup.empty')}</p>
      ) : (
        <ol className="space-y-2">
          {lineup.map((id, index) => {
            const title = byId.get(id)?.title ?? t('dashboard.lineup.unknownProduct');
            return (
              <li key={id} className="flex flex-wrap items-center gap-2 rounded-lg border border-neutral-200 bg-white p-2">
                <span className="w-6 text-right text-sm text-neutral-600">{index + 1}.</span>
                <span className="min-w-0 flex-1 font-medium">
                  {title}
                  {byId.get(id)?.status === 'DRAFT' && <span className="ml-2 text-xs text-neutral-600">{t('dashboard.lineup.draft')}</span>}
                </span>
                <button
                  type="button"
                  className={smallButton}
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                  aria-label={t('dashboard.lineup.moveUp', { title })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={smallButton}
                  onClick={() => move(index, 1)}
                  disabled={index === lineup.length - 1}
                  aria-label={t('dashboard.lineup.moveDown', { title })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={smallButton}
                  onClick={() => setLineup((l) => l.filter((x) => x !== id))}
                  aria-label={t('dashboard.lineup.removeLabel', { title })}
                >
                  {t('dashboard.form.remove')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {available.length > 0 && (
        <div className="flex gap-2">
          <label htmlFor="lineup-add" className="sr-only">
            {t('dashboard.lineup.productToAdd')}
          </label>
          <select id="lineup-add" value={toAdd} onChange={(e) => setToAdd(e.target.value)} className={inputClass}>
            <option value="">{t('dashboard.lineup.choose')}</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={!toAdd}
            onClick={() => {
              setLineup((l) => [...l, toAdd]);
              setToAdd('');
            }}
          >
            {t('dashboard.lineup.add')}
          </button>
        </div>
      )}
      {error && (
        <p id="lineup-error" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
