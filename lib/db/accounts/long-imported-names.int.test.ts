import { afterAll, describe, expect, it, vi } from "vitest";
import { executeAction, type ActionDefinition, type ActionState } from "@/lib/actions/define-action";
import type { Scope } from "@/lib/db/scope";
import { createTenant, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";

// New-user pass 45, M5 (decision 101): names imported at 101–200 characters (the snapshot's limit) refused every later
// hand edit of their record, even of its status alone, because the forms stopped at 100.
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => null, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }), headers: async () => new Headers() }));

const db = testDb();
afterAll(() => db.$disconnect());

async function run(action: { definition: unknown }, scope: Scope, fields: Record<string, string>): Promise<ActionState> {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return executeAction(action.definition as ActionDefinition, scope, data);
}

describe("a name imported at 150 characters", () => {
  it("does not block editing another field of its account or person", async () => {
    const { updateAccountAction } = await import("@/app/(app)/accounts/[id]/actions");
    const { updatePersonAction } = await import("@/app/(app)/people/[id]/actions");
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const storeName = `Kumo ${"長".repeat(145)}`;
    const personName = `Sato ${"N".repeat(145)}`;
    await importSnapshot(db, orgId, {
      format: "gatehouse.snapshot/v1",
      people: [{ id: "p1", name: personName }],
      accounts: [{ id: "a1", storeName, region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", logins: [{ id: "l1", role: "PRIMARY", personId: "p1", status: "ACTIVE" }] }],
    });
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId }, select: { id: true, version: true, storeName: true, marketplaces: true } });
    expect(account.storeName).toHaveLength(150);

    const saved = await run(updateAccountAction, scope, {
      accountId: account.id, version: String(account.version), storeName, sellerId: "", region: "JP", marketplaces: account.marketplaces.join(",") || "JP", plan: "PROFESSIONAL", status: "SUSPENDED", clientId: "",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: account.id }, select: { status: true, storeName: true } })).toEqual({ status: "SUSPENDED", storeName });

    const person = await db.person.findFirstOrThrow({ where: { orgId }, select: { id: true, version: true } });
    const personSaved = await run(updatePersonAction, scope, { personId: person.id, version: String(person.version), name: personName, email: "", company: "Kumo KK", external: "no", departedAt: "" });
    expect(personSaved).toMatchObject({ ok: true });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { name: true, company: true } })).toEqual({ name: personName, company: "Kumo KK" });
  });
});
