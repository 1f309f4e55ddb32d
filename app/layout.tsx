import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
// Fonts ship from npm (no download at build time) and cover Latin, Cyrillic, Khmer and Lao.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-lao/400.css';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Live Commerce', template: '%s · Live Commerce' },
  description: 'Watch live shopping shows, chat with hosts and buy in one tap.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#14121a' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
