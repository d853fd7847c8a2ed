import "server-only";
import { isOrgAdmin, type Scope } from "../scope";
import { canWrite } from "../write-context";
import { personPageExtras, type PersonPageExtras } from "./person-page-extras";
import { personDetailOf, readPersonPageRow, type PersonDetail } from "./read-people";

export interface PersonPageModel extends PersonPageExtras {
  person: PersonDetail;
  writable: boolean;
}

/**
 * Everything the person page shows and edits in one statement, whatever the number of the person's logins
 * (decisions 028, 055): the page, its provenance, its forms' values, its evidence labels and — only with an open
 * hand-over to tick — who could take the login over. Another tenant's person, or one outside a Manager's clients,
 * is NOT_FOUND.
 */
export async function readPersonPageModel(scope: Scope, id: string, options: { labels: boolean }): Promise<PersonPageModel> {
  const writable = canWrite(scope);
  // People and devices are shared by every client's accounts: Owners and Admins edit them.
  const want = { editing: isOrgAdmin(scope) && !scope.portal, handover: writable, labels: options.labels };
  const row = await readPersonPageRow(scope, id, want);
  return { person: personDetailOf(row), ...personPageExtras(row, want), writable };
}
