import type { Locale } from './locales';
import type { Messages } from './messages/types';

// next-intl's typed keys: t('viewer.nope') fails to compile.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
