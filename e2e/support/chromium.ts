// Debian's Chromium (Playwright cannot download its own browsers here), in its headless shell: the same
// Blink, V8 and WebRTC as the browser without the desktop browser's layers, as Playwright's own headless
// runs use. The browser is most of a run's CPU: five live specs took 97 busy CPU-seconds in the shell
// against 153 and 136 in the full browser (probe runs one after the other), and a whole `npm test` 1,065
// against 1,391 (README). A spec that needs the full browser says so with `FULL_CHROMIUM` (the shell
// denies notifications). The fake media flags give the host a synthetic camera and microphone; the media
// path through mediasoup to the viewer is real. The camera sends 15 frames a second, not 30: every live
// spec encodes three simulcast layers and decodes them in each viewer.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream=fps=15',
];
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
/** Launch options for a spec that needs Debian's full Chromium: `test.use({ launchOptions: FULL_CHROMIUM })`. */
export const FULL_CHROMIUM = { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS };
