import type { Messages } from '../types';

export const auth: Messages['auth'] = {};
