import path from 'node:path';
import { test } from '@playwright/test';

const DOCS_SHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * Where a spec writes a picture: docs/screenshots under `npm run screenshots`
 * (UPDATE_SCREENSHOTS=1), else the test's own output folder, so that `npm test`
 * leaves the tree as it found it.
 */
export function screenshotPath(file: string): string {
  return process.env.UPDATE_SCREENSHOTS === '1' ? path.join(DOCS_SHOTS, file) : test.info().outputPath('screenshots', file);
}
