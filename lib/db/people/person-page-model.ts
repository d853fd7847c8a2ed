import "server-only";
import { AppError } from "@/lib/errors";
import type { EvidenceData } from "@/lib/risk";
import { evidenceIds } from "@/lib/risk/evidence-ja";
import type { Provenance } from "../accounts/account-provenance";
import { isOrgAdmin, type Scope } from "../scope";
import { canWrite } from "../write-context";
import { getPersonPageExtras, type HandoverCandidate, type PersonEditing } from "./person-page-extras";
import { getPersonDetailOrThrow, type PersonDetail } from "./read-people";

export interface PersonPageModel {
  person: PersonDetail;
  provenance: Provenance;
  /** Null unless the caller edits people (Owners and Admins, not in a portal). */
  editing: PersonEditing | null;
  writable: boolean;
  candidates: HandoverCandidate[];
  labels: Map<string, string>;
}

/**
 * Everything the person page shows and edits in two statements, whatever the number of the person's
 * logins (decision 028): the page's big read, then its provenance, forms, evidence labels and — only
 * with an open hand-over to tick — who could take the login over.
 */
export async function readPersonPageModel(scope: Scope, id: string, options: { labels: boolean }): Promise<PersonPageModel> {
  const person = await getPersonDetailOrThrow(scope, id);
  const writable = canWrite(scope);
  const handoverAccounts = person.checklist.tasks.filter((task) => task.kind === "PRIMARY_HANDOVER" && !task.doneAt && task.account).map((task) => task.account!.id);
  const evidence = options.labels ? [...new Set(person.findings.flatMap((f) => evidenceIds(f.evidenceData as EvidenceData)))] : [];
  // People and devices are shared by every client's accounts: Owners and Admins edit them.
  const extras = await getPersonPageExtras(scope, person.id, {
    editing: isOrgAdmin(scope) && !scope.portal,
    handoverAccounts: writable ? handoverAccounts : [],
    labelIds: evidence,
  });
  // Removed between the two reads.
  if (!extras) throw new AppError("NOT_FOUND", "Person not found");
  return { person, ...extras, writable };
}
