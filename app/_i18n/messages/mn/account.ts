import type { Messages } from '../types';

export const account: Messages['account'] = {};
