import type { Messages } from '../types';

export const commerce: Messages['commerce'] = {};
