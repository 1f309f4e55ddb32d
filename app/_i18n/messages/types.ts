import type { en } from './en';

/** The shape every dictionary has: the English one's keys, each an ICU message in its language. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
