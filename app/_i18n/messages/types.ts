import type { en } from './en';

/** The shape every dictionary has: the English one's keys, with any text. */
type Widen<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends { one: string; other: string } ? { one: string; other: string } : Widen<T[K]>;
};
export type Messages = Widen<typeof en>;
