import "server-only";
import { AppError } from "@/lib/errors";
import { triageSteps } from "@/lib/triage/steps";
import { signInUrlFor } from "@/lib/triage/sign-in-hosts";
import type { TriageCause } from "@/lib/triage/types";
import type { TriageAnswer, TriageOutcome } from "@/lib/triage/outcome";
import type { RecordTriageInput } from "@/lib/validation/triage";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit } from "../write-context";
import { openTriageTask } from "./open-task";
import { getTriageContextOrThrow } from "./triage-facts";

/**
 * Records how a walk through the "can't log in" checklist ended: a triage session and a
 * `triage.completed` audit event, in one transaction. Any member who can see the account may (as for
 * access reviews; decision 019). The checklist is re-derived from the data as it is now: the cause must
 * be one of its steps, and answers to steps it does not hold are refused.
 */
export async function recordTriage(scope: Scope, input: RecordTriageInput, now = new Date()): Promise<{ id: string; taskId: string | null }> {
  const { session, signInUrl } = await dbFor(scope).$transaction(async (tx) => {
    const context = await getTriageContextOrThrow(scope, input.accountId, input.loginId, tx);
    const steps = triageSteps(context.accountFacts, context.loginFacts, now);
    const shown = new Set<string>(steps.map((s) => s.id));
    if (input.cause && !shown.has(input.cause)) throw new AppError("INVALID_INPUT", "Not a step of this checklist", { cause: "validation.choose" });
    const stray = input.answers.find((a) => !shown.has(a.step));
    if (stray) throw new AppError("INVALID_INPUT", "Not a step of this checklist", { [`answer.${stray.step}`]: "validation.choose" });
    const shownSteps = steps.map((s) => ({ step: s.id, likelihood: s.likelihood, reasons: s.reasons.map((r) => r.id) }));
    const session = await tx.triageSession.create({
      data: {
        orgId: scope.orgId, accountId: context.account.id, loginId: context.login?.id ?? null, outcome: input.outcome, cause: input.cause, note: input.note,
        answers: input.answers, shownSteps, taskRequested: input.openTask, createdById: scope.userId,
      },
      select: { id: true },
    });
    await audit(tx, scope, {
      action: "triage.completed",
      entityType: context.login ? "Login" : "SellerAccount",
      entityId: context.login?.id ?? context.account.id,
      accountId: context.account.id,
      after: { sessionId: session.id, loginId: context.login?.id ?? null, outcome: input.outcome, cause: input.cause, note: input.note, answers: input.answers, taskRequested: input.openTask },
    });
    return { session, signInUrl: signInUrlFor(context.account.region, context.account.marketplaces) };
  });
  if (!input.openTask) return { id: session.id, taskId: null };
  const taskId = await openTriageTask(scope, { accountId: input.accountId, loginId: input.loginId, cause: input.cause, outcome: input.outcome, note: input.note, signInUrl, triageSessionId: session.id });
  if (taskId) await dbFor(scope).triageSession.updateMany({ where: { id: session.id, orgId: scope.orgId }, data: { taskId } });
  return { id: session.id, taskId };
}

export interface TriageSessionRow {
  id: string;
  at: Date;
  loginId: string | null;
  loginEmail: string | null;
  outcome: TriageOutcome;
  cause: TriageCause | null;
  note: string | null;
  answers: { step: TriageCause; answer: TriageAnswer }[];
  taskRequested: boolean;
  taskId: string | null;
  by: string;
}

/** The newest triage sessions of an account (of one login when named); empty for an account out of scope. */
export async function listTriageSessions(scope: Scope, accountId: string, options: { loginId?: string | null; limit?: number } = {}): Promise<TriageSessionRow[]> {
  const db = dbFor(scope);
  const account = await db.sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { id: true } });
  if (!account) return [];
  const rows = await db.triageSession.findMany({
    where: { orgId: scope.orgId, accountId, ...(options.loginId ? { loginId: options.loginId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 20,
  });
  const [users, logins] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } }),
    db.login.findMany({ where: { orgId: scope.orgId, id: { in: [...new Set(rows.map((r) => r.loginId).filter((id): id is string => !!id))] } }, select: { id: true, email: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const emails = new Map(logins.map((l) => [l.id, l.email]));
  return rows.map((r) => ({
    id: r.id, at: r.createdAt, loginId: r.loginId, loginEmail: r.loginId ? (emails.get(r.loginId) ?? null) : null,
    outcome: r.outcome as TriageOutcome, cause: r.cause as TriageCause | null, note: r.note,
    answers: r.answers as TriageSessionRow["answers"], taskRequested: r.taskRequested, taskId: r.taskId, by: names.get(r.createdById) ?? "—",
  }));
}
