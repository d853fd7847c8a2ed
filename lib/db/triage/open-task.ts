import "server-only";
import type { TriageCause } from "@/lib/triage/types";
import type { TriageOutcome } from "@/lib/triage/outcome";
import { accountScopeWhere, type Scope } from "../scope";
import { createTask } from "../tasks/create-task";
import { dbFor } from "../tenant";

/** What a triage outcome asks a remediation task to say. */
export interface TriageTaskRequest {
  accountId: string;
  loginId: string | null;
  cause: TriageCause | null;
  outcome: TriageOutcome;
  note: string | null;
  /** The account's Seller Central sign-in page, for the task's link. */
  signInUrl: string | null;
  triageSessionId: string;
}

/**
 * Opens a remediation task for a triage outcome (lib/db/tasks/create-task.ts): assigned to whoever walked
 * the checklist, due in two weeks, linking the account's own sign-in page; closed by hand with a note (no
 * captured fact shows a sign-in problem solved). Returns the new task's id, which lib/db/triage/sessions.ts
 * stores on the session. Called after the outcome's transaction has committed, so createTask opens its own.
 */
export async function openTriageTask(scope: Scope, request: TriageTaskRequest): Promise<string | null> {
  const db = dbFor(scope);
  const login = request.loginId ? await db.login.findFirst({ where: { id: request.loginId, accountId: request.accountId, orgId: scope.orgId }, select: { email: true } }) : null;
  const account = await db.sellerAccount.findFirst({ where: { id: request.accountId, ...accountScopeWhere(scope) }, select: { storeName: true } });
  if (!account) return null;
  const cause = request.cause ? ` · ${request.cause}` : "";
  return createTask(scope, {
    accountId: request.accountId,
    kind: "TRIAGE",
    subjectId: request.loginId,
    subjectLabel: `${login?.email ?? account.storeName} · ${request.outcome}${cause}`,
    note: request.note,
    triageSessionId: request.triageSessionId,
    url: request.signInUrl,
  });
}
