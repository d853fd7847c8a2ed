import "server-only";
import { isOrgAdmin, type Scope } from "../scope";
import { canWrite } from "../write-context";
import { accountPageExtras, type AccountPageExtras } from "./account-page-extras";
import { accountPageOf, readAccountPageRow, type AccountPage } from "./read-accounts";

export type AccountPageModel = AccountPage & AccountPageExtras & { writable: boolean };

/**
 * Everything the account page shows and edits, in one statement whatever the number of logins (decisions 028,
 * 047): the page, its provenance, its forms' values and its evidence labels. Another tenant's account, or one
 * outside a Manager's clients, is NOT_FOUND.
 */
export async function readAccountPageModel(scope: Scope, id: string, options: { labels: boolean; editing?: boolean; reports?: boolean }): Promise<AccountPageModel> {
  const writable = canWrite(scope);
  // `editing: false`: the page itself, whose editors are read when opened (decision 063); `writable` still says whether there are any.
  // Reports are for Owners and Admins, not in a seller's own portal (as on the client page); `reports: false` for a
  // read that shows none (the editors').
  const want = { editing: writable && options.editing !== false, reports: isOrgAdmin(scope) && !scope.portal && options.reports !== false, labels: options.labels };
  const row = await readAccountPageRow(scope, id, want);
  return { ...accountPageOf(row), ...accountPageExtras(row, want), writable };
}
