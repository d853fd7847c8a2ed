import "server-only";
import type { TriageCause } from "@/lib/triage/types";
import type { TriageOutcome } from "@/lib/triage/outcome";
import type { Scope } from "../scope";

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
 * MERGE POINT (issue 13, branch `reviews`): open a remediation task for a triage outcome.
 *
 * The remediation tasks are built on the `reviews` branch (`lib/db/tasks/create-task.ts`, `createTask(scope, …)`).
 * Until the lead wires this to it at merge, no task is created: the request is recorded on the triage
 * session (taskRequested) and in the `triage.completed` audit event, and this returns null. Wired, it
 * returns the new task's id, which lib/db/triage/sessions.ts stores on the session.
 *
 * Called after the outcome's transaction has committed, so createTask may open its own.
 */
export async function openTriageTask(scope: Scope, request: TriageTaskRequest): Promise<string | null> {
  void scope;
  void request;
  return null;
}
