import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, parseSnapshotText } from "./snapshot-text";

const valid = {
  format: "gatehouse.snapshot/v1",
  people: [{ id: "p", name: "P" }],
  accounts: [{ id: "acc", storeName: "S", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", logins: [{ id: "l", role: "PRIMARY", personId: "p", status: "ACTIVE" }] }],
};

describe("parseSnapshotText", () => {
  it("reads a valid snapshot", () => {
    const result = parseSnapshotText(JSON.stringify(valid));
    expect(result.ok && result.snapshot.accounts[0].logins[0].usedBy).toEqual(["p"]);
  });

  it("reports every problem with its JSON path", () => {
    const bad = structuredClone(valid) as any;
    bad.accounts[0].logins[0].status = "ENABLED";
    bad.accounts[0].colour = "blue";
    const result = parseSnapshotText(JSON.stringify(bad));
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["accounts[0].logins[0].status", "accounts[0].colour"]));
  });

  it("says where JSON breaks, and refuses a file over the limit before parsing it", () => {
    expect(parseSnapshotText("{\n  \"format\": 1,\n}")).toMatchObject({ ok: false, errors: [{ path: "(file)", reason: { key: "notJsonAt", vars: { line: 3, column: 1 } } }] });
    expect(parseSnapshotText("hello")).toMatchObject({ ok: false, errors: [{ path: "(file)", reason: { key: "notJson" } }] });
    expect(parseSnapshotText(" ".repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, errors: [{ reason: { key: "fileTooLarge" } }] });
  });
});
