import { PlainAnchor } from './anchor';
import { SiteHeaderView } from './site-header-view';

/** The show page's header: plain links (see anchor.tsx). */
export function PlainSiteHeader() {
  return <SiteHeaderView Anchor={PlainAnchor} />;
}
