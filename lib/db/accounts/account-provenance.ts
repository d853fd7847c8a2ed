/** Where an account's facts, or one login's or child record's, came from and who last checked them (account-page-extras reads them). */

export interface Provenance {
  source: "FORM" | "IMPORT" | "API" | "SEED";
  verifiedAt: Date | null;
  verifiedBy: string | null;
}
