import type { SequencedEvents } from '@/server/realtime/protocol';
import type { EngagementState } from './engagement-state';

// Apart from engagement-state.ts: the page's first load needs only the empty state, and these updates load
// with the show channel's wiring (show-channel-wiring.ts, beside socket.io-client). In the same module they
// shipped with the first load (the bundler keeps a module whole where both chunks share it).

type EngagementEvent = Extract<keyof SequencedEvents, `giveaway:${string}` | `poll:${string}` | `question:${string}`>;
type Update = (s: EngagementState) => Partial<EngagementState>;
type EngagementHandlers = { [E in EngagementEvent]: (event: Parameters<SequencedEvents[E]>[0]) => Update };

const byVotes = (a: { upvotes: number; createdAt: string }, b: { upvotes: number; createdAt: string }) =>
  b.upvotes - a.upvotes || a.createdAt.localeCompare(b.createdAt);

/** How each giveaway, poll and question broadcast changes the state; one entry per event, checked by the compiler. */
export const engagementUpdates: EngagementHandlers = {
  'giveaway:started': (e) => () => ({ giveaway: e.giveaway, myGiveaway: null }),
  'giveaway:entries': (e) => (s) => ({
    giveaway: s.giveaway?.id === e.giveawayId ? { ...s.giveaway, entryCount: e.entryCount } : s.giveaway,
  }),
  'giveaway:drawn': (e) => () => ({ giveaway: e.giveaway }),
  'poll:started': (e) => () => ({ poll: e.poll, myPollOption: null }),
  'poll:results': (e) => (s) => ({ poll: s.poll?.id === e.pollId ? { ...s.poll, counts: e.counts, total: e.total } : s.poll }),
  'poll:closed': (e) => () => ({ poll: e.poll }),
  'question:asked': (e) => (s) => ({ questions: [...s.questions.filter((q) => q.id !== e.question.id), e.question].sort(byVotes) }),
  'question:upvoted': (e) => (s) => ({
    questions: s.questions.map((q) => (q.id === e.questionId ? { ...q, upvotes: e.upvotes } : q)).sort(byVotes),
  }),
  'question:answering': (e) => (s) => ({
    questions: s.questions
      .filter((q) => !e.answeredIds.includes(q.id))
      .map((q) => (q.id === e.question?.id ? e.question : q.status === 'ANSWERING' ? { ...q, status: 'OPEN' as const } : q)),
  }),
  'question:answered': (e) => (s) => ({ questions: s.questions.filter((q) => q.id !== e.questionId) }),
};
