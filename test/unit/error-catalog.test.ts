import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../app/_i18n/error-text';
import { MESSAGES } from '../../app/_i18n/messages';
import { createTranslator } from '../../app/_i18n/standalone';
import { AppError, ERROR_REASONS, errorKeyParams, invalidField, toErrorPayload } from '../../server/domain/errors';

const LOCALES = ['en', 'km', 'lo', 'mn'] as const;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('the error catalog and the dictionaries', () => {
  it('every code and reason has its sentence in all four languages, using exactly its declared params as plain {name} placeholders', () => {
    const problems: string[] = [];
    for (const [key, params] of Object.entries(errorKeyParams())) {
      for (const locale of LOCALES) {
        const text: unknown = (MESSAGES[locale].errors as Record<string, unknown>)[key];
        if (typeof text !== 'string') problems.push(`${locale} ${key}: no sentence`);
        // Simple arguments only: {name}, never ICU {name, plural, …} or select, so the sentence reads the same under next-intl.
        else if (/\{\w+,/.test(text)) problems.push(`${locale} ${key}: not a simple argument`);
        else if (placeholders(text).join() !== [...params].sort().join())
          problems.push(`${locale} ${key}: ${placeholders(text)} ≠ ${params}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the params of a reason type-check per key', () => {
    // Compile-time: `tsc --noEmit` (run by npm test) fails if any of these stop being errors.
    // @ts-expect-error API_KEY_SCOPE needs { scope }
    void new AppError('API_KEY_SCOPE', 'no params given');
    // @ts-expect-error CHAT_SLOW_MODE's retryAfterSeconds is a number
    void new AppError('CHAT_SLOW_MODE', { retryAfterSeconds: 'soon' });
    // @ts-expect-error SHOW_NOT_FOUND takes no params
    void new AppError('SHOW_NOT_FOUND', { id: 'x' });
    expect(new AppError('API_KEY_SCOPE', { scope: 'products:write' }, 'key k1 lacks it').params).toEqual({ scope: 'products:write' });
  });

  it('the wire payload is the stable code, the reason, its params and their English sentence; the developer message stays in the logs', () => {
    const error = new AppError('API_KEY_SCOPE', { scope: 'products:write' }, 'key k_123 lacks products:write');
    expect(error.message).toBe('key k_123 lacks products:write');
    expect(error.httpStatus).toBe(403);
    expect(toErrorPayload(error)).toEqual({
      code: 'FORBIDDEN',
      reason: 'API_KEY_SCOPE',
      params: { scope: 'products:write' },
      message: 'This API key does not have the products:write scope.',
    });
    expect(toErrorPayload(new AppError('CHAT_SLOW_MODE', { retryAfterSeconds: 4 }))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 4,
    });
    expect(toErrorPayload(new Error('ECONNRESET at 10.0.0.3'))).toEqual({ code: 'INTERNAL', message: MESSAGES.en.errors.INTERNAL });
    expect(toErrorPayload(invalidField([{ path: ['country'], message: 'Choose a country from the list.' }]))).toEqual({
      code: 'INVALID_INPUT',
      reason: 'INVALID_FIELD',
      params: { field: 'country' },
      message: 'The field “country” is not valid.',
    });
  });

  it('a refusal reads in Khmer, Lao and Mongolian with its params filled in', () => {
    const payload = toErrorPayload(new AppError('API_KEY_SCOPE', { scope: 'orders:write' }));
    for (const locale of ['km', 'lo', 'mn'] as const) {
      const text = errorText(createTranslator(locale, MESSAGES[locale]), payload);
      expect(text).toContain('orders:write');
      expect(text).not.toBe(payload.message);
      expect(text).toBe(MESSAGES[locale].errors.API_KEY_SCOPE.replace('{scope}', 'orders:write'));
    }
  });
});

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'generated' || name === 'messages' ? [] : sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('no English sentence of an error is written or parsed in app/ or server/', () => {
  const files = [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'server'))].map((file) => ({
    file: path.relative(root, file),
    text: readFileSync(file, 'utf8'),
  }));

  it('no code spells out a sentence of the errors dictionary (they are rendered from it by key)', () => {
    const english = MESSAGES.en.errors as Record<string, string>;
    // The longest fixed part of each sentence, when it is long enough to be a sentence and not a word.
    const fragments = Object.entries(english)
      .map(
        ([key, text]) =>
          [
            key,
            text
              .split(/\{\w+\}/)
              .sort((a, b) => b.length - a.length)[0]!
              .trim(),
          ] as const,
      )
      .filter(([, fragment]) => fragment.length >= 16);
    const found = files.flatMap(({ file, text }) =>
      fragments.filter(([, fragment]) => text.includes(fragment)).map(([key]) => `${file}: ${key}`),
    );
    expect(found).toEqual([]);
  });

  // Only allowed to shrink. intl-data.ts reads a JavaScript engine's own error, not one of ours;
  // form fields, webhook delivery errors and CSV row problems are keys with params.
  const STILL_PARSING = ['app/_lib/intl-data.ts'];

  it('no page keeps a table from English sentences to dictionary keys: field messages are keys with params', () => {
    const tables = files
      .filter(({ file }) => file.startsWith('app/'))
      .flatMap(({ file, text }) => text.split('\n').map((line, index) => ({ file, line, index })))
      .filter(({ line }) => /\benglish: *[/'"`]/.test(line))
      .map(({ file, line, index }) => `${file}:${index + 1}: ${line.trim()}`);
    expect(tables).toEqual([]);
  });

  it('nothing decides by reading an error message: no pattern tested against .message, no userMessage read by pages', () => {
    const parsing =
      /\.(test|exec|match|startsWith|includes)\((?:[\w.?]*\.)?(message|userMessage)\)|(message|userMessage)\.(match|startsWith|includes)\(/;
    const offenders = files
      .flatMap(({ file, text }) => text.split('\n').map((line, index) => ({ file, line, index })))
      .filter(
        ({ file, line }) =>
          (parsing.test(line) && !STILL_PARSING.includes(file)) || (file.startsWith('app/') && /\.userMessage\b/.test(line)),
      )
      .map(({ file, line, index }) => `${file}:${index + 1}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('every reason belongs to a code that exists', () => {
    for (const entry of Object.values(ERROR_REASONS)) expect(Object.keys(errorKeyParams())).toContain(entry.code);
  });
});
