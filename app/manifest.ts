import type { MetadataRoute } from 'next';

// The web app manifest (served at /manifest.webmanifest, linked from every page by Next): what a phone needs to
// install the site as an app. iOS also needs it (and the Home Screen) before a page may ask for web push.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Live Commerce',
    short_name: 'Live Commerce',
    description: 'Watch live shopping shows, chat with hosts and buy in one tap.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#14121a',
    background_color: '#14121a',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
