import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { CHAT_MAX_LENGTH, normaliseChatText } from './chat';

describe('normaliseChatText', () => {
  it('keeps markup as literal text: escaping happens when it is rendered, never by rewriting what people wrote', () => {
    expect(normaliseChatText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('removes control and direction-override characters and folds line breaks into spaces', () => {
    expect(normaliseChatText('  hi\u202e\u0007 there\n\nfriend  ')).toBe('hi there friend');
  });

  it('refuses empty and over-long messages with INVALID_INPUT', () => {
    for (const text of ['   ', '\u202e', 'x'.repeat(CHAT_MAX_LENGTH + 1)]) {
      expect(() => normaliseChatText(text)).toThrow(AppError);
      try {
        normaliseChatText(text);
      } catch (error) {
        expect((error as AppError).code).toBe('INVALID_INPUT');
      }
    }
  });

  it('counts characters, not UTF-16 units, so Khmer and emoji get the full length', () => {
    expect(normaliseChatText('😀'.repeat(CHAT_MAX_LENGTH))).toHaveLength(CHAT_MAX_LENGTH * 2);
  });
});
