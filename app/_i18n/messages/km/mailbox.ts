import type { Messages } from '../types';

export const mailbox: Messages['mailbox'] = {};
