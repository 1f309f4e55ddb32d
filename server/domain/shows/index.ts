// Shows: scheduling and the host invitation, the live lifecycle (go live, pin, end), flash deals,
// who may moderate or use the media, the studio's figures, show cards.
//
// The module's public door: code outside server/domain/shows/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { activeDeal, closeExpiredDeal, dealSoldOut, type DealView, endFlashDeal, startFlashDeal } from './deals';
export { type MediaUse, requireMediaAccess } from './media-access';
export { type HostInviteStatus, type LineupCandidate } from './scheduling-read';
export { coverImageUrlSchema, type HostInviteResponse, localDateTimeSchema } from './scheduling.schema';
export {
  cancelReasonSchema,
  cancelShow,
  createShow,
  getBrandShow,
  type HostInvitation,
  hostInviteResponseSchema,
  listBrandShows,
  listHostInvitations,
  listLineupCandidates,
  rescheduleShow,
  respondToHostInvite,
  showCreationSchema,
  showDetailsSchema,
  updateShowDetails,
} from './scheduling';
export { recordShowAudience } from './show-audience';
export { discoverableShow, readyRecording, replayableShow, type ShowCardData, showCardSelect, toShowCard } from './show-cards';
export { requireModerator, showRoleOf } from './show-roles';
export {
  endShow,
  getShowState,
  getShowSummary,
  goLive,
  pinnedAt,
  pinProduct,
  type PinResult,
  type ShowState,
  type ShowStatus,
  type ShowSummary,
  unpinProduct,
} from './shows';
export { getStudioFigures, type StudioFigures, studioSummaryLinks } from './studio-figures';
export { emailBrandOfHostAnswer } from './host-invite-email';
