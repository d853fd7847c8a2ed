import "server-only";
import { AppError } from "@/lib/errors";
import type { EvidenceData } from "@/lib/risk";
import { evidenceIds } from "@/lib/risk/evidence-ja";
import { isOrgAdmin, type Scope } from "../scope";
import { canWrite } from "../write-context";
import { getAccountPageExtras, type AccountPageExtras } from "./account-page-extras";
import { getAccountPageOrThrow, type AccountPage } from "./read-accounts";

export type AccountPageModel = AccountPage & AccountPageExtras & { writable: boolean };

/**
 * Everything the account page shows and edits, in two statements whatever the number of logins
 * (decision 028): the page's big read, then its provenance, forms and evidence labels.
 * Another tenant's account, or one outside a Manager's clients, is NOT_FOUND.
 */
export async function readAccountPageModel(scope: Scope, id: string, options: { labels: boolean }): Promise<AccountPageModel> {
  const page = await getAccountPageOrThrow(scope, id);
  const writable = canWrite(scope);
  // Reports are for Owners and Admins, not in a seller's own portal (as on the client page).
  const reports = isOrgAdmin(scope) && !scope.portal;
  const evidence = options.labels ? [...new Set(page.account.findings.flatMap((f) => evidenceIds(f.evidenceData as EvidenceData)))] : [];
  const extras = await getAccountPageExtras(scope, id, { editing: writable, reports, labelIds: evidence });
  // Removed between the two reads.
  if (!extras) throw new AppError("NOT_FOUND", "Seller account not found");
  return { ...page, ...extras, writable };
}
