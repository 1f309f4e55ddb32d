import path from 'node:path';

/** Where one e2e app server (the one on `port`) keeps its data: each Playwright project has its own server. */
export function e2eServerPaths(port: number) {
  const dataDir = path.resolve(import.meta.dirname, `../../.data/e2e-${port}`);
  return {
    dataDir,
    databaseUrlFile: path.join(dataDir, 'database-url'),
    serverPidFile: path.join(dataDir, 'server-pid'),
    qrBankUrlFile: path.join(dataDir, 'qr-bank-url'),
    stripeUrlFile: path.join(dataDir, 'stripe-url'),
  };
}

export type E2eServerPaths = ReturnType<typeof e2eServerPaths>;
