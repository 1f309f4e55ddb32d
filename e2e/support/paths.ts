import path from 'node:path';

export const E2E_DATA_DIR = path.resolve(import.meta.dirname, '../../.data/e2e');
export const E2E_DATABASE_URL_FILE = path.join(E2E_DATA_DIR, 'database-url');
export const E2E_SERVER_PID_FILE = path.join(E2E_DATA_DIR, 'server-pid');
export const E2E_QR_BANK_URL_FILE = path.join(E2E_DATA_DIR, 'qr-bank-url');
export const E2E_STRIPE_URL_FILE = path.join(E2E_DATA_DIR, 'stripe-url');
