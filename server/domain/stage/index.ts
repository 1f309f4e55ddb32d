// Guests on stage (issue 18 item 1): the host invites a viewer or another influencer, the guest
// accepts or declines, sends camera and microphone while on stage, leaves or is removed; at most
// four people on stage. The media rules that follow from a seat are in shows/media-access.ts.
//
// The module's public door: code outside server/domain/stage/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  acceptStageInvite,
  declineStageInvite,
  dropBannedFromStage,
  inviteToStage,
  leaveStage,
  publicStage,
  removeFromStage,
  setStageLayout,
  type StageChange,
  type StageGuestView,
  type StageSeat,
  type StageStaffView,
  stageSeatOf,
  stageView,
  type StageView,
} from './stage';
export { type CoHostShareView, type CoHostSplit, coHostSplit, type CoHostSplitView, coHostSplitSchema, promoteToCoHost } from './promote';
export { STAGE_CANDIDATES_MAX, stageCandidates, stageInviteeByHandle } from './candidates';
export { MAX_ON_STAGE, STAGE_LAYOUTS, type StageLayout, stageLayoutSchema } from './stage.schema';
