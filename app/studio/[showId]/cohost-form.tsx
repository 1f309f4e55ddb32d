'use client';

import { useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
// Types only: the domain's code stays on the server.
import type { CoHostSplitView, StageGuestView } from '@/server/domain/stage';

const SHAPE =
  'inline-flex min-h-11 items-center justify-center rounded-full border px-3 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-brand-500';
const BUTTON = `${SHAPE} border-neutral-300 bg-white text-ink hover:bg-neutral-100`;
const PRIMARY = `${SHAPE} border-brand-600 bg-brand-600 text-white hover:bg-brand-700`;

const percent = (bps: number) => String(bps / 100);

/**
 * Making a guest a co-host: the show-wide split with the guest added, in percent. The server
 * checks the sum against the show's rate (HOST_SHARES_SUM); the hint says what it must be.
 */
export function CoHostForm({
  guest,
  split,
  onSave,
  onCancel,
}: {
  guest: StageGuestView;
  split: CoHostSplitView;
  onSave: (shares: { userId: string; shareBps: number }[]) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  // A guest who is a co-host already starts from their share; a new one from nothing.
  const current = split.shares.find((s) => s.userId === guest.userId)?.shareBps ?? 0;
  const people = [...split.shares.filter((s) => s.userId !== guest.userId), { ...guest, shareBps: current }];
  const [values, setValues] = useState(() => new Map(people.map((p) => [p.userId, percent(p.shareBps)])));
  return (
    <form
      className="mt-2 space-y-2 rounded-xl bg-neutral-50 p-3"
      data-testid="cohost-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(people.map((p) => ({ userId: p.userId, shareBps: Math.round(Number(values.get(p.userId) ?? 0) * 100) })));
      }}
    >
      <p className="text-sm text-neutral-700">{t('studio.stage.splitHint', { rate: percent(split.rateBps) })}</p>
      {people.map((p) => (
        <label key={p.userId} className="flex items-center justify-between gap-2 text-sm">
          <span className="min-w-0 truncate">{t('studio.stage.shareLabel', { name: p.name })}</span>
          <input
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.01}
            required
            value={values.get(p.userId) ?? ''}
            onChange={(e) => setValues(new Map(values).set(p.userId, e.target.value))}
            className="min-h-11 w-24 shrink-0 rounded-lg border border-neutral-300 px-2 text-base"
          />
        </label>
      ))}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={PRIMARY}>
          {t('studio.stage.savePromote')}
        </button>
        <button type="button" className={BUTTON} onClick={onCancel}>
          {t('studio.stage.cancel')}
        </button>
      </div>
    </form>
  );
}
