import type { Messages } from '../types';

export const studio: Messages['studio'] = {};
