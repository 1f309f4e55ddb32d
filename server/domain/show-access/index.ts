// Private shows (issue 18 item 4): who may find a show (isPubliclyListed, canEmbed) and who may
// join it (requireShowAccess), and the brand's invitations with personal join links.
export { canEmbed, isPubliclyListed, publiclyListedShow, SHOW_VISIBILITIES, type ShowVisibility } from './visibility';
export { coHostIdsOf, isShowStaff, requireShowAccess, showInviteCookie, type ShowAccess, type Visitor } from './join-access';
export {
  getShowPrivacy,
  joinLink,
  redeemJoinToken,
  setShowPrivacy,
  SHOW_INVITES_MAX,
  type ShowPrivacy,
  showVisibilitySchema,
  type ShowVisibilityInput,
} from './invites';
