import { describe, expect, it } from "vitest";
import { generateSnapshot } from "@/lib/risk/generate";
import { digestingRows, FileDigest } from "./file-digest";
import { loginsSheetToSnapshot } from "./logins-sheet";
import { snapshotToLoginRows } from "./snapshot-to-sheet";

// The per-account digests of a logins file (decision 032): an account's digest changes exactly when one
// of its own cells (or the header) does, accounts are named as the sheet reader names them, and a file
// whose account comes back after another account's rows has none.

const HEADER = ["account_id", "store_name", "seller_id", "login_id", "role", "email", "login_status", "ORDERS"];
const rows = (): string[][] => [
  HEADER,
  ["acc-1", "Store 1", "S1", "l-1", "PRIMARY", "a@example.com", "ACTIVE", "VIEW"],
  ["acc-1", "Store 1", "S1", "l-2", "SECONDARY", "b@example.com", "ACTIVE", ""],
  ["", "Store 2", "S2", "l-3", "PRIMARY", "c@example.com", "ACTIVE", "ADMIN"],
  ["  ", "", "", "", "", "", "", ""],
  ["'=acc-3", "Store 3", "", "l-4", "PRIMARY", "A@Example.com", "ACTIVE", ""],
];

async function digestsOf(file: string[][]) {
  async function* gen() {
    yield* file;
  }
  const tee = digestingRows(gen());
  const seen: string[][] = [];
  for await (const cells of tee.rows) seen.push(cells);
  expect(seen).toEqual(file); // rows pass through untouched
  return tee.digests();
}

describe("the digests of a logins file", () => {
  it("names each account as the sheet reader does, and counts rows and people as it does", async () => {
    const digests = (await digestsOf(rows()))!;
    // No account id: the seller ID names the account; a formula guard is undone as the reader undoes it.
    expect([...digests.keys()]).toEqual(["acc-1", "S2", "=acc-3"]);
    const parsed = loginsSheetToSnapshot(rows());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const snapshot = parsed.snapshot as { accounts: { id: string }[]; people: { id: string }[] };
    expect(snapshot.accounts.map((a) => a.id)).toEqual([...digests.keys()]);
    const file = FileDigest.of(HEADER, { countPeople: true })!;
    for (const r of rows().slice(1)) file.add(r);
    file.finish();
    expect({ rows: file.rows, people: file.peopleCount }).toEqual({ rows: parsed.rows, people: snapshot.people.length });
  });

  it("changes only the digest of the account whose cell changed; the header changes all", async () => {
    const before = (await digestsOf(rows()))!;
    const edited = rows();
    edited[3][7] = "VIEW";
    const after = (await digestsOf(edited))!;
    expect([...after.keys()].filter((k) => after.get(k) !== before.get(k))).toEqual(["S2"]);
    const blankMoved = rows();
    blankMoved.splice(4, 1);
    blankMoved.splice(1, 0, ["", "", "", "", "", "", "", ""]);
    expect(await digestsOf(blankMoved)).toEqual(before); // empty rows belong to no account
    const header = rows();
    header[0] = [...HEADER.slice(0, 7), "FBA"];
    const renamed = (await digestsOf(header))!;
    expect([...renamed.keys()].filter((k) => renamed.get(k) === before.get(k))).toEqual([]);
  });

  it("keeps an account's rows in their order: two rows swapped within an account change its digest", async () => {
    const swapped = rows();
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    const before = (await digestsOf(rows()))!;
    const after = (await digestsOf(swapped))!;
    expect(after.get("acc-1")).not.toBe(before.get("acc-1"));
    expect(after.get("S2")).toBe(before.get("S2"));
  });

  it("gives none for a scattered file, a file read only in part, or a header that is not a logins header", async () => {
    const scattered = rows();
    scattered.push(["acc-1", "Store 1", "S1", "l-5", "SECONDARY", "d@example.com", "ACTIVE", ""]);
    expect(await digestsOf(scattered)).toBeNull();
    expect(await digestsOf([["password", "x"], ["1", "2"]])).toBeNull();
    async function* gen() {
      yield* rows();
    }
    const tee = digestingRows(gen());
    for await (const cells of tee.rows) if (cells[0] === "acc-1") break;
    expect(tee.digests()).toBeNull();
  });

  it("gives an exported portfolio one digest per account", async () => {
    const snapshot = generateSnapshot(12, 21);
    const file = snapshotToLoginRows(snapshot, "en");
    const digests = (await digestsOf(file))!;
    expect(digests.size).toBe(snapshot.accounts.length);
    expect(new Set(digests.values()).size).toBe(snapshot.accounts.length);
  });
});
