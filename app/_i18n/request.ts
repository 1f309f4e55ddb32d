// next-intl's request configuration (wired in next.config.ts). There is no
// locale in the URL: the language is the visitor's choice (a cookie) or their
// browser's, so addresses stay the same in every language.
import { getRequestConfig } from 'next-intl/server';
import { isLocale } from './locales';
import { intlMessages } from './compiled';
import { getLocale } from './server';
import { messageFallback, reportIntlError } from './translate';

export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : await getLocale();
  return {
    locale,
    messages: intlMessages(locale),
    // The server renders times in UTC; the viewer's own zone is applied in the browser after hydration (LocalTime).
    timeZone: 'UTC',
    onError: reportIntlError,
    getMessageFallback: messageFallback,
  };
});
