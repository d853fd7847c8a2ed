/** Where an account's facts, or one login's or child record's, came from and who last checked them (account-page-extras reads them). */

export interface Provenance {
  source: "FORM" | "IMPORT" | "API" | "SEED";
  /**
   * What the date and name stand for. `checked`: a person compared the record with Seller Central (an account's
   * lastVerifiedAt, set by "mark verified" or a snapshot's lastVerifiedAt; UNVERIFIED_DATA reads it). `recorded`: who
   * last wrote the record (typed in, imported) and when — every form write stamps it, so it proves no check.
   */
  meaning: "checked" | "recorded";
  verifiedAt: Date | null;
  verifiedBy: string | null;
  /** Set when the date was written through an API token: the token is named instead of a person (decision 094). */
  verifiedByToken?: ApiTokenActor | null;
}

/**
 * An API token a change came through, as a page names it (decision 094): its current name, and whether it has been
 * revoked since. Tokens are never deleted, so the name can always be found.
 */
export interface ApiTokenActor {
  name: string;
  revoked: boolean;
}
