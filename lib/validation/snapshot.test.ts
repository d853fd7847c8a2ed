import { describe, expect, it } from "vitest";
import { snapshot } from "../risk/test-factory";
import { DEFAULT_RISK_SETTINGS, formatPath, parseSnapshot, riskSettingsSchema, snapshotSchema, type SnapshotError } from "./snapshot";

/** A valid document as a user would write it (JSON, defaults omitted). */
function validInput(): Record<string, any> {
  return {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-sato", name: "Sato Hana" }],
    devices: [{ id: "d-1", kind: "PHONE", holderId: "p-sato" }],
    accounts: [
      {
        id: "acc-1",
        storeName: "Sakura Tea",
        region: "JP",
        plan: "PROFESSIONAL",
        status: "ACTIVE",
        logins: [
          { id: "l-1", role: "PRIMARY", personId: "p-sato", status: "ACTIVE", twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "1234" }] },
        ],
      },
    ],
  };
}

function errorsOf(input: unknown): SnapshotError[] {
  const result = parseSnapshot(input);
  if (result.ok) throw new Error("expected the snapshot to be rejected");
  return result.errors;
}

describe("snapshotSchema", () => {
  it("accepts a minimal document and applies defaults (usedBy defaults to [personId])", () => {
    const result = parseSnapshot(validInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [login] = result.snapshot.accounts[0].logins;
    expect(login.usedBy).toEqual(["p-sato"]);
    expect(login).toMatchObject({ passwordReused: false, lastLoginAt: null, permissions: [] });
    expect(result.snapshot.people[0]).toMatchObject({ external: false, company: null, departedAt: null });
    expect(result.snapshot.accounts[0]).toMatchObject({ partners: [], apps: [], otherAccess: [], lastVerifiedAt: null });
  });

  it("keeps an explicit usedBy", () => {
    const input = validInput();
    input.people.push({ id: "p-x", name: "X" });
    input.accounts[0].logins[0].usedBy = ["p-sato", "p-x"];
    const result = snapshotSchema.parse(input);
    expect(result.accounts[0].logins[0].usedBy).toEqual(["p-sato", "p-x"]);
  });

  it("rejects an unknown key, naming its path", () => {
    const input = validInput();
    input.accounts[0].logins[0].pasword = "secret";
    expect(errorsOf(input)).toEqual([{ path: "accounts[0].logins[0].pasword", message: expect.stringContaining("unknown key"), reason: { key: "unknownKey" } }]);
  });

  it("rejects a full phone number field: only phoneLast4 exists", () => {
    const input = validInput();
    input.accounts[0].logins[0].twoStep[0].phone = "+81 90 1234 5678";
    expect(errorsOf(input).map((e) => e.path)).toEqual(["accounts[0].logins[0].twoStep[0].phone"]);
    const wide = validInput();
    wide.accounts[0].logins[0].twoStep[0].phoneLast4 = "09012345678";
    expect(errorsOf(wide).map((e) => e.path)).toEqual(["accounts[0].logins[0].twoStep[0].phoneLast4"]);
  });

  it("ignores and strips x- keys at every level", () => {
    const input = validInput();
    input["x-exported-by"] = "tool";
    input.people[0]["x-note"] = { anything: [1, 2] };
    input.accounts[0].logins[0].twoStep[0]["x-source"] = "paste";
    input.accounts[0]["x-unknown-nested"] = { notValidated: true };
    const result = snapshotSchema.parse(input);
    expect(JSON.stringify(result)).not.toContain("x-");
    expect(result.people[0]).not.toHaveProperty("x-note");
  });

  it.each([
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["26-01-01", false],
    ["2026-11-23T25:00:00Z", false],
    ["2026-11-23T10:00:00", false],
    ["yesterday", false],
    ["2024-02-29", true],
    ["2026-11-23T10:00:00Z", true],
    ["2026-11-23T10:00:00.123+09:00", true],
  ])("date %s accepted: %s (a bad one is one problem, reported once)", (date, ok) => {
    const input = validInput();
    input.accounts[0].lastVerifiedAt = date;
    const result = parseSnapshot(input);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(["accounts[0].lastVerifiedAt"]);
  });

  it("rejects a wrong enum value with the expected options", () => {
    const input = validInput();
    input.accounts[0].logins[0].status = "ENABLED";
    const [error] = errorsOf(input);
    expect(error.path).toBe("accounts[0].logins[0].status");
    expect(error.message).toContain('"ACTIVE"');
  });

  it("rejects an unknown tool id", () => {
    const input = validInput();
    input.accounts[0].logins[0].permissions = [{ tool: "BANKING", level: "VIEW" }];
    expect(errorsOf(input).map((e) => e.path)).toEqual(["accounts[0].logins[0].permissions[0].tool"]);
  });

  it.each([
    ["accounts[0].logins[0].personId", (i: any) => (i.accounts[0].logins[0].personId = "p-ghost")],
    ["accounts[0].logins[0].usedBy[1]", (i: any) => (i.accounts[0].logins[0].usedBy = ["p-sato", "p-ghost"])],
    ["devices[0].holderId", (i: any) => (i.devices[0].holderId = "p-ghost")],
    ["accounts[0].logins[0].twoStep[0].deviceId", (i: any) => (i.accounts[0].logins[0].twoStep[0].deviceId = "d-ghost")],
    ["accounts[0].otherAccess[0].personId", (i: any) => (i.accounts[0].otherAccess = [{ personId: "p-ghost", console: "ADS", role: "ADMIN" }])],
  ])("rejects a dangling reference at %s", (path, mutate) => {
    const input = validInput();
    mutate(input);
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(path);
    expect(errors[0].message).toContain("ghost");
  });

  it("rejects duplicate ids and a second ACTIVE PRIMARY login", () => {
    const input = validInput();
    input.people.push({ id: "p-sato", name: "Twin" });
    input.accounts[0].logins.push({ ...input.accounts[0].logins[0], id: "l-2" });
    expect(errorsOf(input).map((e) => e.path)).toEqual(["people[1].id", "accounts[0].logins[1].role"]);
  });

  it("rejects a wrong format and a missing accounts list", () => {
    expect(errorsOf({ format: "gatehouse.snapshot/v2" }).map((e) => e.path).sort()).toEqual(["accounts", "format"]);
  });

  it("round-trips the test factory's snapshots unchanged", () => {
    const snap = snapshot();
    expect(snapshotSchema.parse(JSON.parse(JSON.stringify(snap)))).toEqual(JSON.parse(JSON.stringify(snap)));
  });
});

describe("formatPath", () => {
  it("writes keys with dots and indexes in brackets, an empty key in its place, and nothing as (root)", () => {
    expect(formatPath(["accounts", 3, "logins", 0, "email"])).toBe("accounts[3].logins[0].email");
    expect(formatPath([])).toBe("(root)");
    // Found by the fuzz test (seed 1481994831): the key after an empty one was reported as a key of the root.
    expect(formatPath(["", "prototype"])).toBe(".prototype");
    expect(formatPath(["a", "", "b"])).toBe("a..b");
  });

  it("names the empty key's child, not a root key, when a forbidden key sits under an empty key", () => {
    const result = parseSnapshot({ "": { prototype: false } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual([".prototype"]);
  });
});

describe("riskSettingsSchema", () => {
  it("fills every default", () => {
    expect(riskSettingsSchema.parse({})).toEqual(DEFAULT_RISK_SETTINGS);
    expect(DEFAULT_RISK_SETTINGS).toMatchObject({ stalePasswordDays: 90, stalePasswordHighDays: 180, maxAdmins: 3, staleInviteDays: 14 });
  });

  it("rejects negative or fractional thresholds and unknown names", () => {
    expect(riskSettingsSchema.safeParse({ dormantUserDays: -1 }).success).toBe(false);
    expect(riskSettingsSchema.safeParse({ dormantUserDays: 1.5 }).success).toBe(false);
    expect(riskSettingsSchema.safeParse({ stalePasswordDay: 30 }).success).toBe(false);
  });

  it("rejects unknown settings inside a snapshot", () => {
    const input = validInput();
    input.settings = { maxAdmin: 5 };
    expect(errorsOf(input).map((e) => e.path)).toEqual(["settings.maxAdmin"]);
  });
});
