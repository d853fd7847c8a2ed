// Any non-empty line of at most 64 characters is a valid seller ID (decision 068: SNAPSHOT.md gives an example, no
// shape), so nothing is refused for its shape. What 068 gave up, catching a mistyped merchant token, comes back as
// advice only: a quiet note wherever the account is shown, whatever wrote the ID (decision 078). Never a finding.

/**
 * Amazon's merchant token as Seller Central shows it: "A" and upper-case letters or digits, 13 or 14 characters in all
 * (A2EXAMPLE0001, the templates' A0TEMPLATE0001; the demo's are 13). Narrower than the form's tidying pattern
 * (SELLER_ID_PATTERN), which only decides whether a typed value is rewritten in upper case without spaces.
 */
const MERCHANT_TOKEN = /^A[0-9A-Z]{12,13}$/;

/** Whether a recorded seller ID has the usual shape of an Amazon merchant token. */
export function looksLikeMerchantToken(sellerId: string): boolean {
  return MERCHANT_TOKEN.test(sellerId);
}

/** Whether the account's page should say its seller ID is worth comparing with Seller Central: one is recorded, oddly shaped. */
export function sellerIdWorthChecking(sellerId: string | null | undefined): boolean {
  return typeof sellerId === "string" && sellerId !== "" && !looksLikeMerchantToken(sellerId);
}
