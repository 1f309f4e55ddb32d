// Polls in a live show: start, vote (one per person), live results, close.
//
// The module's public door: code outside server/domain/polls/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { closePoll, currentPoll, pollResults, type PollView, startPoll, votePoll } from './polls';
export { type PollStartInput, pollStartInputSchema } from './polls.schema';
