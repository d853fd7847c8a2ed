import { z } from "zod";
import { REGIONS, marketplacesOutsideRegion, MARKETPLACES } from "./marketplaces";
import { codeList, optionalRef, recordId, requiredText, version } from "./record-fields";
import { CONTROL_CHARACTER_KEY, sellerIdText } from "./text";

/** Amazon's merchant token as Seller Central shows it: "A" and 9–15 upper-case letters or digits (e.g. A2EXAMPLE0001). */
export const SELLER_ID_PATTERN = /^A[0-9A-Z]{9,15}$/;

/**
 * A typed seller ID: a merchant token written in lower case or with spaces is tidied to Seller Central's
 * form; anything else is kept as typed (trimmed), since SNAPSHOT.md sets no shape for it (decision 068).
 */
export function tidySellerId(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  const token = text.replace(/\s+/g, "").toUpperCase();
  return SELLER_ID_PATTERN.test(token) ? token : text;
}

// The snapshot's rule (one line, at most 64 characters), as the import and the API apply it.
const sellerId = z
  .string()
  .optional()
  .transform((v) => tidySellerId(v ?? ""))
  .pipe(sellerIdText({ tooLong: "validation.tooLong", control: CONTROL_CHARACTER_KEY }).nullable());

const accountFields = z.object({
  storeName: requiredText(),
  sellerId,
  region: z.enum(REGIONS, "validation.choose"),
  marketplaces: codeList.pipe(z.array(z.enum(MARKETPLACES as [string, ...string[]], "validation.choose")).min(1, "validation.marketplacesRequired")),
  plan: z.enum(["PROFESSIONAL", "INDIVIDUAL"], "validation.choose"),
  status: z.enum(["ACTIVE", "SUSPENDED", "DEACTIVATED"], "validation.choose"),
  clientId: optionalRef,
});

const regionHoldsMarketplaces = <T extends { region: string; marketplaces: string[] }>(v: T) => marketplacesOutsideRegion(v.region, v.marketplaces).length === 0;
const marketplaceIssue = { path: ["marketplaces"], message: "validation.marketplaceRegion" };

export const createAccountSchema = accountFields.refine(regionHoldsMarketplaces, marketplaceIssue);
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const updateAccountSchema = accountFields.extend({ accountId: recordId, version }).refine(regionHoldsMarketplaces, marketplaceIssue);
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export const removeAccountSchema = z.object({ accountId: recordId, version, confirm: z.literal("yes", "validation.confirmRemove") });
export type RemoveAccountInput = z.infer<typeof removeAccountSchema>;
