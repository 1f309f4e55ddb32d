import type { ReactNode } from 'react';
import { RouteMessages } from '@/app/_i18n/route-messages';

export default function Layout({ children }: { children: ReactNode }) {
  return <RouteMessages route="reports">{children}</RouteMessages>;
}
