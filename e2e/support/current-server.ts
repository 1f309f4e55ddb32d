import { test } from '@playwright/test';
import { e2eServerPaths, type E2eServerPaths } from './paths';

/**
 * The data paths of the app server the running test talks to: each Playwright project has its
 * own server (playwright.config.ts), named by the port of the project's baseURL.
 */
export function currentServer(): E2eServerPaths {
  const { baseURL } = test.info().project.use;
  if (!baseURL) throw new Error('the Playwright project has no baseURL');
  return e2eServerPaths(Number(new URL(baseURL).port));
}
