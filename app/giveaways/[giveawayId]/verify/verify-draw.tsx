'use client';

import { useEffect, useId, useState } from 'react';
import { verifyDraw, type DrawCheck } from '@/server/domain/fair-draw';
import { useI18n } from '@/app/_i18n/client';

/**
 * Re-runs the draw with the browser's own SubtleCrypto from the data on the page.
 * The fields are editable: change the seed or an entry and the check shows the mismatch.
 */
export function VerifyDraw(published: { commitment: string; seedHex: string; entries: string[]; winnerCount: number; winners: string[] }) {
  const { t } = useI18n();
  const id = useId();
  const [seedHex, setSeedHex] = useState(published.seedHex);
  const [entriesText, setEntriesText] = useState(published.entries.join('\n'));
  const [check, setCheck] = useState<DrawCheck | null>(null);
  const [failed, setFailed] = useState(false);

  const [insecure, setInsecure] = useState(false);

  async function recompute() {
    setFailed(false);
    // SubtleCrypto exists only in secure contexts (https, localhost).
    if (typeof crypto === 'undefined' || !(crypto.subtle as SubtleCrypto | undefined)) return setInsecure(true);
    try {
      const entries = entriesText.split(/\s+/).filter(Boolean);
      setCheck(await verifyDraw({ ...published, seedHex: seedHex.trim(), entries }));
    } catch {
      // Not hex: the seed cannot have been the committed one.
      setCheck({ commitmentMatches: false, winnersMatch: false, recomputedWinners: [] });
      setFailed(true);
    }
  }

  useEffect(() => {
    void recompute();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on load; later runs are the button's
  }, []);

  const mono = 'w-full rounded-lg border border-neutral-300 p-2 font-mono text-sm';
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm">
      <h2 id={`${id}-h`} className="sr-only">
        {t('engage.verify.title')}
      </h2>
      <div>
        <h3 className="font-semibold">{t('engage.verify.commitment')}</h3>
        <p className="break-all font-mono text-sm" data-testid="verify-commitment">
          {published.commitment}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-seed`} className="font-semibold">
          {t('engage.verify.seed')}
        </label>
        <input id={`${id}-seed`} value={seedHex} onChange={(e) => setSeedHex(e.target.value)} className={mono} spellCheck={false} />
      </div>
      <div>
        <label htmlFor={`${id}-entries`} className="font-semibold">
          {t('engage.verify.entries', { count: published.entries.length })}
        </label>
        <p className="text-xs text-neutral-600">{t('engage.verify.yourEntry')}</p>
        <textarea
          id={`${id}-entries`}
          value={entriesText}
          onChange={(e) => setEntriesText(e.target.value)}
          rows={Math.min(12, Math.max(3, published.entries.length))}
          className={mono}
          spellCheck={false}
        />
      </div>
      <div>
        <h3 className="font-semibold">{t('engage.verify.winners')}</h3>
        <ol className="list-decimal pl-6 font-mono text-sm" data-testid="verify-winners">
          {published.winners.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ol>
      </div>
      <button type="button" onClick={() => void recompute()} className="rounded-full bg-ink px-4 py-2 font-bold text-white">
        {t('engage.verify.recompute')}
      </button>
      {insecure && <p role="status">{t('engage.verify.needsSecure')}</p>}
      {check && (
        <div role="status" className="space-y-1" data-testid="verify-result">
          <p className={check.commitmentMatches ? 'text-green-800' : 'font-bold text-red-700'}>
            {check.commitmentMatches ? `✓ ${t('engage.verify.commitmentOk')}` : `✗ ${t('engage.verify.commitmentBad')}`}
          </p>
          {!failed && (
            <p className={check.winnersMatch ? 'text-green-800' : 'font-bold text-red-700'}>
              {check.winnersMatch
                ? `✓ ${t('engage.verify.winnersOk')}`
                : `✗ ${t('engage.verify.winnersBad', { winners: check.recomputedWinners.join(', ') })}`}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
