// `npm run bench:assistant`: the shop assistant's evaluation (issue 19 item 7). The labelled
// questions of test/fixtures/assistant-eval through the engine, and every price and stock answer
// through answerQuestion() against the seeded demo show on a fresh embedded PostgreSQL, checked
// against the database. Prints per-language accuracy and records it in docs/benchmarks.md.
import { performance } from 'node:perf_hooks';
import { createPrismaClient } from '../server/db/client';
import { applyMigrations } from '../server/db/migrate';
import { DEMO_SHOW_ID, seedDemoData } from '../server/db/seed';
import { startTestCluster } from '../test/support/cluster';
import { evaluateAssistant } from './support/assistant-eval';
import { record, table } from './support/harness';
import { emitResult } from './support/results';

const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b);

const cluster = await startTestCluster();
try {
  await applyMigrations(cluster.url);
  const db = createPrismaClient(cluster.url);
  try {
    await seedDemoData(db);
    const started = performance.now();
    const scores = await evaluateAssistant(db, DEMO_SHOW_ID);
    const ms = performance.now() - started;
    const total = scores.reduce(
      (t, s) => ({
        questions: t.questions + s.questions,
        intent: t.intent + s.intentCorrect,
        slots: t.slots + s.slots,
        slotsCorrect: t.slotsCorrect + s.slotsCorrect,
        figures: t.figures + s.figureAnswers,
        wrong: t.wrong + s.wrongFigures,
      }),
      { questions: 0, intent: 0, slots: 0, slotsCorrect: 0, figures: 0, wrong: 0 },
    );
    const rows = scores.map((s) => [
      s.language,
      s.questions,
      `${pct(s.intentCorrect, s.questions).toFixed(1)} %`,
      `${pct(s.slotsCorrect, s.slots).toFixed(1)} % of ${s.slots}`,
      `${s.wrongFigures} of ${s.figureAnswers}`,
    ]);
    rows.push([
      'all',
      total.questions,
      `${pct(total.intent, total.questions).toFixed(1)} %`,
      `${pct(total.slotsCorrect, total.slots).toFixed(1)} % of ${total.slots}`,
      `${total.wrong} of ${total.figures}`,
    ]);
    const misses = scores.flatMap((s) => s.misses.map((m) => `- ${s.language}: ${m}`));
    const where = record(
      'Shop assistant evaluation',
      'npm run bench:assistant',
      `${table(['language', 'questions', 'intent accuracy', 'slot accuracy', 'wrong price/stock answers'], rows)}\n\n` +
        `Engine: character n-gram logistic regression trained in process on the phrase lists of server/domain/assistant/phrases; ` +
        `${(ms / total.questions).toFixed(1)} ms a question on average (engine, plus the database for price and stock answers).\n\n` +
        (misses.length ? `Misses:\n\n${misses.join('\n')}` : 'No misses.'),
    );
    emitResult({
      benchmark: 'assistant-eval',
      ...where,
      figures: [
        { name: 'intent accuracy', value: pct(total.intent, total.questions), unit: '%' },
        { name: 'slot accuracy', value: pct(total.slotsCorrect, total.slots), unit: '%' },
        { name: 'wrong price or stock answers', value: total.wrong, unit: 'answers' },
        ...scores.map((s) => ({
          name: 'intent accuracy',
          value: pct(s.intentCorrect, s.questions),
          unit: '%',
          params: { language: s.language },
        })),
      ],
    });
  } finally {
    await db.$disconnect();
  }
} finally {
  await cluster.stop();
}
