import { describe, expect, it } from 'vitest';
import { EMAIL_LOCALES } from './i18n';
import { renderShowEmail, type ShowEmailFacts } from './templates';

const show: ShowEmailFacts = {
  showId: 's1',
  title: 'Glow night',
  hostName: 'Mia',
  brandName: 'Lumen',
  brandTimeZone: 'Asia/Phnom_Penh',
  start: new Date('2026-12-08T12:00:00Z'),
};
const links = {
  showUrl: 'https://shop.example/shows/s1',
  unsubscribeUrl: 'https://shop.example/u',
  preferencesUrl: 'https://shop.example/account/notifications',
};

describe('show emails in the recipient’s language', () => {
  it('a Khmer follower’s reminder is in Khmer, its date written by Node’s ICU (no "M12")', () => {
    const email = renderShowEmail({ kind: 'show.reminder', minutesUntilStart: 15 }, show, 'Dara', links, 'km');
    expect(email.subject).toContain('Glow night');
    expect(email.subject).toMatch(/15 នាទី/);
    expect(email.text).toContain('សួស្តី Dara');
    expect(email.text).toContain('ធ្នូ');
    expect(email.text).not.toMatch(/M12|Hi |Start:|Open the show|All email settings/);
    expect(email.html).toContain('<html lang="km">');
  });

  it('every kind of show email has its own words in each language, and English stays as it was', () => {
    const kinds = [
      { kind: 'show.reminder', minutesUntilStart: 120 },
      { kind: 'show.live' },
      { kind: 'show.rescheduled', previousStart: new Date('2026-12-07T12:00:00Z') },
      { kind: 'show.cancelled', reason: 'x' },
    ] as const;
    for (const kind of kinds) {
      const english = renderShowEmail(kind, show, 'Dara', links);
      expect(renderShowEmail(kind, show, 'Dara', links, 'xx').text).toBe(english.text);
      for (const locale of EMAIL_LOCALES.filter((l) => l !== 'en'))
        expect(renderShowEmail(kind, show, 'Dara', links, locale).subject).not.toBe(english.subject);
    }
    expect(renderShowEmail({ kind: 'show.reminder', minutesUntilStart: 1 }, show, '', links).text).toContain(
      'Glow night starts in a minute.',
    );
  });
});
