// Seller Central regions and the marketplaces each one serves (DOMAIN.md's host table), kept as data:
// Amazon adds marketplaces. A form offers these; a snapshot may still carry any upper-case code.
export const REGION_MARKETPLACES = {
  JP: ["JP"],
  NA: ["US", "CA", "MX"],
  EU: ["UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE"],
  BR: ["BR"],
  AU: ["AU"],
  IN: ["IN"],
  SG: ["SG"],
  AE: ["AE"],
  SA: ["SA"],
  TR: ["TR"],
} as const satisfies Record<string, readonly string[]>;

export type Region = keyof typeof REGION_MARKETPLACES;
export const REGIONS = Object.keys(REGION_MARKETPLACES) as Region[];
export const MARKETPLACES = [...new Set(Object.values(REGION_MARKETPLACES).flat())];

export function marketplacesOutsideRegion(region: string, marketplaces: readonly string[]): string[] {
  const allowed: readonly string[] = REGION_MARKETPLACES[region as Region] ?? [];
  return marketplaces.filter((m) => !allowed.includes(m));
}
