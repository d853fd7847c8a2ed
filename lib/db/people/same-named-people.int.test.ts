import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { executeAction, type ActionDefinition, type ActionState } from "@/lib/actions/define-action";
import { answerSentences } from "@/lib/i18n/form-messages";
import { translatorFor } from "@/lib/i18n/per-locale";
import type { Scope } from "@/lib/db/scope";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { createAccount } from "../accounts/account-records";

// The two forms where a person is typed in by hand, run as their server actions run them (executeAction):
// a name someone in the organisation already has is refused until "another person" is ticked.
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => null, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }), headers: async () => new Headers() }));

const db = testDb();
afterAll(() => db.$disconnect());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

/** As Next runs it: createPersonAction redirects to the new person on success. */
async function run(action: { definition: unknown }, scope: Scope, fields: Record<string, string>): Promise<ActionState> {
  try {
    return await executeAction(action.definition as ActionDefinition, scope, form(fields));
  } catch (error) {
    if (String((error as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true, seq: 1 };
    throw error;
  }
}

const named = (orgId: string) => db.person.findMany({ where: { orgId, name: { contains: "一郎" } }, select: { name: true } });
const person = { email: "", company: "", external: "no", departedAt: "" };

describe("a person of an existing name", () => {
  it("on /people: refused with who is already there, then added once confirmed", async () => {
    const { createPersonAction } = await import("@/app/(app)/people/[id]/actions");
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    expect(await run(createPersonAction, scope, { ...person, name: "山田 一郎", company: "Shop KK" })).toMatchObject({ ok: true });

    // Full-width space, doubled: the same name as a reader sees it.
    const refused = await run(createPersonAction, scope, { ...person, name: "山田　　一郎" });
    expect(refused).toMatchObject({ ok: false, error: "INVALID_INPUT", fieldErrors: { name: "validation.personNameTaken" } });
    expect(answerSentences(refused, translatorFor("ja")).said?.["validation.personNameTaken"]).toMatch(/^「山田\u3000\u3000一郎」と同じ名前の関係者がすでにいます: 山田 一郎 \(Shop KK, \d{4}-\d\d-\d\d\)。/);
    expect(answerSentences(refused, translatorFor("en")).said?.["validation.personNameTaken"]).toMatch(/^A person named 山田\u3000\u3000一郎 already exists: 山田 一郎 \(Shop KK/);
    expect(await named(orgId)).toHaveLength(1);
    // Typed without the space between family and given name: still the same name.
    expect(await run(createPersonAction, scope, { ...person, name: "山田一郎" })).toMatchObject({ ok: false, fieldErrors: { name: "validation.personNameTaken" } });
    expect(await named(orgId)).toHaveLength(1);

    // Two 田中 at one company are possible: ticked, the second is added (the form sends back the name it asked about).
    expect(refused.vars?.name).toBe("山田　　一郎");
    expect(await run(createPersonAction, scope, { ...person, name: "山田　　一郎", confirmSameName: "yes", sameNameAsked: "山田　　一郎" })).toMatchObject({ ok: true });
    expect(await named(orgId)).toHaveLength(2);
    // A different name, or the same name in another organisation, is not asked about.
    expect(await run(createPersonAction, scope, { ...person, name: "山田 一朗" })).toMatchObject({ ok: true });
    const other = await createTenant(db);
    expect(await run(createPersonAction, await scopeFor(other.userId), { ...person, name: "山田 一郎" })).toMatchObject({ ok: true });
  });

  it("as a new login's owner on the account page: refused on the name field, no login made, then added once confirmed", async () => {
    const { createLoginAction } = await import("@/app/(app)/accounts/[id]/actions");
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const { id: accountId } = await createAccount(scope, { storeName: "Kumo", sellerId: `A${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", clientId: null });
    const version = async () => String((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version);
    const login = async (email: string, extra: Record<string, string> = {}) =>
      run(createLoginAction, scope, { accountId, version: await version(), role: "SECONDARY", email, personId: "", personName: "Yamada Ichiro", personExternal: "no", status: "ACTIVE", ...extra });

    expect(await login("one@kumo.example")).toMatchObject({ ok: true });
    const refused = await run(createLoginAction, scope, { accountId, version: await version(), role: "SECONDARY", email: "two@kumo.example", personId: "", personName: "YAMADA  ichiro", personExternal: "no", status: "ACTIVE" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { personName: "validation.loginPersonNameTaken" } });
    expect(answerSentences(refused, translatorFor("ja")).said?.["validation.loginPersonNameTaken"]).toContain("と同じ名前の関係者がすでにいます: Yamada Ichiro (");
    expect(await db.login.count({ where: { orgId } })).toBe(1);
    // Ticked for that name, then the name edited to another one already there: asked again, about the new name.
    await login("one-more@kumo.example", { personName: "Sato Hanako" });
    const again = await login("two@kumo.example", { personName: "sato hanako", confirmSameName: "yes", sameNameAsked: "YAMADA  ichiro" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { personName: "validation.loginPersonNameTaken" }, vars: { name: "sato hanako" } });
    expect(await db.login.count({ where: { orgId } })).toBe(2);
    // The name asked about was "YAMADA  ichiro": the same name as a reader folds it, so the tick counts.
    expect(await login("two@kumo.example", { confirmSameName: "yes", sameNameAsked: "YAMADA  ichiro" })).toMatchObject({ ok: true });
    expect(await db.person.count({ where: { orgId, name: "Yamada Ichiro" } })).toBe(2);
  });

  it("on /people: a tick counts only for the name it was asked about, not for another taken name typed after it", async () => {
    const { createPersonAction } = await import("@/app/(app)/people/[id]/actions");
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    for (const name of ["山田 一郎", "佐藤 花子"]) expect(await run(createPersonAction, scope, { ...person, name })).toMatchObject({ ok: true });
    const count = () => db.person.count({ where: { orgId } });

    // Asked about 山田, ticked, then the name changed to 佐藤 (also taken): asked again, about 佐藤, nothing added.
    const again = await run(createPersonAction, scope, { ...person, name: "佐藤花子", confirmSameName: "yes", sameNameAsked: "山田 一郎" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { name: "validation.personNameTaken" }, vars: { name: "佐藤花子" } });
    expect(answerSentences(again, translatorFor("en")).said?.["validation.personNameTaken"]).toMatch(/^A person named 佐藤花子 already exists: 佐藤 花子 \(/);
    // A tick with no name beside it (a form from before, or an edited page) confirms nothing.
    expect(await run(createPersonAction, scope, { ...person, name: "佐藤 花子", confirmSameName: "yes" })).toMatchObject({ ok: false, fieldErrors: { name: "validation.personNameTaken" } });
    expect(await count()).toBe(2);
    // Confirmed for 佐藤 (as the reader folds names: spaces and width aside), it is added.
    expect(await run(createPersonAction, scope, { ...person, name: "佐藤 花子", confirmSameName: "yes", sameNameAsked: "佐藤花子" })).toMatchObject({ ok: true });
    // Ticked for a taken name, then changed to a free one: added, nothing to ask.
    expect(await run(createPersonAction, scope, { ...person, name: "鈴木 次郎", confirmSameName: "yes", sameNameAsked: "山田 一郎" })).toMatchObject({ ok: true });
    expect(await count()).toBe(4);
  });

  it("a Manager is told only of people they can see", async () => {
    const { createLoginAction } = await import("@/app/(app)/accounts/[id]/actions");
    const { orgId, userId } = await createTenant(db);
    const owner = await scopeFor(userId);
    const client = await db.client.create({ data: { orgId, name: "Shop KK" } });
    const { id: accountId } = await createAccount(owner, { storeName: "Shop", sellerId: `A${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", clientId: client.id });
    await db.person.create({ data: { orgId, name: "Hidden Person" } });
    const managerUser = await db.user.create({ data: { email: `m-${randomUUID()}@test.example`, name: "Manager", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId, userId: managerUser.id, role: "MANAGER" } });
    await db.membershipClient.create({ data: { orgId, membershipId: membership.id, clientId: client.id } });
    const manager = await scopeFor(managerUser.id);
    const version = async () => String((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version);
    const add = async (email: string) => run(createLoginAction, manager, { accountId, version: await version(), role: "SECONDARY", email, personId: "", personName: "Hidden Person", personExternal: "no", status: "ACTIVE" });
    // The owner's person holds no access the Manager can see: not named to them.
    expect(await add("a@shop.example")).toMatchObject({ ok: true });
    // The person now holding a login on their client's account is visible: the next one is asked about.
    expect(await add("b@shop.example")).toMatchObject({ ok: false, fieldErrors: { personName: "validation.loginPersonNameTaken" } });
  });
});
