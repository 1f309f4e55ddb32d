import { z } from 'zod';

export const SUPPORT_MESSAGE_MAX = 4000;

/** A message as typed: trimmed, never empty, and short enough to read in one screen or two. */
export const supportMessageSchema = z
  .string()
  .trim()
  .min(1, 'SUPPORT_MESSAGE_REQUIRED')
  .max(SUPPORT_MESSAGE_MAX, 'SUPPORT_MESSAGE_TOO_LONG');

export const SUPPORT_FILTERS = ['open', 'unread', 'mine', 'closed', 'all'] as const;
export type SupportFilter = (typeof SUPPORT_FILTERS)[number];
