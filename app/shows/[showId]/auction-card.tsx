'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { parseMoney } from '@/server/domain/money-input';
import type { AuctionBidAck } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import { errorText } from '../../_i18n/error-text';
import { formatPrice } from '../../_lib/format';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import { useAuctionCountdown } from '../../_lib/use-auction-countdown';
import { SignInToBuy } from './sign-in-to-buy';
import type { AuctionState } from './use-show-channel';

type Won = { orderId: string; orderNumber: number; totalMinor: number; currency: string; productTitle: string };

/**
 * The running auction over the stream: price, leader, a countdown by the server's
 * clock, "Bid" for the next price in one tap, and "Set max" for proxy bidding.
 * An outbid alert is read out at once (assertive live region); the winner sees
 * their paid order.
 */
export function AuctionCard({ auction, socket, signedIn }: { auction: AuctionState; socket: ShowClientSocket | null; signedIn: boolean }) {
  const { t, intl } = useI18n();
  const money = (minor: number) => formatPrice(minor, auction.currency, intl);
  const secondsLeft = useAuctionCountdown(auction.ended ? null : auction.endsAt);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  // The viewer's own standing, from their last bid's answer and the outbid alerts.
  const [myMax, setMyMax] = useState<number | null>(null);
  const [won, setWon] = useState<Won | null>(null);
  const [maxOpen, setMaxOpen] = useState(false);
  const [maxText, setMaxText] = useState('');
  const headingId = useId();
  const maxId = useId();
  const maxHintId = useId();
  const maxInputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!socket) return;
    const onOutbid = (e: { auctionId: string; priceMinor: number | null }) => {
      if (e.auctionId !== auction.id) return;
      setMyMax(null);
      setAlert(t('viewer.auction.outbid', { price: formatPrice(e.priceMinor ?? 0, auction.currency, intl) }));
    };
    const onWon = (e: Won & { auctionId: string }) => {
      if (e.auctionId === auction.id) setWon(e);
    };
    socket.on('auction:outbid', onOutbid);
    socket.on('auction:won', onWon);
    return () => {
      socket.off('auction:outbid', onOutbid);
      socket.off('auction:won', onWon);
    };
  }, [socket, auction.id, auction.currency, intl, t]);

  async function send(kind: 'bid' | 'max', amountMinor: number) {
    if (!socket) return;
    setPending(true);
    setProblem(null);
    setAlert(null);
    const idempotencyKey = crypto.randomUUID();
    const response =
      kind === 'bid'
        ? await request(socket, 'auction:bid', { showId: auction.showId, auctionId: auction.id, amountMinor, idempotencyKey })
        : await request(socket, 'auction:setMax', { showId: auction.showId, auctionId: auction.id, maxMinor: amountMinor, idempotencyKey });
    setPending(false);
    if (!response.ok) return setProblem(errorText(t, response.error));
    const { bid }: { bid: AuctionBidAck } = response;
    if (bid.leading) setMyMax(amountMinor);
    else setAlert(t('viewer.auction.outbidAtOnce'));
    setMaxOpen(false);
    setMaxText('');
  }

  function submitMax(event: FormEvent) {
    event.preventDefault();
    const parsed = parseMoney(maxText, auction.currency);
    if (!parsed.ok)
      return setProblem(t('viewer.auction.maxInvalid', { example: formatPrice(auction.nextBidMinor, auction.currency, intl) }));
    void send('max', parsed.minor);
  }

  const ended = auction.ended;
  const open = !ended && secondsLeft > 0;
  const leading = myMax !== null && !ended;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="auction-card"
      className="pointer-events-auto rounded-2xl bg-white/95 p-3 text-ink shadow-lg md:p-4"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="min-w-0 truncate font-bold">
          {t('viewer.auction.heading')} · {auction.productTitle}
        </h2>
        {!ended && (
          <p className="shrink-0 text-sm font-semibold tabular-nums" data-testid="auction-countdown">
            <span className="sr-only">{t('viewer.auction.timeLeft')} </span>
            {open ? t('viewer.auction.secondsLeft', { seconds: secondsLeft }) : t('viewer.auction.ending')}
          </p>
        )}
      </div>
      {ended ? (
        <p role="status" className="mt-1 text-sm font-semibold" data-testid="auction-result">
          {ended.result === 'SOLD'
            ? t('viewer.auction.sold', { name: ended.winnerName ?? '', price: money(ended.priceMinor ?? 0) })
            : ended.result === 'UNSOLD'
              ? t('viewer.auction.unsold')
              : t('viewer.auction.cancelled')}
        </p>
      ) : (
        <p className="mt-1 text-sm" data-testid="auction-price">
          <span className="text-lg font-bold">
            {auction.priceMinor === null
              ? t('viewer.auction.startingBid', { price: money(auction.startPriceMinor) })
              : t('viewer.auction.currentBid', { price: money(auction.priceMinor) })}
          </span>{' '}
          · {auction.leaderName ? t('viewer.auction.leader', { name: auction.leaderName }) : t('viewer.auction.noBids')} ·{' '}
          {t('viewer.auction.bids', { count: auction.bidCount })}
        </p>
      )}
      <p aria-live="assertive" className="text-sm font-semibold text-red-700" data-testid="auction-alert">
        {alert}
      </p>
      {won && (
        <p role="status" className="mt-1 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="auction-won">
          {t('viewer.auction.won', { product: won.productTitle, number: won.orderNumber, total: money(won.totalMinor) })}{' '}
          <Link href={`/account/orders/${won.orderId}`} className="font-semibold underline">
            {t('viewer.auction.viewOrder')}
          </Link>
        </p>
      )}
      {open &&
        (!signedIn ? (
          <SignInToBuy />
        ) : (
          <>
            {leading && (
              <p className="mt-1 text-sm font-semibold text-emerald-800">
                {myMax > (auction.priceMinor ?? 0) ? t('viewer.auction.leadingMax', { max: money(myMax) }) : t('viewer.auction.leading')}
              </p>
            )}
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                disabled={pending || !socket || leading}
                onClick={() => void send('bid', auction.nextBidMinor)}
                className="flex-1 rounded-full bg-brand-500 py-2.5 font-bold text-white hover:bg-brand-600 disabled:bg-neutral-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
              >
                {t('viewer.auction.bid', { price: money(auction.nextBidMinor) })}
              </button>
              <button
                type="button"
                aria-expanded={maxOpen}
                aria-controls={maxId}
                onClick={() => {
                  setMaxOpen((was) => !was);
                  setTimeout(() => maxInputRef.current?.focus(), 0);
                }}
                className="rounded-full border border-ink px-4 py-2.5 text-sm font-bold hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
              >
                {t('viewer.auction.setMax')}
              </button>
            </div>
            {maxOpen && (
              <form id={maxId} onSubmit={submitMax} className="mt-2 flex flex-col gap-1 text-sm">
                <label htmlFor={`${maxId}-input`} className="font-semibold">
                  {t('viewer.auction.maxLabel')}
                </label>
                <p id={maxHintId} className="text-neutral-600">
                  {t('viewer.auction.maxHint')}
                </p>
                <div className="flex gap-2">
                  <input
                    ref={maxInputRef}
                    id={`${maxId}-input`}
                    inputMode="decimal"
                    autoComplete="off"
                    aria-describedby={maxHintId}
                    value={maxText}
                    onChange={(e) => setMaxText(e.target.value)}
                    placeholder={money(auction.nextBidMinor)}
                    className="min-w-0 flex-1 rounded-lg border border-neutral-300 px-2 py-1.5"
                  />
                  <button
                    type="submit"
                    disabled={pending}
                    className="rounded-full bg-ink px-4 py-1.5 font-bold text-white disabled:bg-neutral-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                  >
                    {t('viewer.auction.confirmMax')}
                  </button>
                </div>
              </form>
            )}
          </>
        ))}
      {problem && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {problem}
        </p>
      )}
    </section>
  );
}
