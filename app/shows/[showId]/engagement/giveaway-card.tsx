'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { GiveawayView, MyGiveaway } from '@/server/domain/giveaways';
import type { ServerToClientEvents } from '@/server/realtime/protocol';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import type { MessageKey } from '@/app/_i18n/translate';
import { useAuctionCountdown } from '../../../_lib/use-auction-countdown';
import { formatCountdown } from '../../../_lib/use-countdown';
import type { ShowClientSocket } from '../../../_lib/show-socket';
import { useEngageRequest } from './use-engage-request';

const ELIGIBILITY: Record<GiveawayView['eligibility'], MessageKey> = {
  ANYONE: 'engage.giveaway.eligibleAnyone',
  FOLLOWERS: 'engage.giveaway.eligibleFollowers',
  BUYERS: 'engage.giveaway.eligibleBuyers',
};

/** The viewer's giveaway card: the prize, who may enter, enter (or the chat keyword), the countdown, the result and its proof. */
export function GiveawayCard({
  showId,
  giveaway,
  mine: initialMine,
  socketRef,
  signedIn,
}: {
  showId: string;
  giveaway: GiveawayView;
  mine: MyGiveaway | null;
  socketRef: RefObject<ShowClientSocket | null>;
  signedIn: boolean;
  /** The server's clock minus this device's: entries close when the server says. */
}) {
  const { t } = useI18n();
  const { send, error, setError, busy } = useEngageRequest(socketRef);
  const [mine, setMine] = useState<MyGiveaway | null>(initialMine);
  const secondsLeft = useAuctionCountdown(giveaway.status === 'OPEN' ? giveaway.endsAt : null);
  const ref = mine?.giveawayId === giveaway.id ? mine.ref : null;
  const won = giveaway.status === 'DRAWN' && ref !== null && giveaway.winners.some((w) => w.ref === ref);
  const prizeStatus = mine?.giveawayId === giveaway.id ? mine.prizeStatus : null;

  useEffect(() => setMine(initialMine), [initialMine]);

  // An entry by the chat keyword is answered to this socket alone.
  useEffect(() => {
    const socket = socketRef.current;
    if (!socket) return;
    const onEntry: ServerToClientEvents['giveaway:chatEntry'] = (event) => {
      if (event.showId !== showId) return;
      if (event.entry) setMine({ giveawayId: event.entry.giveawayId, ref: event.entry.ref, won: false, prizeStatus: null, orderId: null });
      else setError(errorText(t, event.error));
    };
    socket.on('giveaway:chatEntry', onEntry);
    return () => void socket.off('giveaway:chatEntry', onEntry);
  }, [socketRef, showId, setError, t]);

  // A winner learns how the prize reaches them (an order, or an address to add) from their own claim.
  useEffect(() => {
    if (!won || prizeStatus) return;
    void send('giveaway:claim', { showId, giveawayId: giveaway.id }).then((answer) => answer && setMine(answer.mine));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per win
  }, [won, giveaway.id]);

  async function enter() {
    const answer = await send('giveaway:enter', { showId, giveawayId: giveaway.id });
    if (answer) setMine({ giveawayId: giveaway.id, ref: answer.entry.ref, won: false, prizeStatus: null, orderId: null });
  }

  async function claim() {
    const answer = await send('giveaway:claim', { showId, giveawayId: giveaway.id });
    if (answer) setMine(answer.mine);
  }

  const open = giveaway.status === 'OPEN' && secondsLeft > 0;
  return (
    <section aria-labelledby="giveaway-heading" data-testid="giveaway-card" className="rounded-2xl bg-white/95 p-3 text-sm text-ink shadow">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="giveaway-heading" className="font-bold">
          🎁 {t('engage.giveaway.heading')}
        </h2>
        <span className="text-xs text-neutral-600" data-testid="giveaway-entries">
          {t('engage.giveaway.entries', { count: giveaway.entryCount })}
        </span>
      </div>
      <p className="font-medium">{t('engage.giveaway.prize', { prize: giveaway.prizeText })}</p>
      {giveaway.status === 'OPEN' && (
        <>
          <p className="text-xs text-neutral-600">{t(ELIGIBILITY[giveaway.eligibility])}</p>
          <p className="text-xs tabular-nums" aria-live="off">
            {open ? t('engage.giveaway.closesIn', { time: formatCountdown(secondsLeft) }) : t('engage.giveaway.closed')}
          </p>
          {ref ? (
            <p role="status" className="mt-1 font-semibold text-green-800">
              {t('engage.giveaway.entered', { ref })}
            </p>
          ) : !signedIn ? (
            <p className="mt-1">{t('engage.giveaway.signIn')}</p>
          ) : giveaway.keyword ? (
            <p className="mt-1 font-semibold">{t('engage.giveaway.typeKeyword', { keyword: giveaway.keyword })}</p>
          ) : (
            open && (
              <button
                type="button"
                onClick={() => void enter()}
                disabled={busy}
                className="mt-2 w-full rounded-full bg-brand-500 px-4 py-2 font-bold text-white disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
              >
                {t('engage.giveaway.enter')}
              </button>
            )
          )}
        </>
      )}
      {giveaway.status === 'DRAWN' && (
        <div role="status" className="mt-1 space-y-1">
          <p data-testid="giveaway-winners">
            {giveaway.winners.length
              ? t('engage.giveaway.winners', { names: giveaway.winners.map((w) => w.name).join(', ') })
              : t('engage.giveaway.noWinners')}
          </p>
          {won && <p className="font-bold text-green-800">{t('engage.giveaway.youWon')}</p>}
          {won && prizeStatus === 'ORDERED' && <p>{t('engage.giveaway.prizeOrdered')}</p>}
          {won && prizeStatus === 'NO_ORDER' && <p>{t('engage.giveaway.prizeNoOrder')}</p>}
          {won && prizeStatus === 'NEEDS_ADDRESS' && (
            <p>
              {t('engage.giveaway.prizeNeedsAddress')}{' '}
              <a href="/account/wallet" target="_blank" rel="noopener" className="underline">
                {t('engage.giveaway.addAddress')}
              </a>{' '}
              <button
                type="button"
                onClick={() => void claim()}
                disabled={busy}
                className="rounded-full bg-ink px-3 py-1 font-semibold text-white"
              >
                {t('engage.giveaway.claim')}
              </button>
            </p>
          )}
        </div>
      )}
      <a href={`/giveaways/${giveaway.id}/verify`} target="_blank" rel="noopener" className="mt-1 inline-block text-xs underline">
        {t('engage.giveaway.verify')}
      </a>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
