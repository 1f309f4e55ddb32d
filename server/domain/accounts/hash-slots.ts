import { AppError } from '../errors';
import { processSingleton } from '../../process-registry';

// argon2id costs 19 MiB per hash: a burst of parallel sign-in or sign-up
// attempts could take the process's memory. At most MAX_CONCURRENT hashes run
// at once; a bounded queue waits for a slot and anything past it is refused.
const MAX_CONCURRENT = 4;
const MAX_WAITING = 64;

interface Slots {
  running: number;
  /** The most that ever ran at once (tests read it). */
  peak: number;
  waiting: (() => void)[];
}

// In the process registry: the Next.js bundle and the server's modules share one budget.
function slots(): Slots {
  return processSingleton<Slots>('hash-slots', () => ({ running: 0, peak: 0, waiting: [] }));
}

/** Runs a password hash or verification inside the concurrency budget. */
export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  const s = slots();
  if (s.running >= MAX_CONCURRENT) {
    if (s.waiting.length >= MAX_WAITING) throw new AppError('TOO_MANY_ATTEMPTS', 'password hashing queue full');
    await new Promise<void>((resolve) => s.waiting.push(resolve));
  } else {
    s.running++;
    s.peak = Math.max(s.peak, s.running);
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, or give it back.
    const next = s.waiting.shift();
    if (next) next();
    else s.running--;
  }
}

/** The most hashes that ever ran at once in this process. */
export function hashSlotsPeak(): number {
  return slots().peak;
}
