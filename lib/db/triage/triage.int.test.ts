import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { tenantFingerprint } from "@/tests/support/tenant-fingerprint";
import { triageSteps } from "@/lib/triage/steps";
import { recordTriageSchema } from "@/lib/validation/triage";
import { listTriageSessions, recordTriage } from "./sessions";
import { getTriageContextOrThrow } from "./triage-facts";

const db = testDb();
afterAll(() => db.$disconnect());

async function seller(role: "OWNER" | "VIEWER" = "OWNER") {
  const tenant = await createTenant(db, { role });
  const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Seller" } });
  if (role === "VIEWER") await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: tenant.membershipId, clientId: client.id } });
  const ids = await importSnapshot(db, tenant.orgId, oneAccountSnapshot(), () => client.id);
  return { tenant, client, accountId: ids("account", "acc"), loginId: ids("login", "acc/l-primary"), scope: await scopeFor(tenant.userId) };
}

const input = (fields: Record<string, string>) => recordTriageSchema.parse(fields);

describe("the triage's facts", () => {
  it("reads the login's single SMS method and orders the lost phone first", async () => {
    const { scope, accountId, loginId } = await seller();
    const context = await getTriageContextOrThrow(scope, accountId, loginId);
    expect(context.loginFacts?.methods).toEqual([expect.objectContaining({ kind: "SMS", phoneLast4: "1234", holderName: "Owner", holderIsLoginPerson: true })]);
    expect(context.logins.map((l) => l.id)).toEqual([loginId]);
    const steps = triageSteps(context.accountFacts, context.loginFacts, new Date());
    expect(steps[0]).toMatchObject({ id: "lost-phone", params: { last4: "1234" } });
    expect(steps.find((s) => s.id === "wrong-sign-in-page")?.params.url).toBe("https://sellercentral-japan.amazon.com/");
    // For the account as a whole, its primary login's lone phone leads too.
    const whole = await getTriageContextOrThrow(scope, accountId, null);
    expect(whole.accountFacts).toMatchObject({ activeLogins: 1, activeLoginsWithoutTwoStep: 0 });
    expect(triageSteps(whole.accountFacts, null, new Date())[0]).toMatchObject({ id: "lost-phone", reasons: [{ id: "primarySinglePhone", params: { last4: "1234" } }] });
  });

  it("another organisation's account or login, or another account's login: NOT_FOUND", async () => {
    const mine = await seller();
    const theirs = await seller();
    await expect(getTriageContextOrThrow(mine.scope, theirs.accountId, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getTriageContextOrThrow(mine.scope, mine.accountId, theirs.loginId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("recording the outcome", () => {
  it("a viewer of the account records it: a session and a triage.completed audit event, listed in the history", async () => {
    const { scope, accountId, loginId, tenant } = await seller("VIEWER");
    const result = await recordTriage(scope, input({ accountId, loginId, outcome: "RESOLVED", "answer.lost-phone": "this", "answer.credentials": "not", note: "phone was replaced", openTask: "yes" }));
    // The task asked for is a real remediation task, stored on the session, linking the account's sign-in page.
    expect(result.taskId).not.toBeNull();
    expect(await db.remediationTask.findUniqueOrThrow({ where: { id: result.taskId! } })).toMatchObject({
      kind: "TRIAGE", status: "OPEN", accountId, subjectId: loginId, subjectLabel: "owner@shop.example · RESOLVED · lost-phone", note: "phone was replaced",
      url: "https://sellercentral-japan.amazon.com/", assigneeId: tenant.userId, triageSessionId: result.id,
    });
    expect((await db.triageSession.findUniqueOrThrow({ where: { id: result.id } })).taskId).toBe(result.taskId);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: tenant.orgId, action: "triage.completed" } });
    expect(event).toMatchObject({ entityType: "Login", entityId: loginId, accountId, actorUserId: tenant.userId });
    expect(event.after).toEqual({
      sessionId: result.id, loginId, outcome: "RESOLVED", cause: "lost-phone", note: "phone was replaced", taskRequested: true,
      answers: [{ step: "lost-phone", answer: "this" }, { step: "credentials", answer: "not" }],
    });
    const [row] = await listTriageSessions(scope, accountId);
    expect(row).toMatchObject({ id: result.id, loginId, loginEmail: "owner@shop.example", outcome: "RESOLVED", cause: "lost-phone", taskRequested: true, by: "Test User" });
    const stored = await db.triageSession.findUniqueOrThrow({ where: { id: result.id } });
    expect((stored.shownSteps as { step: string }[])[0]).toMatchObject({ step: "lost-phone", likelihood: "high", reasons: ["singlePhone"] });
    expect(await listTriageSessions(scope, accountId, { loginId: "someone-else" })).toEqual([]);
  });

  it("for the account as a whole: no login, the account is the entity", async () => {
    const { scope, accountId, tenant } = await seller();
    await recordTriage(scope, input({ accountId, outcome: "ESCALATED", cause: "outage", note: "Amazon status page shows an incident" }));
    expect(await db.auditEvent.findFirstOrThrow({ where: { orgId: tenant.orgId, action: "triage.completed" } })).toMatchObject({ entityType: "SellerAccount", entityId: accountId });
    expect((await listTriageSessions(scope, accountId))[0]).toMatchObject({ loginId: null, outcome: "ESCALATED", cause: "outage" });
  });

  it("a cause or an answer that is not a step of this checklist is refused, nothing written", async () => {
    const { scope, accountId, loginId, tenant } = await seller();
    const before = await tenantFingerprint(db, [tenant.orgId]);
    // An active login has no "login not active" step; the account as a whole has no device step.
    await expect(recordTriage(scope, input({ accountId, loginId, outcome: "RESOLVED", cause: "login-not-active" }))).rejects.toMatchObject({ code: "INVALID_INPUT", details: { cause: "validation.choose" } });
    await expect(recordTriage(scope, input({ accountId, outcome: "LOCKED_OUT", "answer.device-elsewhere": "not" }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await tenantFingerprint(db, [tenant.orgId])).toEqual(before);
  });

  it("scoped: another organisation's account or login, or an unassigned client's, is NOT_FOUND and nothing is written", async () => {
    const mine = await seller("VIEWER");
    const theirs = await seller();
    const unassigned = await importSnapshot(db, mine.tenant.orgId, oneAccountSnapshot("Unassigned Store"), () => null);
    const before = await tenantFingerprint(db, [mine.tenant.orgId, theirs.tenant.orgId]);
    await expect(recordTriage(mine.scope, input({ accountId: theirs.accountId, loginId: theirs.loginId, outcome: "LOCKED_OUT" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordTriage(mine.scope, input({ accountId: theirs.accountId, outcome: "LOCKED_OUT" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordTriage(mine.scope, input({ accountId: mine.accountId, loginId: theirs.loginId, outcome: "LOCKED_OUT" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordTriage(mine.scope, input({ accountId: unassigned("account", "acc"), outcome: "LOCKED_OUT" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await tenantFingerprint(db, [mine.tenant.orgId, theirs.tenant.orgId])).toEqual(before);
    expect(await listTriageSessions(mine.scope, theirs.accountId)).toEqual([]);
  });
});
