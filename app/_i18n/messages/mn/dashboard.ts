import type { Messages } from '../types';

export const dashboard: Messages['dashboard'] = {};
