// Embed: the player a brand puts on its own website (an iframe or public/embed.js), which
// sites may frame it, and where its Buy may hand the product over (docs/embed.md).
//
// The module's public door: code outside server/domain/embed/ imports from here.
export {
  type EmbedOriginRules,
  embedOriginsOfBrand,
  getEmbedOrigins,
  MAX_EMBED_ORIGINS,
  normaliseEmbedOrigin,
  parseEmbedOrigins,
  setEmbedOrigins,
  setEmbedOriginsOfBrand,
} from './embed-origins';
export { embedFrameOrigins, type EmbedShow, getEmbedShow, handOffOrigin } from './embed-show';
