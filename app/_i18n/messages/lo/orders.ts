import type { Messages } from '../types';

export const orders: Messages['orders'] = {};
