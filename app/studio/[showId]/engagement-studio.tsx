'use client';

import type { RefObject } from 'react';
import type { ProductCard } from '@/server/domain/catalog';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import type { EngagementState } from '../../shows/[showId]/engagement/engagement-state';
import { GiveawayControls } from './giveaway-controls';
import { PollControls } from './poll-controls';
import { QuestionControls } from './question-controls';

/** The studio's giveaway, poll and Q&A controls; one mount point in the studio. */
export function EngagementStudio({
  showId,
  engagement,
  lineup,
  live,
  socketRef,
}: {
  showId: string;
  engagement: EngagementState;
  lineup: ProductCard[];
  live: boolean;
  socketRef: RefObject<ShowClientSocket | null>;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="engage-heading" className="shrink-0 space-y-4 rounded-2xl bg-white p-4 shadow-sm" data-testid="engage-studio">
      <h2 id="engage-heading" className="font-semibold">
        {t('engage.studio.heading')}
      </h2>
      {!live && <p className="text-sm text-neutral-600">{t('engage.studio.offAir')}</p>}
      {live && <GiveawayControls showId={showId} giveaway={engagement.giveaway} lineup={lineup} socketRef={socketRef} />}
      {live && <PollControls showId={showId} poll={engagement.poll} socketRef={socketRef} />}
      {live && <QuestionControls showId={showId} questions={engagement.questions} socketRef={socketRef} />}
    </section>
  );
}
