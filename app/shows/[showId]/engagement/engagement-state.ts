import type { EngagementSnapshot } from '@/server/realtime/protocol';

/** The channel's giveaway, poll and questions: the join snapshot with the broadcasts applied on top. */
export type EngagementState = EngagementSnapshot;

export const emptyEngagement: EngagementState = {
  giveaway: null,
  myGiveaway: null,
  poll: null,
  myPollOption: null,
  questions: [],
  myUpvotes: [],
};
