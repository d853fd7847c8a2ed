import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { readLoginsCsv } from "@/lib/spreadsheets/read-csv";
import { BATCH_ROWS, MAX_BATCH_ROWS } from "@/lib/spreadsheets/stream-logins";
import { parseSpreadsheetSnapshot } from "@/lib/validation/snapshot-identities";
import { bulkImportFixture, importedRowCounts } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { runBulkImport } from "./import";

// Decision 074's login-e-mail rule on the large-file import when an account's logins are not all in one batch (decision
// 079): the file's batches end between accounts, so an account's rows are split only when they come back later in the
// file (after BATCH_ROWS rows of others) or when one account alone holds more than MAX_BATCH_ROWS rows. A second login
// with the e-mail of an earlier one of the same account is then refused all the same: on the later login's first row,
// in the whole-file import's words, and nothing is written. A login listed again (another marketplace) and a REMOVED
// login are not second logins, wherever their rows are.

const { db, file } = bulkImportFixture("bulk-login-emails-");

const HEADER = ["account_id", "store_name", "login_id", "role", "email", "login_status", "permission_marketplace", "ORDERS"];
const row = (account: string, login: string, email: string, status = "ACTIVE", marketplace = "JP") => [account, `Store ${account}`, login, "SECONDARY", email, status, marketplace, "VIEW"];
/** `accounts` other accounts of 10 logins each: BATCH_ROWS of them fill a batch. */
const others = (accounts: number) => Array.from({ length: accounts * 10 }, (_, i) => row(`other-${Math.floor(i / 10)}`, `l-${i}`, `p${i}@other.example`));

async function largeImport(rows: string[][], dryRun = false) {
  const tenant = await createTenant(db);
  const path = file(`${tenant.orgId}.csv`);
  const bytes = new TextEncoder().encode(encodeCsv(rows));
  await writeFile(path, bytes);
  const before = await importedRowCounts(db, tenant.orgId);
  const result = await runBulkImport(await scopeFor(tenant.userId, tenant.orgId), { path, kind: "csv", dryRun });
  return { result, bytes, written: (await importedRowCounts(db, tenant.orgId)).logins - before.logins };
}

/** What the whole-file import (the import page's CSV) says of the same file: each problem's row, key and values. */
function wholeFileAnswer(bytes: Uint8Array) {
  const sheet = readLoginsCsv(bytes);
  if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems));
  const parsed = parseSpreadsheetSnapshot(sheet.snapshot);
  return parsed.ok ? [] : parsed.errors.map((e) => [sheet.rowOf(e.path), e.reason]);
}

const answer = (result: Awaited<ReturnType<typeof runBulkImport>>) =>
  result.ok ? "imported" : "problems" in result ? result.problems.map((p) => ("error" in p ? [p.row, p.error.reason] : ["cell", p.sheet.key])) : result.errors;

describe("a login e-mail twice on an account whose rows are in more than one batch", () => {
  it("is refused when the account's rows come back after a batch of other accounts, and nothing is written", async () => {
    const rows = [HEADER, row("acc-x", "l-owner", "owner@x.example"), row("acc-x", "l-staff", "staff@x.example"), ...others(BATCH_ROWS / 10), row("acc-x", "l-again", "OWNER@X.example")];
    const again = rows.length; // its spreadsheet row (the header is row 1)
    const { result, bytes, written } = await largeImport(rows);
    expect(answer(result)).toEqual([[again, { key: "loginEmailTwice", vars: { email: "OWNER@X.example" } }]]);
    expect(answer(result)).toEqual(wholeFileAnswer(bytes));
    expect(written).toBe(0);
  });

  it("is refused when one account alone outgrows the largest batch", async () => {
    const logins = Array.from({ length: MAX_BATCH_ROWS }, (_, i) => row("acc-big", `l-${i}`, `p${i}@big.example`));
    const rows = [HEADER, ...logins, row("acc-big", "l-late", "P7@Big.example")];
    const { result, bytes, written } = await largeImport(rows);
    expect(answer(result)).toEqual([[rows.length, { key: "loginEmailTwice", vars: { email: "P7@Big.example" } }]]);
    expect(answer(result)).toEqual(wholeFileAnswer(bytes));
    expect(written).toBe(0);
  });

  it("names every later login, each on its first row, however many batches apart", async () => {
    const rows = [
      HEADER, row("acc-x", "l-owner", "owner@x.example"),
      ...others(BATCH_ROWS / 10), row("acc-x", "l-two", "Owner@x.example"), row("acc-x", "l-two", "Owner@x.example", "ACTIVE", "US"),
      ...others(BATCH_ROWS / 10).map((r) => [`more-${r[0]}`, ...r.slice(1)]), row("acc-x", "l-three", "OWNER@x.example"),
    ];
    const { result, bytes } = await largeImport(rows, true);
    expect(answer(result)).toEqual(wholeFileAnswer(bytes));
    expect(answer(result)).toEqual([
      [BATCH_ROWS + 3, { key: "loginEmailTwice", vars: { email: "Owner@x.example" } }],
      [rows.length, { key: "loginEmailTwice", vars: { email: "OWNER@x.example" } }],
    ]);
  });

  it("is not a login listed again on a later batch's row, nor a REMOVED login", async () => {
    const rows = [
      HEADER, row("acc-x", "l-owner", "owner@x.example"), ...others(BATCH_ROWS / 10),
      // The same login in another marketplace, then a removed login of the same address: both allowed (decision 074).
      row("acc-x", "l-owner", "owner@x.example", "ACTIVE", "US"), row("acc-x", "l-old", "Owner@x.example", "REMOVED"),
    ];
    const { result, bytes, written } = await largeImport(rows);
    expect(wholeFileAnswer(bytes)).toEqual([]);
    expect(answer(result)).toBe("imported");
    expect(written).toBe(2 + BATCH_ROWS);
  });
});
