import { describe, expect, it } from "vitest";
import { parseSnapshot } from "./snapshot";

// New-user pass 45, F5 (decision 094): a reference to a person or device the file does not hold was reported only once
// every format problem was fixed. It is reported with them, wherever the format of that part allows the check.
const errorsOf = (document: unknown) => {
  const parsed = parseSnapshot(document);
  if (parsed.ok) throw new Error("expected problems");
  return parsed.errors.map((e) => `${e.path}: ${e.reason?.key ?? e.message}`);
};

const account = (extra: Record<string, unknown>) => ({ id: "a", storeName: "S", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", ...extra });

describe("unknown references in the same pass as format problems", () => {
  it("every kind of reference, beside a format problem elsewhere", () => {
    const errors = errorsOf({
      format: "gatehouse.snapshot/v1",
      people: [{ id: "p-1", name: "One" }],
      devices: [{ id: "d-1", kind: "PHONE", holderId: "p-nobody" }],
      accounts: [account({
        status: "OPEN",
        logins: [{ id: "l-1", role: "PRIMARY", personId: "p-ghost", usedBy: ["p-ghost", "p-1", "p-other"], status: "ACTIVE", twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-lost" }] }],
        otherAccess: [{ personId: "p-gone", console: "ADS", role: "ADMIN" }],
      })],
    });
    expect(errors).toEqual([
      "accounts[0].status: oneOf",
      "devices[0].holderId: unknownRef",
      "accounts[0].logins[0].personId: unknownRef",
      "accounts[0].logins[0].usedBy[2]: unknownRef",
      "accounts[0].logins[0].twoStep[0].deviceId: unknownRef",
      "accounts[0].otherAccess[0].personId: unknownRef",
    ]);
    // A document valid in format has them from the schema's own check, each once, as before.
    const valid = errorsOf({ format: "gatehouse.snapshot/v1", people: [], accounts: [account({ logins: [{ id: "l-1", role: "PRIMARY", personId: "p-ghost", status: "ACTIVE" }] })] });
    expect(valid).toEqual(["accounts[0].logins[0].personId: unknownRef"]);
  });

  it("a reference in a login whose other fields are wrong is still checked; one that is not an id is not", () => {
    const errors = errorsOf({
      format: "gatehouse.snapshot/v1",
      people: [{ id: "p-1", name: "One" }],
      accounts: [account({ logins: [{ id: "l-1", role: "BOSS", personId: "p-ghost", status: "ACTIVE" }, { id: "l-2", role: "SECONDARY", personId: 7, status: "ACTIVE" }] })],
    });
    expect(errors).toEqual(["accounts[0].logins[0].role: oneOf", "accounts[0].logins[1].personId: type", "accounts[0].logins[0].personId: unknownRef"]);
  });

  it("no reference into a list with an entry without a well-formed id is reported: it might name that entry", () => {
    const errors = errorsOf({
      format: "gatehouse.snapshot/v1",
      people: [{ id: "p-1", name: "One" }, { name: "No id" }],
      devices: [{ id: "d-1", kind: "PHONE" }],
      accounts: [account({ logins: [{ id: "l-1", role: "PRIMARY", personId: "p-2", status: "ACTIVE", twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-9" }] }] })],
    });
    expect(errors).toEqual(["people[1].id: missing", "accounts[0].logins[0].twoStep[0].deviceId: unknownRef"]);
  });
});
