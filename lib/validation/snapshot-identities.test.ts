import { describe, expect, it } from "vitest";
import { parseSnapshot, type SnapshotInput } from "./snapshot";
import { parseSpreadsheetSnapshot, recordIdentityErrors } from "./snapshot-identities";

type LoginInput = NonNullable<SnapshotInput["accounts"][number]["logins"]>[number];

const login = (over: Partial<LoginInput> & { id: string }): LoginInput => ({ role: "SECONDARY", personId: "p-1", status: "ACTIVE", ...over });
const document = (...accounts: LoginInput[][]): SnapshotInput => ({
  format: "gatehouse.snapshot/v1",
  people: [{ id: "p-1", name: "Sato Hana" }],
  devices: [{ id: "d-1", kind: "PHONE" }, { id: "d-2", kind: "PHONE" }],
  accounts: accounts.map((logins, i) => ({ id: `acc-${i}`, storeName: `Store ${i}`, region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", logins })),
});
const problems = (input: SnapshotInput) => {
  const parsed = parseSpreadsheetSnapshot(input);
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.path} ${e.reason?.key}`);
};

describe("the forms' record-identity rules on a document read from a spreadsheet", () => {
  it("refuses a second login with the same e-mail on one account, case aside, naming the later one", () => {
    expect(problems(document([login({ id: "l-1", role: "PRIMARY", email: "owner@kumo.example" }), login({ id: "l-2", email: "OWNER@Kumo.example" })]))).toEqual([
      "accounts[0].logins[1].email loginEmailTwice",
    ]);
  });

  it("lets a removed login, a login without an e-mail and another account keep the same address", () => {
    const same = "owner@kumo.example";
    expect(problems(document([login({ id: "l-1", email: same }), login({ id: "l-2", email: same.toUpperCase(), status: "REMOVED" })]))).toEqual([]);
    expect(problems(document([login({ id: "l-1", email: null }), login({ id: "l-2", email: null })]))).toEqual([]);
    expect(problems(document([login({ id: "l-1", email: same })], [login({ id: "l-1", email: same })]))).toEqual([]);
    // Two records of one user both ACTIVE-or-DISABLED are still the same user twice.
    expect(problems(document([login({ id: "l-1", email: same, status: "DISABLED" }), login({ id: "l-2", email: same })]))).toEqual(["accounts[0].logins[1].email loginEmailTwice"]);
  });

  it("refuses the same 2SV method twice (phone by last four, app only on the same recorded device) and a second primary method", () => {
    const methods = (...twoStep: LoginInput["twoStep"] & object) => problems(document([login({ id: "l-1", twoStep })]));
    expect(methods({ kind: "SMS", role: "PRIMARY", phoneLast4: "1234" }, { kind: "SMS", role: "BACKUP", phoneLast4: "1234" })).toEqual(["accounts[0].logins[0].twoStep[1] twoStepMethodTwice"]);
    expect(methods({ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: "d-1" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: "d-1" })).toEqual(["accounts[0].logins[0].twoStep[1] twoStepMethodTwice"]);
    // Two apps with no device recorded, two phones with other digits or devices: two methods.
    expect(methods({ kind: "AUTHENTICATOR_APP", role: "PRIMARY" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP" })).toEqual([]);
    expect(methods({ kind: "SMS", role: "PRIMARY", phoneLast4: "1234" }, { kind: "SMS", role: "BACKUP", phoneLast4: "5678" })).toEqual([]);
    expect(methods({ kind: "SMS", role: "PRIMARY", phoneLast4: "1234", deviceId: "d-1" }, { kind: "SMS", role: "BACKUP", phoneLast4: "1234", deviceId: "d-2" })).toEqual([]);
    expect(methods({ kind: "SMS", role: "PRIMARY", phoneLast4: "1234" }, { kind: "AUTHENTICATOR_APP", role: "PRIMARY" })).toEqual(["accounts[0].logins[0].twoStep[1].role onePrimaryMethod"]);
  });

  it("leaves the snapshot schema as SNAPSHOT.md has it: a JSON document with such copies is valid", () => {
    const input = document([login({ id: "l-1", email: "a@kumo.example", twoStep: [{ kind: "SMS", role: "PRIMARY", phoneLast4: "1234" }, { kind: "SMS", role: "PRIMARY", phoneLast4: "1234" }] }), login({ id: "l-2", email: "A@kumo.example" })]);
    expect(parseSnapshot(input).ok).toBe(true);
    const parsed = parseSnapshot(input);
    if (!parsed.ok) throw new Error("expected a valid document");
    expect(recordIdentityErrors(parsed.snapshot).map((e) => e.reason?.key)).toEqual(["twoStepMethodTwice", "onePrimaryMethod", "loginEmailTwice"]);
  });
});
