// No zod here: the key form lists these in the browser (the schema is in keys.ts).

/** What an API key may do; each route needs exactly one of these. */
export const API_SCOPES = [
  'products:read',
  'products:write',
  'stock:write',
  'shows:read',
  'orders:read',
  'orders:write',
  'embed:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  'products:read': 'Read products and variants',
  'products:write': 'Change product title, description and status',
  'stock:write': 'Set variant stock',
  'shows:read': 'Read shows',
  'orders:read': 'Read orders',
  'orders:write': 'Mark orders packed, shipped or delivered',
  'embed:write': 'Set the sites that may embed your shows',
};
