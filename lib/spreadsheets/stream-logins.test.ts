import { describe, expect, it } from "vitest";
import { describeRowProblem } from "@/lib/i18n/sheet-problems";
import type { SnapshotError } from "@/lib/validation/snapshot";
import { loginsSheetToSnapshot } from "./logins-sheet";
import { BATCH_ROWS, detachUsers, MAX_BATCH_ROWS, streamLoginsSheet, type StagedLogin } from "./stream-logins";
import type { RowSource } from "./stream-rows";

// The streamed reading of a logins sheet in batches: batches end between accounts, so a login listed
// again (another marketplace) within its account's rows is staged once, with all its permissions; and a
// problem on any row is reported with the row, column and key the whole-file parser gives it.

const HEADER = ["account_id", "store_name", "login_id", "role", "email", "login_status", "permission_marketplace", "ORDERS", "FBA"];

function source(rows: string[][]): RowSource {
  async function* gen() {
    yield* rows;
  }
  return { rows: gen(), totalBytes: 0, bytesRead: () => 0, encoding: () => "utf-8", close: () => undefined };
}

async function stream(rows: string[][]) {
  const staged: StagedLogin[][] = [];
  const result = await streamLoginsSheet(source(rows), async (logins) => void staged.push(logins));
  return { ...result, batches: staged };
}

/** `accounts` accounts of `per` logins each, every login on two rows (JP, then US). */
function sheet(accounts: number, per: number): string[][] {
  const rows = [HEADER];
  for (let a = 0; a < accounts; a++)
    for (let l = 0; l < per; l++)
      for (const marketplace of ["JP", "US"]) rows.push([`acc-${a}`, `Store ${a}`, `l-${a}-${l}`, l === 0 ? "PRIMARY" : "SECONDARY", `p${a}-${l}@example.com`, "ACTIVE", marketplace, "VIEW", marketplace === "US" ? "ADMIN" : ""]);
  return rows;
}

describe("streaming a logins sheet", () => {
  it("ends batches between accounts: a login on two rows is staged once, with both rows' permissions", async () => {
    // 30 rows an account: a batch of 2,000 rows would cut account 66 in two.
    const { rows, problemCount, batches, accountsAcrossBatches } = await stream(sheet(200, 15));
    expect(problemCount).toBe(0);
    expect(accountsAcrossBatches).toBe(false);
    expect(rows).toBe(200 * 15 * 2);
    const logins = batches.flat();
    expect(logins).toHaveLength(200 * 15);
    for (const login of logins) expect(login.login.permissions.map((g) => `${g.tool}:${g.level}:${g.marketplace}`).sort()).toEqual(["FBA:ADMIN:US", "ORDERS:VIEW:JP", "ORDERS:VIEW:US"]);
    for (const batch of batches) expect(new Set(batch.map((l) => l.account.id)).size * 15).toBe(batch.length);
    expect(batches.length).toBeGreaterThan(1);
  });

  it("still ends a batch inside an account that alone holds more than the largest batch", async () => {
    const { rows, problemCount, batches, accountsAcrossBatches } = await stream(sheet(1, MAX_BATCH_ROWS)); // 2 × MAX_BATCH_ROWS rows of one account
    expect(problemCount).toBe(0);
    expect(rows).toBe(2 * MAX_BATCH_ROWS);
    expect(batches.length).toBe(2);
    // Its logins are then checked together only once the file is staged (decision 079).
    expect(accountsAcrossBatches).toBe(true);
  });

  it("does not end a batch at a blank row inside an account (it split the account around the blank row)", async () => {
    const rows = sheet(200, 15);
    // Data row 2,001 is inside account 66 (rows 1,981-2,010): a batch of 2,000 rows may end at the next account.
    rows.splice(BATCH_ROWS + 1, 0, HEADER.map(() => ""));
    const { problemCount, batches, accountsAcrossBatches } = await stream(rows);
    expect(problemCount).toBe(0);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(new Set(batch.map((l) => l.account.id)).size * 15).toBe(batch.length);
    expect(accountsAcrossBatches).toBe(false);
  });

  it("tells when an account's rows come back after a batch of other accounts", async () => {
    const rows = sheet(100, 15);
    rows.push(["acc-0", "Store 0", "l-0-late", "SECONDARY", "late@example.com", "ACTIVE", "JP", "VIEW", ""]);
    const { problemCount, batches, accountsAcrossBatches } = await stream(rows);
    expect(problemCount).toBe(0);
    expect(batches.filter((batch) => batch.some((l) => l.account.id === "acc-0"))).toHaveLength(2);
    expect(accountsAcrossBatches).toBe(true);
  });

  it("reports a bad row past the first batches with the whole-file parser's row, column and key", async () => {
    const rows = sheet(200, 15);
    const bad = BATCH_ROWS + 777;
    rows[bad][HEADER.indexOf("role")] = "BOSS";
    rows[bad + 3][HEADER.indexOf("FBA")] = "EVERYTHING";
    const whole = loginsSheetToSnapshot(rows);
    const streamed = await stream(rows);
    if (whole.ok) throw new Error("the whole-file parser accepted bad rows");
    expect(streamed.problems.map((p) => ("sheet" in p ? p.sheet : p))).toEqual(whole.problems);
    expect(whole.problems.map((p) => p.row)).toEqual([bad + 1, bad + 4]);
  });

  it("places a snapshot problem found in a later batch by the file's row and column, not by the batch's JSON path (decision 087)", async () => {
    const rows = sheet(200, 15);
    const index = (a: number, l: number) => 1 + (a * 15 + l) * 2; // the login's JP row, the header being index 0
    const at = index(150, 2);
    expect(at).toBeGreaterThan(BATCH_ROWS);
    // The account's third login takes its second's e-mail: a login e-mail twice on one account (decision 074).
    for (const row of [rows[at], rows[at + 1]]) row[HEADER.indexOf("email")] = "p150-1@example.com";
    const streamed = await stream(rows);
    expect(streamed.problems).toEqual([{ row: at + 1, column: "email", error: expect.objectContaining({ reason: { key: "loginEmailTwice", vars: { email: "p150-1@example.com" } } }) }]);
    const t = (key: string, vars?: Record<string, string | number>) => `${key} ${JSON.stringify(vars ?? {})}`;
    const shown = describeRowProblem(streamed.problems[0] as { row: number; column?: string; error: SnapshotError }, t as never);
    expect(shown.path).toBe(`sheet.where {"row":${at + 1},"column":"email"}`);
    expect(shown.path).not.toContain("accounts[");
  });

  it("stages a shared login's used_by people even when their own rows are in a later batch, leaving them to be checked against the whole file", async () => {
    const header = [...HEADER, "used_by"];
    const rows = sheet(200, 15).map((r, i) => [...r, i === 0 ? "used_by" : ""]);
    rows[0] = header;
    // The first login (batch 1) is shared with someone first listed past BATCH_ROWS (the person id is the e-mail),
    // and with a name no row gives a person to; the database refuses that one (users.ts), not the batch.
    const far = rows[BATCH_ROWS + 500][HEADER.indexOf("email")];
    rows[1][header.indexOf("used_by")] = `${far} nobody p0-0@example.com ${far}`;
    const { problemCount, batches, usedByColumn } = await stream(rows);
    expect(problemCount).toBe(0);
    expect(usedByColumn).toBe("used_by");
    expect(batches.length).toBeGreaterThan(1);
    const first = batches[0][0];
    expect(first.login.id).toBe("l-0-0");
    expect(first.users).toEqual([far, "nobody"]); // its own person left out, each once
    expect(first.login.usedBy).toEqual([first.login.personId]);
    expect(batches.flat().filter((l) => l.users.length)).toHaveLength(1);
  });
});

describe("detaching a batch's used_by people", () => {
  it("returns each login's others by position and leaves only its own person for the snapshot's check", () => {
    const raw = {
      people: [{ id: "p1" }],
      accounts: [{ logins: [{ personId: "p1", usedBy: ["p1", "p2", "p3", "p2"] }, { personId: "p1" }] }, { logins: [{ personId: "p1", usedBy: ["p1"] }] }],
    };
    expect(detachUsers(raw)).toEqual(new Map([["0:0", ["p2", "p3"]]]));
    expect(raw.accounts.flatMap((a) => a.logins.map((l) => "usedBy" in l))).toEqual([false, false, false]);
  });
});
