// Provably fair giveaways in a live show: commit, enter (tap or chat keyword), draw, prize orders.
//
// The module's public door: code outside server/domain/giveaways/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  claimPrize,
  currentGiveaway,
  type DrawResult,
  drawGiveaway,
  drawGiveawayAtEnd,
  enterGiveaway,
  enterGiveawayByChat,
  type EntryResult,
  giveawayEntryCount,
  type GiveawayVerification,
  giveawayVerification,
  mentionsKeyword,
  startGiveaway,
} from './giveaways';
export { type GiveawayStatus, type GiveawayView, type MyGiveaway, type PrizeStatus } from './giveaway-view';
export { GIVEAWAY_ELIGIBILITY, type GiveawayEligibility, type GiveawayStartInput, giveawayStartInputSchema } from './giveaways.schema';
