'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../../_lib/show-socket';
import type { EngagementState } from './engagement-state';
import { GiveawayCard, PollCard, QuestionsSheet } from '../on-demand-parts';

/** The viewer's giveaway and poll cards and the button that opens Q&A; one mount point in the show page. */
export function EngagementCards({
  showId,
  engagement,
  socketRef,
  signedIn,
  live,
}: {
  showId: string;
  engagement: EngagementState;
  socketRef: RefObject<ShowClientSocket | null>;
  signedIn: boolean;
  live: boolean;
}) {
  const { t } = useI18n();
  const [questionsOpen, setQuestionsOpen] = useState(false);
  const [upvoted, setUpvoted] = useState<Set<string>>(() => new Set(engagement.myUpvotes));
  const openButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setUpvoted((current) => new Set([...current, ...engagement.myUpvotes])), [engagement.myUpvotes]);
  const closeQuestions = useCallback(() => {
    setQuestionsOpen(false);
    openButton.current?.focus();
  }, []);
  const { giveaway, poll } = engagement;
  if (!live && !giveaway && !poll) return null;
  return (
    <div className="flex flex-col gap-2" data-testid="engagement">
      {giveaway && (
        <GiveawayCard showId={showId} giveaway={giveaway} mine={engagement.myGiveaway} socketRef={socketRef} signedIn={signedIn} />
      )}
      {poll && <PollCard showId={showId} poll={poll} myOption={engagement.myPollOption} socketRef={socketRef} signedIn={signedIn} />}
      {live && (
        <button
          ref={openButton}
          type="button"
          aria-haspopup="dialog"
          onClick={() => setQuestionsOpen(true)}
          className="w-fit rounded-full bg-white/90 px-3 py-1.5 text-sm font-bold text-ink shadow focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          ❓ {t('engage.questions.open', { count: engagement.questions.length })}
        </button>
      )}
      {questionsOpen && (
        <QuestionsSheet
          showId={showId}
          questions={engagement.questions}
          upvoted={upvoted}
          onUpvoted={(id) => setUpvoted((current) => new Set([...current, id]))}
          socketRef={socketRef}
          signedIn={signedIn}
          onClose={closeQuestions}
        />
      )}
    </div>
  );
}
