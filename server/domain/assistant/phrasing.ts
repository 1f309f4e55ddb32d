// Optional phrasing by a language model (issue 19 item 3): an OpenAI-compatible chat-completions
// endpoint may reword an answer, nothing more. It never sees an order, and its wording is used
// only when every figure of the plain answer (amounts, counts, codes) is in it unchanged and it
// adds no figure of its own; otherwise, or when it is slow or fails, the plain answer stands.
import { LOCALE_NAMES, type Locale } from '@/app/_i18n/locales';

export interface Phrasing {
  /** Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1. */
  url: string;
  key?: string;
  model: string;
  timeoutMs?: number;
}

/** The phrasing settings from the environment's ASSISTANT_LLM_* values, or null (the default: off). */
export function phrasingFrom(env: {
  ASSISTANT_LLM_URL?: string;
  ASSISTANT_LLM_KEY?: string;
  ASSISTANT_LLM_MODEL: string;
}): Phrasing | null {
  if (!env.ASSISTANT_LLM_URL) return null;
  return { url: env.ASSISTANT_LLM_URL, model: env.ASSISTANT_LLM_MODEL, ...(env.ASSISTANT_LLM_KEY ? { key: env.ASSISTANT_LLM_KEY } : {}) };
}

/** Runs of digits (with their separators) and code-like words: what a rewording must keep exactly. */
export function figuresOf(text: string): string[] {
  const digits = text.match(/[\p{Sc}]?\p{Nd}[\p{Nd}.,\u00a0\u202f ]*\p{Nd}[\p{Sc}]?|[\p{Sc}]?\p{Nd}[\p{Sc}]?/gu) ?? [];
  const codes = text.match(/\b[A-Z][A-Z0-9]{2,}\b/g) ?? [];
  return [...digits.map((d) => d.trim()), ...codes].sort();
}

export function keepsFigures(plain: string, phrased: string): boolean {
  const a = figuresOf(plain);
  const b = figuresOf(phrased);
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

export async function phraseWithLlm(phrasing: Phrasing, plain: string, language: Locale): Promise<string> {
  try {
    const response = await fetch(`${phrasing.url.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(phrasing.key ? { authorization: `Bearer ${phrasing.key}` } : {}) },
      body: JSON.stringify({
        model: phrasing.model,
        temperature: 0.3,
        messages: [
          {
            role: 'system',
            content: `You are a friendly shop assistant in a live shopping show. Rewrite the message in ${LOCALE_NAMES[language]}, warm and short. Keep every number, price, amount and code exactly as written. Add no facts.`,
          },
          { role: 'user', content: plain },
        ],
      }),
      signal: AbortSignal.timeout(phrasing.timeoutMs ?? 3000),
    });
    if (!response.ok) return plain;
    const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
    const phrased = body.choices?.[0]?.message?.content;
    if (typeof phrased !== 'string' || !phrased.trim() || phrased.length > plain.length * 4 + 200) return plain;
    return keepsFigures(plain, phrased.trim()) ? phrased.trim() : plain;
  } catch {
    // A model that is down or slow costs the buyer nothing: the plain answer is complete.
    return plain;
  }
}
