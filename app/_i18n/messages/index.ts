import type { Locale } from '../locales';
import type { Messages } from './types';
import { en } from './en';
import { km } from './km';
import { lo } from './lo';
import { mn } from './mn';

export type { Messages } from './types';

export const MESSAGES: Record<Locale, Messages> = { en, km, lo, mn };
