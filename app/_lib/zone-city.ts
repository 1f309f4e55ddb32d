/**
 * "Phnom Penh" for "Asia/Phnom_Penh": how labels name a brand's time zone ("Start (Phnom Penh time)").
 * A person knows their city; the IANA id with its region and underscores is for machines.
 */
export function zoneCity(zone: string): string {
  return zone.split('/').at(-1)!.replaceAll('_', ' ');
}
