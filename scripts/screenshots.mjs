// `npm run screenshots`: refreshes docs/screenshots (shown in the README) from the
// production build. `npm test` renders the same pages but never writes here.
import path from 'node:path';
import { bootstrap, ensureNextBuild, projectRoot } from './lib/bootstrap.mjs';
import { log, run } from './lib/run.mjs';

const env = await bootstrap({ forTests: true });
await ensureNextBuild();
log('taking screenshots into docs/screenshots…');
// One run per spec: each starts the app on a fresh database, so no spec's test
// shows end up in another's pictures (the home page lists every live show).
for (const spec of ['e2e/screenshots.spec.ts', 'e2e/new-buyer-phone.spec.ts', 'e2e/show-page-phone.spec.ts']) {
  await run(path.join(projectRoot, 'node_modules', '.bin', 'playwright'), ['test', spec], {
    cwd: projectRoot,
    env: { ...env, UPDATE_SCREENSHOTS: '1' },
  });
}
