// Marketing emails in the recipient's language. The brand's campaign text is plain text: it is escaped
// into the HTML, its links become anchors (through the click redirect when clicks are tracked), and
// every email ends with the consent reason and the unsubscribe link.
import { emailLocale, emailTranslator } from '../../mail/i18n';
import { escapeHtml, type RenderedEmail } from '../../mail/templates';
import type { MarketingLinks } from './links';

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

interface Parts {
  locale: string | null;
  subject: string;
  /** Plain-text paragraphs (may contain URLs). */
  paragraphs: string[];
  action?: { label: string; url: string };
  links: MarketingLinks;
}

function compose({ locale, subject, paragraphs, action, links }: Parts): RenderedEmail {
  const t = emailTranslator(emailLocale(locale));
  const footer = t('campaigns.email.footer');
  const unsubscribe = t('campaigns.email.unsubscribe');
  const trackedText = (p: string) => p.replace(URL_IN_TEXT, (url) => links.track(url));
  const text = [
    ...paragraphs.map(trackedText),
    ...(action ? ['', `${action.label}: ${links.track(action.url)}`] : []),
    '',
    '—',
    footer,
    `${unsubscribe}: ${links.unsubscribePageUrl}`,
  ].join('\n');
  const htmlParagraph = (p: string) => {
    let out = '';
    let last = 0;
    for (const match of p.matchAll(URL_IN_TEXT)) {
      out += escapeHtml(p.slice(last, match.index)) + `<a href="${escapeHtml(links.track(match[0]))}">${escapeHtml(match[0])}</a>`;
      last = match.index + match[0].length;
    }
    return `<p>${(out + escapeHtml(p.slice(last))).replace(/\n/g, '<br>')}</p>`;
  };
  const html = [
    ...paragraphs.map(htmlParagraph),
    action ? `<p><a href="${escapeHtml(links.track(action.url))}">${escapeHtml(action.label)}</a></p>` : '',
    `<hr><p style="font-size:12px;color:#666">${escapeHtml(footer)} <a href="${escapeHtml(links.unsubscribePageUrl)}">${escapeHtml(unsubscribe)}</a></p>`,
    links.openPixelUrl ? `<img src="${escapeHtml(links.openPixelUrl)}" width="1" height="1" alt="">` : '',
  ].join('\n');
  return { subject, text, html };
}

export function renderCampaignEmail(locale: string | null, subject: string, body: string, links: MarketingLinks): RenderedEmail {
  return compose({
    locale,
    subject,
    paragraphs: body
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean),
    links,
  });
}

export function renderAbandonedBagEmail(
  locale: string | null,
  facts: { brand: string; show: string; lines: string[]; showUrl: string },
  links: MarketingLinks,
): RenderedEmail {
  const t = emailTranslator(emailLocale(locale));
  return compose({
    locale,
    subject: t('campaigns.email.abandonedSubject', { brand: facts.brand }),
    paragraphs: [t('campaigns.email.abandonedIntro', { show: facts.show }), facts.lines.map((line) => `• ${line}`).join('\n')],
    action: { label: t('campaigns.email.abandonedAction'), url: facts.showUrl },
    links,
  });
}

export function renderReplayReadyEmail(
  locale: string | null,
  facts: { brand: string; show: string; showUrl: string },
  links: MarketingLinks,
): RenderedEmail {
  const t = emailTranslator(emailLocale(locale));
  return compose({
    locale,
    subject: t('campaigns.email.replaySubject', { show: facts.show }),
    paragraphs: [t('campaigns.email.replayIntro', { show: facts.show, brand: facts.brand })],
    action: { label: t('campaigns.email.replayAction'), url: facts.showUrl },
    links,
  });
}
