// Auctions: a host auctions a lineup product, viewers bid with one tap or a maximum
// (proxy bidding), a bid in the last seconds extends the end, the winner pays through
// the order pipeline, and everything lands in the show's audit log.
//
// The module's public door: code outside server/domain/auctions/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  AUCTION_MAX_SECONDS,
  AUCTION_MIN_SECONDS,
  auctionBidSchema,
  auctionCancelSchema,
  auctionSetMaxSchema,
  type AuctionStartRequest,
  auctionStartSchema,
  DEFAULT_ANTI_SNIPE_SECONDS,
  DEFAULT_EXTEND_SECONDS,
} from './auction-schemas';
export {
  activeAuction,
  type AuctionStatus,
  auctionView,
  type AuctionView,
  type BidResult,
  cancelAuction,
  placeBid,
  startAuction,
} from './auctions';
export { auctionOrderKey, type AuctionWinner, overdueAuctions, runningAuctions, type SettleOutcome, settleAuction } from './settle-auction';
