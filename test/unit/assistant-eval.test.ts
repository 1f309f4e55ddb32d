import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAssistant, loadEvalSet, type LanguageScore } from '../../bench/support/assistant-eval';
import { DEMO_SHOW_ID, seedDemoData } from '../../server/db/seed';
import { startTestDatabase, type TestDatabase } from '../support/database';

// A regression guard, not the measurement: `npm run bench:assistant` records the figures (target
// ≥ 90 % intents). Here a lower bar catches an engine or phrase-list change that breaks a language.
let database: TestDatabase;
let scores: LanguageScore[];

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  scores = await evaluateAssistant(database.prisma, DEMO_SHOW_ID);
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('the assistant evaluation set', () => {
  it('holds at least 200 labelled questions, at least 40 in each of the four languages', () => {
    const sets = loadEvalSet();
    expect(sets.map((s) => s.language).sort()).toEqual(['en', 'km', 'lo', 'mn']);
    for (const s of sets) expect(s.questions.length).toBeGreaterThanOrEqual(40);
    expect(sets.reduce((n, s) => n + s.questions.length, 0)).toBeGreaterThanOrEqual(200);
  });

  it('is understood at 80 % or better in every language, slots at 80 % or better', () => {
    for (const s of scores) {
      expect({ language: s.language, intent: s.intentCorrect / s.questions >= 0.8 }).toEqual({ language: s.language, intent: true });
      expect({ language: s.language, slots: s.slotsCorrect / s.slots >= 0.8 }).toEqual({ language: s.language, slots: true });
    }
  });

  it('never answers a price or stock question with a figure the database does not hold', () => {
    expect(scores.reduce((n, s) => n + s.figureAnswers, 0)).toBeGreaterThan(20);
    expect(scores.flatMap((s) => s.misses.filter((m) => m.includes('WRONG FIGURE')))).toEqual([]);
  });
});
