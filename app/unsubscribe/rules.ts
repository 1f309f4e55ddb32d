import type { MessageRule } from '@/app/account/localise-state';

// server/domain/notifications/unsubscribe.ts refuses every bad token with this one sentence.
export const UNSUBSCRIBE_RULES: readonly MessageRule[] = [
  {
    english: 'This unsubscribe link is not valid. Open it again from the email, or change your settings on your account page.',
    key: 'mailbox.unsubscribe.invalid',
  },
];
