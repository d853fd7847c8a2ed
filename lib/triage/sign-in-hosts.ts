// Seller Central has one host per region or marketplace and a login works only on its own one
// (DOMAIN.md's host table). Kept as data: Amazon moves pages and adds marketplaces.

/** The host per marketplace code. EU marketplaces share the unified European host. */
export const MARKETPLACE_HOSTS: Readonly<Record<string, string>> = {
  JP: "sellercentral-japan.amazon.com",
  US: "sellercentral.amazon.com",
  CA: "sellercentral.amazon.com",
  MX: "sellercentral.amazon.com",
  BR: "sellercentral.amazon.com.br",
  UK: "sellercentral-europe.amazon.com",
  DE: "sellercentral-europe.amazon.com",
  FR: "sellercentral-europe.amazon.com",
  IT: "sellercentral-europe.amazon.com",
  ES: "sellercentral-europe.amazon.com",
  NL: "sellercentral-europe.amazon.com",
  SE: "sellercentral-europe.amazon.com",
  PL: "sellercentral-europe.amazon.com",
  BE: "sellercentral-europe.amazon.com",
  IE: "sellercentral-europe.amazon.com",
  AU: "sellercentral.amazon.com.au",
  IN: "sellercentral.amazon.in",
  SG: "sellercentral.amazon.sg",
  AE: "sellercentral.amazon.ae",
  SA: "sellercentral.amazon.sa",
  TR: "sellercentral.amazon.com.tr",
};

/** The host per region (lib/validation/marketplaces.ts's regions). */
export const REGION_HOSTS: Readonly<Record<string, string>> = {
  JP: MARKETPLACE_HOSTS.JP,
  NA: MARKETPLACE_HOSTS.US,
  EU: MARKETPLACE_HOSTS.DE,
  BR: MARKETPLACE_HOSTS.BR,
  AU: MARKETPLACE_HOSTS.AU,
  IN: MARKETPLACE_HOSTS.IN,
  SG: MARKETPLACE_HOSTS.SG,
  AE: MARKETPLACE_HOSTS.AE,
  SA: MARKETPLACE_HOSTS.SA,
  TR: MARKETPLACE_HOSTS.TR,
};

/** The host people most often land on by mistake: the US one, from a search or a bookmark. */
export const COMMON_WRONG_HOST = MARKETPLACE_HOSTS.US;

/** The Seller Central host where this account's logins sign in, or null when neither region nor marketplaces name one. */
export function signInHostFor(region: string, marketplaces: readonly string[]): string | null {
  return REGION_HOSTS[region] ?? marketplaces.map((m) => MARKETPLACE_HOSTS[m]).find((h) => h !== undefined) ?? null;
}

export function signInUrlFor(region: string, marketplaces: readonly string[]): string | null {
  const host = signInHostFor(region, marketplaces);
  return host ? `https://${host}/` : null;
}
