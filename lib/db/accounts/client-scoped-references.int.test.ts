import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createLoginSchema } from "@/lib/validation/login-form";
import type { SnapshotInput } from "@/lib/validation/snapshot";
import { createTenant, daysAgo, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { recomputeOrganisations } from "../risk/recompute-all";
import { addTwoStepMethod } from "./account-writes";
import { createLogin } from "./login-records";

// A member scoped to a client names, on its accounts' forms, only the people and devices its clients' accounts reach
// (decision 082): another's id is "unknown", as another organisation's is, and nothing is written.

const db = testDb();
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));
const version = async (id: string) => (await db.sellerAccount.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const login = (id: string, email: string, personId: string, deviceId: string | null) => ({
  id, role: id === "l1" ? ("PRIMARY" as const) : ("SECONDARY" as const), email, personId, status: "ACTIVE" as const, lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(30), invitedAt: daysAgo(90), acceptedAt: daysAgo(89),
  twoStep: deviceId ? [{ kind: "SMS" as const, role: "PRIMARY" as const, deviceId, phoneLast4: "1234" }] : [], permissions: [],
});
// acc-a (Client A): p-a on d-a, p-a2 with no device. acc-none (no client): p-none on d-none, and p-a again on d-a.
const account = (id: string, second: [string, string | null]): SnapshotInput["accounts"][number] => ({
  id, storeName: `Store ${id}`, sellerId: `A${crypto.randomUUID().slice(0, 10).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(10),
  logins: [login("l1", `${id}@shop.example`, id === "acc-a" ? "p-a" : "p-none", id === "acc-a" ? "d-a" : "d-none"), login("l2", `two-${id}@shop.example`, ...second)],
});

async function world() {
  const tenant = await createTenant(db);
  const owner = await scopeFor(tenant.userId);
  const clientA = (await db.client.create({ data: { orgId: tenant.orgId, name: "Client A" }, select: { id: true } })).id;
  const idFor = await importSnapshot(db, tenant.orgId, {
    format: "gatehouse.snapshot/v1",
    people: ["p-a", "p-a2", "p-none", "p-loose"].map((id) => ({ id, name: id, external: false, company: null, departedAt: null })),
    devices: [{ id: "d-a", kind: "PHONE", label: "A phone", holderId: "p-a", skipOtpOnBrowser: false }, { id: "d-none", kind: "PHONE", label: "Loose phone", holderId: "p-none", skipOtpOnBrowser: false }],
    accounts: [account("acc-a", ["p-a2", null]), account("acc-none", ["p-a", "d-a"])],
  }, (accountId) => (accountId === "acc-a" ? clientA : null));
  // Findings held as the app holds them (the factory writes records only): the guard compares with these.
  await recomputeOrganisations(db, { today: daysAgo(0), orgIds: [tenant.orgId] });
  const manager = { ...owner, role: "MANAGER" as const, clientIds: [clientA] };
  return { owner, manager, idFor, accountA: idFor("account", "acc-a"), accountNone: idFor("account", "acc-none") };
}

const newLogin = async (accountId: string, personId: string, email: string) =>
  createLoginSchema.parse({ accountId, version: String(await version(accountId)), role: "SECONDARY", email, personId, personName: "", personExternal: "no", status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10), passwordReused: "no" });

describe("a client-scoped member's logins and 2SV methods name only what its clients reach", () => {
  it("refuses a person of an account of no client or of no account as unknown; takes its own client's person; an owner may take any", async () => {
    const { owner, manager, idFor, accountA } = await world();
    for (const person of ["p-none", "p-loose"]) {
      const refused = await failure(createLogin(manager, await newLogin(accountA, idFor("person", person), `${person}@a.example`)));
      expect(refused).toMatchObject({ code: "INVALID_INPUT", details: { personId: "validation.unknownPerson" } });
    }
    expect(await db.login.count({ where: { accountId: accountA } })).toBe(2);
    await createLogin(manager, await newLogin(accountA, idFor("person", "p-a"), "second@a.example"));
    await createLogin(owner, await newLogin(accountA, idFor("person", "p-none"), "third@a.example"));
    expect(await db.login.count({ where: { accountId: accountA } })).toBe(4);
  });

  it("refuses a device another account (of no client) uses as unknown; takes its own client's device", async () => {
    const { manager, idFor, accountA } = await world();
    const loginId = (await db.login.findFirstOrThrow({ where: { accountId: accountA, role: "PRIMARY" }, select: { id: true } })).id;
    const method = async (deviceId: string) => ({ accountId: accountA, version: await version(accountA), loginId, kind: "AUTHENTICATOR_APP" as const, role: "BACKUP" as const, label: null, phoneLast4: null, deviceId });
    const refused = await failure(addTwoStepMethod(manager, await method(idFor("device", "d-none"))));
    expect(refused).toMatchObject({ code: "INVALID_INPUT", details: { deviceId: "validation.unknownDevice" } });
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(1);
    await addTwoStepMethod(manager, await method(idFor("device", "d-a")));
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(2);
  });

  it("is not refused for a finding another account gains from the date alone: only the rules that look across accounts are compared", async () => {
    const { manager, idFor, accountA, accountNone } = await world();
    // p-a's login on acc-none went dormant since the findings were last computed (as at midnight, before the day's recompute).
    await db.login.updateMany({ where: { accountId: accountNone, personId: idFor("person", "p-a") }, data: { lastLoginAt: new Date(daysAgo(400)) } });
    const loginId = (await db.login.findFirstOrThrow({ where: { accountId: accountA, role: "PRIMARY" }, select: { id: true } })).id;
    // The primary's own phone (d-a) as a backup app: d-a is also used on acc-none, which is recomputed with acc-a.
    await addTwoStepMethod(manager, { accountId: accountA, version: await version(accountA), loginId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: null, phoneLast4: null, deviceId: idFor("device", "d-a") });
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(2);
    const dormant = await db.finding.count({ where: { accountId: accountNone, ruleId: "DORMANT_USER", status: "OPEN" } });
    expect(dormant).toBe(1);
  });

  it("refuses a 2SV method that would bring an account of no client a finding (a device shared by a second person), whole; an owner may", async () => {
    const { owner, manager, idFor, accountA, accountNone } = await world();
    const loginId = (await db.login.findFirstOrThrow({ where: { accountId: accountA, role: "SECONDARY" }, select: { id: true } })).id;
    const method = async () => ({ accountId: accountA, version: await version(accountA), loginId, kind: "SMS" as const, role: "PRIMARY" as const, label: null, phoneLast4: "1234", deviceId: idFor("device", "d-a") });
    const findings = () => db.finding.findMany({ where: { accountId: accountNone, status: { not: "RESOLVED" } }, select: { ruleId: true, subjectId: true }, orderBy: [{ ruleId: "asc" }, { subjectId: "asc" }] });
    const before = await findings();
    const versionBefore = await version(accountA);
    expect(await failure(addTwoStepMethod(manager, await method()))).toMatchObject({ code: "FORBIDDEN", message: "validation.reachesOtherClients" });
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(0);
    expect(await version(accountA)).toBe(versionBefore);
    expect(await findings()).toEqual(before);
    // The same change by an owner is allowed, and does give acc-none a finding: the refusal above was for that.
    await addTwoStepMethod(owner, await method());
    expect((await findings()).length).toBeGreaterThan(before.length);
  });
});
