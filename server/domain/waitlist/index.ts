// The waitlist: "Notify me" on a sold-out variant, and the units held for the people in line
// when it is back (the trigger waitlist_offer_restock; spent by reserve_order).
//
// The module's public door: code outside server/domain/waitlist/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  heldUnits,
  joinWaitlist,
  leaveWaitlist,
  releaseExpiredHolds,
  waitlistJoinSchema,
  type WaitlistJoinInput,
  type WaitlistState,
  waitlistStates,
} from './waitlist';
export { claimNewOffers, emailWaitlistOffer, type WaitlistOffer } from './waitlist-offers';
