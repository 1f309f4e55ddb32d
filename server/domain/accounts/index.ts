// Accounts: sign-up, password and email-link sign-in, sessions and their revocation, profiles, the
// language emails go out in. Deleting an account is server/domain/privacy's.
//
// The module's public door: code outside server/domain/accounts/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  type AccountProfile,
  getAccountProfile,
  influencerProfileSchema,
  saveInfluencerProfile,
  type SocialLink,
  socialLinkSchema,
  updateDisplayName,
  worksOnShows,
} from './account-profile';
export {
  activeSession,
  type AttemptContext,
  changePassword,
  displayNameSchema,
  emailSchema,
  findOrCreateVerifiedAccount,
  passwordChangeSchema,
  registerAccount,
  registrationSchema,
  type SessionAccount,
  verifyAccountPassword,
  verifyCredentials,
} from './accounts';
export { type AccountEvent, announceAccountEvent, bumpSessionVersion, onAccountEvent, revokeSessionsIssuedAt } from './session-revocation';
export { consumeSignInLink, hashToken, linkToken, requestSignInLink } from './sign-in-links';
export { signUp } from './sign-up';
export { pageLocaleOfHandshake, rememberLocale } from './user-locale';
