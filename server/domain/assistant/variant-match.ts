// Which variant the question names: the canonical variant words the slots found ("50 ml",
// "size m", "red") against each variant's name and option values.
import { variantKeys } from './slots';

export interface NamedVariant {
  id: string;
  name: string;
  options: unknown;
}

function variantWords(v: NamedVariant): string[] {
  const options = v.options && typeof v.options === 'object' ? Object.values(v.options as Record<string, unknown>).map(String) : [];
  return [v.name, ...options];
}

/** The one variant named; undefined when none or several fit. A product with one variant needs no naming. */
export function matchVariant<V extends NamedVariant>(variants: V[], keys: string[]): V | undefined {
  if (variants.length === 1) return variants[0];
  if (keys.length === 0) return undefined;
  const fits = variants.filter((v) => {
    const own = new Set(variantWords(v).flatMap((w) => [...variantKeys(w), ...variantKeys(`size ${w}`), w.toLowerCase()]));
    return keys.some((k) => own.has(k));
  });
  return fits.length === 1 ? fits[0] : undefined;
}
