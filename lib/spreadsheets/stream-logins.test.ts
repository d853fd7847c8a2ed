import { describe, expect, it } from "vitest";
import { loginsSheetToSnapshot } from "./logins-sheet";
import { BATCH_ROWS, MAX_BATCH_ROWS, streamLoginsSheet, type StagedLogin } from "./stream-logins";
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
    const { rows, problemCount, batches } = await stream(sheet(200, 15));
    expect(problemCount).toBe(0);
    expect(rows).toBe(200 * 15 * 2);
    const logins = batches.flat();
    expect(logins).toHaveLength(200 * 15);
    for (const login of logins) expect(login.login.permissions.map((g) => `${g.tool}:${g.level}:${g.marketplace}`).sort()).toEqual(["FBA:ADMIN:US", "ORDERS:VIEW:JP", "ORDERS:VIEW:US"]);
    for (const batch of batches) expect(new Set(batch.map((l) => l.account.id)).size * 15).toBe(batch.length);
    expect(batches.length).toBeGreaterThan(1);
  });

  it("still ends a batch inside an account that alone holds more than the largest batch", async () => {
    const { rows, problemCount, batches } = await stream(sheet(1, MAX_BATCH_ROWS)); // 2 × MAX_BATCH_ROWS rows of one account
    expect(problemCount).toBe(0);
    expect(rows).toBe(2 * MAX_BATCH_ROWS);
    expect(batches.length).toBe(2);
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
});
