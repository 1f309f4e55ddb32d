/** A currency's minor units per major one (100 for USD, 1 for KHR-style whole units), as Intl knows it. */
export function minorPerMajor(currency: string): number {
  return 10 ** (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
}

/** The index of the largest value (the first on a tie), or 0 for an empty or all-zero series. */
export function peakIndex(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? 0)) best = i;
  });
  return best;
}
