import type { Messages } from '../types';

export const viewer: Messages['viewer'] = {};
