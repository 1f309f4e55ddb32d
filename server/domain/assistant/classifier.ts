// Intent detection: a multinomial logistic regression over character n-grams (1–4) and words,
// trained in process from the phrase lists in ./phrases the first time it is asked (a few tens of
// milliseconds). Character n-grams are what make one model work for Khmer and Lao, written without
// spaces between words, as well as for English and Mongolian with their typos and endings.
import { ASSISTANT_INTENTS, type AssistantIntent } from './understanding';
import { normalize } from './script';
import { en } from './phrases/en';
import { km } from './phrases/km';
import { lo } from './phrases/lo';
import { mn } from './phrases/mn';
import type { PhraseList } from './phrases/types';

type Features = Map<string, number>;

/** Digits become one symbol: "2" and "3" ask the same thing, and quantities must not steer the intent. */
export function features(text: string): Features {
  const t = normalize(text).replace(/\d+/g, '0');
  const counts: Features = new Map();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const word of t.split(' ')) {
    if (!word) continue;
    add(`w:${word}`);
    const padded = ` ${word} `;
    for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) add(padded.slice(i, i + n));
  }
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (const [k, v] of counts) counts.set(k, v / norm);
  return counts;
}

export interface IntentScores {
  intent: AssistantIntent;
  probability: number;
}

const CLASSES = ASSISTANT_INTENTS;

interface Vector {
  ids: Int32Array;
  values: Float64Array;
}

export class IntentClassifier {
  private readonly index = new Map<string, number>();
  private weights: Float64Array;
  private readonly bias = new Float64Array(CLASSES.length);

  constructor(lists: PhraseList[], epochs = 40) {
    const examples: { x: Vector; y: number }[] = [];
    for (const list of lists)
      for (const [intent, phrases] of Object.entries(list))
        for (const phrase of phrases)
          examples.push({ x: this.vector(features(phrase), true), y: CLASSES.indexOf(intent as AssistantIntent) });
    const C = CLASSES.length;
    const w = (this.weights = new Float64Array(this.index.size * C));
    const p = new Float64Array(C);
    // A fixed shuffle (no Math.random): the same phrase lists always give the same model.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const rate = 0.8 / (1 + epoch * 0.05);
      for (let i = examples.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [examples[i], examples[j]] = [examples[j]!, examples[i]!];
      }
      for (const { x, y } of examples) {
        this.scores(x, p);
        for (let c = 0; c < C; c++) {
          const g = rate * ((c === y ? 1 : 0) - p[c]!);
          this.bias[c] = this.bias[c]! + g * 0.1;
          for (let k = 0; k < x.ids.length; k++) {
            const at = x.ids[k]! * C + c;
            w[at] = w[at]! + g * x.values[k]!;
          }
        }
      }
    }
  }

  private vector(f: Features, grow: boolean): Vector {
    const ids: number[] = [];
    const values: number[] = [];
    for (const [k, v] of f) {
      let id = this.index.get(k);
      if (id === undefined && grow) this.index.set(k, (id = this.index.size));
      if (id !== undefined) {
        ids.push(id);
        values.push(v);
      }
    }
    return { ids: Int32Array.from(ids), values: Float64Array.from(values) };
  }

  /** Softmax probabilities of every class into `out`. */
  private scores(x: Vector, out: Float64Array): void {
    const C = CLASSES.length;
    out.set(this.bias);
    for (let k = 0; k < x.ids.length; k++) {
      const base = x.ids[k]! * C;
      const v = x.values[k]!;
      for (let c = 0; c < C; c++) out[c] = out[c]! + (this.weights[base + c] ?? 0) * v;
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, out[c]!);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += out[c] = Math.exp(out[c]! - max);
    for (let c = 0; c < C; c++) out[c] = out[c]! / sum;
  }

  /** The most probable intent; a text sharing no n-gram of three or more characters with the phrases is unknown outright. */
  classify(text: string): IntentScores {
    const f = features(text);
    let known = 0;
    for (const k of f.keys()) if (!k.startsWith('w:') && k.length >= 3 && this.index.has(k)) known++;
    if (known === 0) return { intent: 'unknown', probability: 1 };
    const p = new Float64Array(CLASSES.length);
    this.scores(this.vector(f, false), p);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return { intent: CLASSES[best] ?? 'unknown', probability: p[best]! };
  }
}

let shared: IntentClassifier | undefined;

/** The model trained on the four languages' phrase lists, built once per process. */
export function intentClassifier(): IntentClassifier {
  shared ??= new IntentClassifier([en, km, lo, mn]);
  return shared;
}
