import type { AssistantIntent } from '../understanding';

/** Training phrases per intent, for one language. Not the evaluation set (test/fixtures/assistant-eval). */
export type PhraseList = Record<AssistantIntent, string[]>;
