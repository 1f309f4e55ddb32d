/** "15 minutes", "1 hour", "1 day" in the reader's language: Intl knows every unit name. */
export function formatLead(minutes: number, intl: string): string {
  const [unit, amount] =
    minutes % 1440 === 0
      ? (['day', minutes / 1440] as const)
      : minutes % 60 === 0
        ? (['hour', minutes / 60] as const)
        : (['minute', minutes] as const);
  return new Intl.NumberFormat(intl, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}
