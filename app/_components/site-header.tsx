import Link from 'next/link';
import { SiteHeaderView } from './site-header-view';

export function SiteHeader() {
  return <SiteHeaderView Anchor={Link} />;
}
