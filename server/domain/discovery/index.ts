// Discovery: the home sections, search, brand and host profiles, the page before a show.
//
// The module's public door: code outside server/domain/discovery/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { normaliseSearchQuery } from './discovery-search';
export { brandProfile, homeSections, hostProfile, otherShows, preShowDetails, type PreShowDetails, search } from './discovery';
