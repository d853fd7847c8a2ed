import { describe, expect, it } from "vitest";
import { snapshotSchema, type SellerAccount } from "@/lib/validation/snapshot";
import { canonicalDate, loginKey } from "./canonical";
import { isNoop, planUpsert, summarisePlan, type ExistingAccount } from "./plan";

const file = () =>
  snapshotSchema.parse({
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p", name: "P" }],
    accounts: [{
      id: "acc", storeName: "S", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: "2026-10-01",
      logins: [
        { id: "l1", role: "PRIMARY", personId: "p", status: "ACTIVE", twoStep: [{ kind: "SMS", role: "PRIMARY" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP" }] },
        { id: "l2", role: "SECONDARY", personId: "p", status: "ACTIVE" },
      ],
      partners: [{ id: "ap", company: "C" }],
    }],
  });

function stored(account: SellerAccount, clientId: string | null = null): Map<string, ExistingAccount & { matchedBy: "externalId" }> {
  const ids = (list: { id: string }[]) => new Map(list.map((r) => [r.id, `db-${r.id}`]));
  return new Map([[account.id, { id: "db-acc", clientId, account, loginIds: ids(account.logins), partnerIds: ids(account.partners), appIds: ids(account.apps), matchedBy: "externalId" }]]);
}
const people = new Map([["p", { id: "db-p", record: { id: "p", name: "P", external: false, company: null, departedAt: null } }]]);

describe("planUpsert", () => {
  it("creates what is new", () => {
    const plan = planUpsert({ snapshot: file(), existing: new Map(), people: new Map(), devices: new Map() });
    expect(summarisePlan(plan)).toMatchObject({ accounts: { created: 1, updated: 0, unchanged: 0 }, people: { created: 1 } });
  });

  it("sees the same data in another order and date spelling as unchanged", () => {
    const same = file().accounts[0];
    const reordered = { ...same, lastVerifiedAt: "2026-10-01T00:00:00Z", logins: [same.logins[1], { ...same.logins[0], twoStep: [...same.logins[0].twoStep].reverse() }] };
    const plan = planUpsert({ snapshot: file(), existing: stored(reordered), people, devices: new Map() });
    expect(isNoop(plan)).toBe(true);
    expect(plan.accounts[0].status).toBe("unchanged");
  });

  it("updates changed records, removes unlisted ones and keeps their database ids", () => {
    const before = file().accounts[0];
    const incoming = file();
    incoming.accounts[0].logins = [{ ...incoming.accounts[0].logins[0], status: "DISABLED" }];
    incoming.accounts[0].partners = [];
    const plan = planUpsert({ snapshot: incoming, existing: stored(before), people, devices: new Map() });
    const account = plan.accounts[0];
    expect(account).toMatchObject({ status: "updated", fieldsChanged: false, id: "db-acc" });
    expect(account.logins.updated.map((u) => u.id)).toEqual(["db-l1"]);
    expect(account.logins.removed).toEqual([{ id: "db-l2", externalId: "l2" }]);
    expect(account.partners.removed).toEqual([{ id: "db-ap", externalId: "ap" }]);
    expect(summarisePlan(plan).removed).toEqual({ logins: 1, partners: 1, apps: 0 });
  });

  it("moves existing accounts only when a client is named", () => {
    const before = file().accounts[0];
    expect(planUpsert({ snapshot: file(), existing: stored(before, "c1"), people, devices: new Map() }).accounts[0].status).toBe("unchanged");
    expect(planUpsert({ snapshot: file(), existing: stored(before, "c1"), people, devices: new Map(), clientId: "c2" }).accounts[0]).toMatchObject({ status: "updated", clientChanged: true });
  });
});

describe("canonical keys", () => {
  it("reads a bare date as midnight UTC and keeps a time of day", () => {
    expect(canonicalDate("2026-04-01")).toBe("2026-04-01");
    expect(canonicalDate("2026-04-01T09:00:00+09:00")).toBe("2026-04-01");
    expect(canonicalDate("2026-04-01T09:30:00Z")).toBe("2026-04-01T09:30:00.000Z");
    expect(canonicalDate(null)).toBeNull();
  });

  it("treats a login without usedBy as used by its own person", () => {
    const login = file().accounts[0].logins[1];
    expect(loginKey({ ...login, usedBy: [] })).toBe(loginKey(login));
    expect(loginKey({ ...login, usedBy: ["p", "q"] })).not.toBe(loginKey(login));
  });
});

describe("a logins-only file (a spreadsheet)", () => {
  it("keeps partners, apps, other users and 2SV devices as stored, and takes a login by its e-mail", () => {
    const before = file().accounts[0];
    before.logins[0] = { ...before.logins[0], email: "Owner@Shop.example", usedBy: ["p", "q"], twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "1234" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: "d-2", phoneLast4: null }] };
    const sheet = file();
    sheet.accounts[0].partners = [];
    sheet.accounts[0].logins = [
      { ...sheet.accounts[0].logins[0], id: "owner@shop.example", email: "owner@shop.example", twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: null, phoneLast4: "1234" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: null, phoneLast4: null }] },
      sheet.accounts[0].logins[1],
    ];
    const asJson = planUpsert({ snapshot: sheet, existing: stored(before), people, devices: new Map() }).accounts[0];
    expect(asJson.partners.removed).toHaveLength(1);
    expect(asJson.logins.removed.map((r) => r.externalId)).toEqual(["l1"]);

    const asSheet = planUpsert({ snapshot: sheet, existing: stored(before), people, devices: new Map(), loginsOnly: true }).accounts[0];
    expect(asSheet.partners).toMatchObject({ removed: [], unchanged: 1 });
    // Only the e-mail's case differs: the login is updated in place, its devices and other user kept.
    expect(asSheet.logins.removed).toEqual([]);
    expect(asSheet.logins.updated).toMatchObject([{ id: "db-l1", record: { id: "l1", usedBy: ["p", "q"], twoStep: [{ deviceId: "d-1" }, { deviceId: "d-2" }] } }]);
  });
});
