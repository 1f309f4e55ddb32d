import { describe, expect, it } from 'vitest';
import { extractLinks } from './mailbox';
import { escapeHtml, renderShowEmail } from './templates';

describe('mailbox link list', () => {
  it('lists the links of a rendered show email with their text, so the show can be opened from the mailbox', () => {
    const { html } = renderShowEmail(
      { kind: 'show.live' },
      {
        showId: 's1',
        title: 'Glow <Up> & "Friends"',
        hostName: 'Mia',
        brandName: 'Lumen',
        brandTimeZone: 'UTC',
        start: new Date('2030-01-01T10:00:00Z'),
      },
      'Sam',
      {
        showUrl: 'http://shop.test/shows/s1',
        unsubscribeUrl: 'http://shop.test/unsubscribe?token=a.b.c&x=1',
        preferencesUrl: 'http://shop.test/account/notifications',
      },
    );
    expect(extractLinks(html)).toEqual([
      { href: 'http://shop.test/shows/s1', label: 'Watch now' },
      { href: 'http://shop.test/unsubscribe?token=a.b.c&x=1', label: 'Stop "live now" emails' },
      { href: 'http://shop.test/account/notifications', label: 'All email settings' },
    ]);
  });

  it('ignores links that are not http(s), such as javascript: in user-written HTML', () => {
    expect(
      extractLinks(
        `<a href="javascript:alert(1)">x</a><a href="mailto:a@b.c">m</a><a class="b" href="https://ok.test/?a=1&#38;b=2"><b>Go</b></a>`,
      ),
    ).toEqual([{ href: 'https://ok.test/?a=1&b=2', label: 'Go' }]);
  });

  it('escapes every character that could open a tag or an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&#60;img src=x onerror=&#34;a(&#39;b&#39;)&#34;&#62;&#38;');
  });
});
