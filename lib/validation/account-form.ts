import { z } from "zod";
import { REGIONS, marketplacesOutsideRegion, MARKETPLACES } from "./marketplaces";
import { codeList, optionalRef, recordId, requiredText, version } from "./record-fields";

/**
 * A seller ID (merchant token, 出品者ID) as Seller Central shows it: "A" and 9–15 upper-case letters or
 * digits (e.g. A2EXAMPLE0001). Lower case and spaces are forgiven; any other shape is a typo.
 */
export const SELLER_ID_PATTERN = /^A[0-9A-Z]{9,15}$/;

const sellerId = z
  .string()
  .optional()
  .transform((v) => (v ?? "").replace(/\s+/g, "").toUpperCase() || null)
  .refine((v) => v === null || SELLER_ID_PATTERN.test(v), "validation.sellerIdShape");

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
