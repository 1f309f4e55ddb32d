// With the queue's doubling backoff (30 s, 1 min, 2 min, …) eight attempts keep
// trying for about an hour before a delivery is marked FAILED.
export const WEBHOOK_MAX_ATTEMPTS = 8;
