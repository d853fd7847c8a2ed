import { describe, expect, it } from "vitest";
import { GET as exportSnapshot } from "@/app/api/v1/snapshot/route";
import { POST as postSnapshots } from "@/app/api/v1/snapshots/route";
import { createApiToken } from "@/lib/db/api-tokens/tokens";
import { addDays } from "@/lib/dates";
import type { Snapshot, SnapshotInput } from "@/lib/validation/snapshot";
import { callApi } from "@/tests/support/api";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";

// A write token restricted to one client may change only what is that client's alone (newuser42 finding 1,
// decision 082): a person or device that another client's account, an account of no client, or no account
// at all reaches is refused whole (403, nothing written, nothing named), and so is a reference to one the
// token cannot see. People and devices only its clients' accounts reach may change, and new ones be made;
// the answer counts them.

const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const ago = (n: number) => addDays(today, -n);
const person = (id: string, name: string) => ({ id, name, external: false, company: "Shop KK", departedAt: null });
const login = (id: string, email: string, personId: string, deviceId: string | null, role: "PRIMARY" | "SECONDARY" = "PRIMARY") => ({
  id, role, email, personId, usedBy: [personId], passwordReused: false, status: "ACTIVE" as const, lastLoginAt: ago(2), passwordChangedAt: ago(40), invitedAt: ago(300), acceptedAt: ago(299),
  twoStep: deviceId ? [{ kind: "SMS" as const, role: "PRIMARY" as const, deviceId, phoneLast4: "1234" }] : [],
  permissions: role === "PRIMARY" ? [{ tool: "USER_PERMISSIONS" as const, level: "ADMIN" as const, marketplace: null }] : [],
});
const account = (id: string, storeName: string, logins: ReturnType<typeof login>[]) => ({
  id, storeName, sellerId: `A${crypto.randomUUID().slice(0, 10).toUpperCase()}`, region: "JP" as const, marketplaces: ["JP" as const], plan: "PROFESSIONAL" as const, status: "ACTIVE" as const, lastVerifiedAt: ago(20), logins,
});
const doc = (people: SnapshotInput["people"], devices: SnapshotInput["devices"], accounts: SnapshotInput["accounts"]): SnapshotInput => ({ format: "gatehouse.snapshot/v1", people, devices, accounts });
const phone = (id: string, holderId: string) => ({ id, kind: "PHONE" as const, label: `Phone ${id}`, holderId, skipOtpOnBrowser: false });

/**
 * The tester's organisation: Nu Matcha (Client A) and Nu Sencha (Client B) share p-owner1 and her phone; Client A
 * alone has p-a-only and d-a-only; Test Store (no client) has Sato Hana and her phone; p-loose is on no account.
 */
async function world() {
  const tenant = await createTenant(db);
  const owner = await scopeFor(tenant.userId);
  const full = (await createApiToken(owner, { name: "full", scope: "write", clientIds: [], expiresOn: null })).token;
  const post = async (token: string, client: string | null, body: SnapshotInput | Snapshot) =>
    callApi(postSnapshots, { method: "POST", path: `/api/v1/snapshots${client ? `?client=${encodeURIComponent(client)}` : ""}`, token, body: JSON.stringify(body) });
  const ok = async (client: string | null, body: SnapshotInput) => expect((await post(full, client, body)).status).toBe(200);
  await ok("Client A", doc([person("p-owner1", "Owner One"), person("p-a-only", "A Only")], [phone("d-shared", "p-owner1"), phone("d-a-only", "p-a-only")], [
    account("nu-a1", "Nu Matcha", [login("l1", "owner@matcha.example", "p-owner1", "d-shared"), login("l2", "aonly@matcha.example", "p-a-only", "d-a-only", "SECONDARY")]),
  ]));
  await ok("Client B", doc([person("p-owner1", "Owner One")], [phone("d-shared", "p-owner1")], [account("nu-a2", "Nu Sencha", [login("l1", "owner@sencha.example", "p-owner1", "d-shared")])]));
  await ok(null, doc([person("p-sato", "Sato Hana"), person("p-loose", "Loose Person")], [phone("d-sato", "p-sato")], [account("test-store", "Test Store", [login("l1", "sato@store.example", "p-sato", "d-sato")])]));
  const clientA = (await db.client.findFirstOrThrow({ where: { orgId: tenant.orgId, name: "Client A" }, select: { id: true } })).id;
  const tokenA = (await createApiToken(owner, { name: "client A", scope: "write", clientIds: [clientA], expiresOn: null })).token;
  const exported = async () => (await callApi(exportSnapshot, { path: `/api/v1/snapshot?client=${encodeURIComponent("Client A")}`, token: tokenA })).json as Snapshot;
  const state = async () => ({
    people: (await db.person.findMany({ where: { orgId: tenant.orgId }, select: { externalId: true, name: true, departedAt: true }, orderBy: { externalId: "asc" } })),
    devices: (await db.device.findMany({ where: { orgId: tenant.orgId }, select: { externalId: true, label: true, holderId: true }, orderBy: { externalId: "asc" } })),
    findings: (await db.finding.findMany({ where: { orgId: tenant.orgId }, select: { accountId: true, ruleId: true, subjectId: true, status: true }, orderBy: [{ accountId: "asc" }, { ruleId: "asc" }, { subjectId: "asc" }] })),
    logins: await db.login.count({ where: { orgId: tenant.orgId } }),
  });
  return { postA: (body: Snapshot) => post(tokenA, "Client A", body), exported, state };
}

const errorOf = (json: unknown) => (json as { error?: { code: string; message: string; problems?: unknown } }).error;

describe("POST /api/v1/snapshots with a write token restricted to a client", () => {
  it("refuses the tester's steps whole: another client's shared person departed and an unlisted person renamed (403, nothing changed, nothing named)", async () => {
    const w = await world();
    const before = await w.state();
    const snapshot = await w.exported();
    expect(snapshot.people.map((p) => p.id).sort()).toEqual(["p-a-only", "p-owner1"]);
    const edited: Snapshot = {
      ...snapshot,
      people: [...snapshot.people.map((p) => (p.id === "p-owner1" ? { ...p, departedAt: ago(6) } : p)), { ...person("p-sato", "Renamed by client-A token") }],
    };
    const answer = await w.postA(edited);
    expect(answer.status).toBe(403);
    expect(errorOf(answer.json)).toMatchObject({ code: "forbidden" });
    expect(errorOf(answer.json)?.problems).toBeUndefined();
    expect(JSON.stringify(answer.json)).not.toMatch(/Sato|p-sato|p-owner1|Sencha|nu-a2/);
    expect(await w.state()).toEqual(before);
  });

  it.each([
    ["a person another client's account shares (p-owner1 departed)", (s: Snapshot): Snapshot => ({ ...s, people: s.people.map((p) => (p.id === "p-owner1" ? { ...p, departedAt: ago(6) } : p)) })],
    ["a person of an account of no client (Sato Hana renamed)", (s: Snapshot): Snapshot => ({ ...s, people: [...s.people, person("p-sato", "Renamed")] })],
    ["a person on no account at all", (s: Snapshot): Snapshot => ({ ...s, people: [...s.people, person("p-loose", "Renamed")] })],
    ["a device another client's account shares (relabelled)", (s: Snapshot): Snapshot => ({ ...s, devices: s.devices.map((d) => (d.id === "d-shared" ? { ...d, label: "Relabelled" } : d)) })],
    ["a device of an account of no client (relabelled)", (s: Snapshot): Snapshot => ({ ...s, devices: [...s.devices, { ...phone("d-sato", "p-sato"), label: "Relabelled" }], people: [...s.people, person("p-sato", "Sato Hana")] })],
    ["a device of an account of no client, listed unchanged", (s: Snapshot): Snapshot => ({ ...s, devices: [...s.devices, phone("d-sato", "p-sato")], people: [...s.people, person("p-sato", "Sato Hana")] })],
    ["a login given to a person the token cannot see (Sato Hana, unchanged)", (s: Snapshot): Snapshot => ({
      ...s, people: [...s.people, person("p-sato", "Sato Hana")],
      accounts: s.accounts.map((a) => ({ ...a, logins: [...a.logins, login("l-new", "new@matcha.example", "p-sato", null, "SECONDARY")] })),
    })],
    // p-new is the token's to make, but a device another client's account uses shared by a second person gives that
    // account a finding (SHARED_DEVICE-style rules look across accounts).
    ["a new person's login on a device another client's account uses", (s: Snapshot): Snapshot => ({
      ...s, people: [...s.people, person("p-new", "New Helper")],
      accounts: s.accounts.map((a) => ({ ...a, logins: [...a.logins, login("l-new", "new@matcha.example", "p-new", "d-shared", "SECONDARY")] })),
    })],
    ["its own device handed to a person the token cannot see", (s: Snapshot): Snapshot => ({ ...s, people: [...s.people, person("p-sato", "Sato Hana")], devices: s.devices.map((d) => (d.id === "d-a-only" ? { ...d, holderId: "p-sato" } : d)) })],
  ])("refuses %s: 403, nothing changed", async (_name, edit) => {
    const w = await world();
    const before = await w.state();
    const answer = await w.postA(edit(await w.exported()));
    expect(answer.status).toBe(403);
    expect(errorOf(answer.json)?.code).toBe("forbidden");
    expect(JSON.stringify(answer.json)).not.toMatch(/Sato|p-sato|p-loose|d-sato|Sencha/);
    expect(await w.state()).toEqual(before);
  });

  it("allows, and counts, changes to people and devices only its client's accounts reach, and new ones", async () => {
    const w = await world();
    const snapshot = await w.exported();
    // Posting the export back changes nothing.
    const same = await w.postA(snapshot);
    expect(same.status).toBe(200);
    expect(same.json).toEqual({ accounts: { created: 0, updated: 0, unchanged: 1 }, people: { created: 0, updated: 0, unchanged: 2 }, devices: { created: 0, updated: 0, unchanged: 2 } });

    const renamed = await w.postA({
      ...snapshot,
      people: snapshot.people.map((p) => (p.id === "p-a-only" ? { ...p, name: "A Only Renamed", departedAt: ago(3) } : p)),
      devices: snapshot.devices.map((d) => (d.id === "d-a-only" ? { ...d, label: "Relabelled" } : d)),
    });
    expect(renamed.status).toBe(200);
    // No account changed, but a person and a device did: the answer says so.
    expect(renamed.json).toEqual({ accounts: { created: 0, updated: 0, unchanged: 1 }, people: { created: 0, updated: 1, unchanged: 1 }, devices: { created: 0, updated: 1, unchanged: 1 } });
    const state = await w.state();
    expect(state.people.find((p) => p.externalId === "p-a-only")?.name).toBe("A Only Renamed");
    expect(state.devices.find((d) => d.externalId === "d-a-only")?.label).toBe("Relabelled");

    const added = await w.postA({
      ...snapshot,
      people: [...snapshot.people, person("p-new", "New Helper")],
      devices: [...snapshot.devices, phone("d-new", "p-new")],
      accounts: snapshot.accounts.map((a) => ({ ...a, logins: [...a.logins, login("l-new", "new@matcha.example", "p-new", "d-new", "SECONDARY")] })),
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ accounts: { updated: 1 }, people: { created: 1 }, devices: { created: 1 } });
  });

  it("does not merge a new person into one it cannot see by a shared login e-mail", async () => {
    const w = await world();
    const before = await w.state();
    const snapshot = await w.exported();
    const answer = await w.postA({
      ...snapshot,
      people: [...snapshot.people, person("p-hana", "Hana at Matcha")],
      accounts: snapshot.accounts.map((a) => ({ ...a, logins: [...a.logins, login("l-hana", "sato@store.example", "p-hana", null, "SECONDARY")] })),
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ people: { created: 1, updated: 0 } });
    const after = await w.state();
    expect(after.people.find((p) => p.externalId === "p-sato")).toEqual(before.people.find((p) => p.externalId === "p-sato"));
    expect(after.people.find((p) => p.externalId === "p-hana")?.name).toBe("Hana at Matcha");
  });
});
