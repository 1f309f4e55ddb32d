import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
// Fonts ship from npm (no download at build time) and cover Latin, Cyrillic
// (Mongolian), Khmer and Lao; unicode-range keeps each page to the scripts it uses.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-lao/700.css';
import './globals.css';
import { SkipLink } from './_components/skip-link';
import { I18nProvider } from './_i18n/client';
import { pickMessages, ROOT_NAMESPACES } from './_i18n/route-messages';
import { getI18n, getLocale } from './_i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t('common.appName'), template: `%s · ${t('common.appName')}` },
    description: t('common.description'),
    // The manifest (app/manifest.ts) is linked by Next itself; iOS reads its own tags for the Home Screen.
    icons: { icon: '/icons/icon.svg', apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: t('common.appName'), statusBarStyle: 'black-translucent' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#14121a', viewportFit: 'cover' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale} messages={pickMessages(locale, ROOT_NAMESPACES)}>
          <SkipLink />
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
