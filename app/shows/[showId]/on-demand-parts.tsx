'use client';

import { lazy, Suspense, type ComponentType } from 'react';

// Parts of the viewer page that the server never renders: each appears only once the show channel says so
// (an auction or a giveaway running, a seat on stage, a unit held for this viewer, a moderator signed in), so
// their code loads then, not with the page. Most viewers never download them. Being absent from the server's
// HTML, they cannot hydrate late against it, so formatting in them is safe (unlike LocalTime or the countdown).

function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: P) {
    return (
      <Suspense>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return OnDemand;
}

export const AuctionCard = onDemand(() => import('./auction-card').then((m) => m.AuctionCard));
export const BackInStockToast = onDemand(() => import('./waitlist/back-in-stock-toast').then((m) => m.BackInStockToast));
export const ModerationBar = onDemand(() => import('./moderation/moderation-bar').then((m) => m.ModerationBar));
export const GiveawayCard = onDemand(() => import('./engagement/giveaway-card').then((m) => m.GiveawayCard));
export const PollCard = onDemand(() => import('./engagement/poll-card').then((m) => m.PollCard));
export const QuestionsSheet = onDemand(() => import('./engagement/questions-sheet').then((m) => m.QuestionsSheet));
export const ConfirmDialog = onDemand(() => import('../../studio/[showId]/confirm-dialog').then((m) => m.ConfirmDialog));
