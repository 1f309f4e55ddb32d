'use client';

import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { Locale } from '@/app/_i18n/locales';
import { Field, inputClass } from '@/app/_components/ui';
import { COUNTRIES } from '@/server/domain/countries';

type Country = { code: string; name: string; english: string };

// Where each market's buyers most often ship; English leaves the choice open.
const LOCALE_COUNTRY: Partial<Record<Locale, string>> = { km: 'KH', lo: 'LA', mn: 'MN' };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Country names in the reader's language where the browser has them, else in
 * English: Debian's Chromium (and some phones) carry no region names for km, lo
 * or mn, and Intl.DisplayNames then answers in English or with the bare code.
 */
function localisedCountries(intl: string): Country[] {
  let names: Intl.DisplayNames | null = null;
  if (typeof Intl.DisplayNames === 'function' && Intl.DisplayNames.supportedLocalesOf([intl]).length > 0) {
    names = new Intl.DisplayNames([intl], { type: 'region', fallback: 'none' });
  }
  const collator = new Intl.Collator([intl, 'en']);
  return COUNTRIES.map(({ code, name }) => ({ code, english: name, name: names?.of(code) ?? name })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

/** The list as the server renders it: the same bytes in every runtime. */
function englishCountries(): Country[] {
  const key = (c: Country) => fold(c.name);
  return COUNTRIES.map(({ code, name }) => ({ code, english: name, name })).sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
}

function matches(countries: Country[], query: string): Country[] {
  const q = fold(query);
  if (!q) return countries;
  const rank = (c: Country) => {
    const names = [fold(c.name), fold(c.english)];
    if (c.code.toLowerCase() === q || names.includes(q)) return 0;
    if (names.some((n) => n.startsWith(q))) return 1;
    if (names.some((n) => n.includes(q))) return 2;
    return 3;
  };
  return countries
    .map((c) => ({ c, r: rank(c) }))
    .filter(({ r }) => r < 3)
    .sort((a, b) => a.r - b.r)
    .map(({ c }) => c);
}

/**
 * A searchable country field (ARIA combobox with a list): type part of a name in
 * the reader's language or in English, or a two-letter code, then pick. Only a
 * chosen country's ISO code is posted (hidden `country`); text that names no
 * single country posts nothing, so the server asks for a choice instead of
 * guessing — the old two-letter box turned "Cambodia" into CA, Canada.
 */
export function CountryPicker({ prefix, error }: { prefix: string; error?: string }) {
  const { t, intl, locale } = useI18n();
  const id = `${prefix}-country`;
  const listId = useId();
  // Our own English names for the server render and hydration, never Intl's: Node's ICU and the
  // browser's name some places differently ("Hong Kong SAR China" / "Hong Kong"), and one differing
  // name made React throw the server's page away. The reader's language once mounted.
  const [countries, setCountries] = useState<Country[]>(englishCountries);
  useEffect(() => setCountries(localisedCountries(intl)), [intl]);
  const [code, setCode] = useState(LOCALE_COUNTRY[locale] ?? '');
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const nameOf = (c: string) => countries.find((country) => country.code === c)?.name ?? '';
  const shown = useMemo(() => matches(countries, query ?? ''), [countries, query]);
  const value = query ?? nameOf(code);

  function choose(country: Country) {
    setCode(country.code);
    setQuery(null);
    setOpen(false);
  }

  function type(text: string) {
    setQuery(text);
    setOpen(true);
    setActive(0);
    // Whatever was chosen before no longer matches what the field says.
    const exact = matches(countries, text).filter((c) => fold(c.name) === fold(text) || fold(c.english) === fold(text));
    setCode(exact.length === 1 ? exact[0]!.code : '');
  }

  // Leaving the field settles it: one country named exactly (or the only match) is chosen
  // and its full name shown; anything else stays as typed, with nothing chosen.
  function settle() {
    setOpen(false);
    if (query === null) return;
    const found = matches(countries, query);
    const exact = found.filter(
      (c) => c.code.toLowerCase() === fold(query) || fold(c.name) === fold(query) || fold(c.english) === fold(query),
    );
    const pick = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
    if (pick) choose(pick);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(shown.length - 1, 0)));
    } else if (event.key === 'Enter' && open) {
      // Enter picks the highlighted country instead of sending the form.
      event.preventDefault();
      const pick = shown[active];
      if (pick) choose(pick);
    } else if (event.key === 'Escape' && open) {
      // Closes the list only, not the sheet around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const activeId = open && shown[active] ? `${listId}-${shown[active].code}` : undefined;
  return (
    <Field id={id} label={t('commerce.wallet.address.country')} hint={t('commerce.wallet.address.countryHint')} error={error}>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        autoComplete="off"
        value={value}
        onChange={(e) => type(e.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={settle}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      <input type="hidden" name="country" value={code} />
      {/* In the flow (not floating), so a sheet that scrolls never clips it. */}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('commerce.wallet.address.countryOptions')}
        hidden={!open || shown.length === 0}
        className="max-h-48 overflow-y-auto rounded-lg border border-neutral-300 bg-white py-1 text-sm shadow-sm"
      >
        {shown.map((country, index) => (
          <li
            key={country.code}
            id={`${listId}-${country.code}`}
            role="option"
            aria-selected={country.code === code}
            // Keeps focus in the field, so its blur does not settle on the text typed so far.
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => choose(country)}
            className={`cursor-pointer px-3 py-2 ${index === active ? 'bg-brand-50 font-semibold' : ''}`}
          >
            {country.name}
            {country.name !== country.english && <span className="ml-1 text-neutral-500">({country.english})</span>}
          </li>
        ))}
      </ul>
      {open && shown.length === 0 && (
        <p role="status" className="text-sm text-neutral-700">
          {t('commerce.wallet.address.countryNoMatch', { query: query ?? '' })}
        </p>
      )}
    </Field>
  );
}
