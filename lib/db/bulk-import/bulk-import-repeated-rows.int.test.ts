import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { readLoginsCsv } from "@/lib/spreadsheets/read-csv";
import { BATCH_ROWS } from "@/lib/spreadsheets/stream-logins";
import { bulkImportFixture, importedRowCounts } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { runBulkImport } from "./import";

// Decision 083 on the large-file import: a row listing an account, a person or a login again may only add permissions.
// Details it writes differently from the record's first row are refused on its row, naming the columns and the first
// row, as the whole-file import refuses them (the same problem, built by the same rule), whether the two rows are in one
// batch or several; nothing is written. Before, the second row was merged into the first (a vendor's login and rights
// moved onto the owner's login, newuser42 finding 2).

const { db, file } = bulkImportFixture("bulk-repeated-rows-");

const HEADER = ["account_id", "store_name", "seller_id", "login_id", "role", "email", "person_id", "name", "external", "login_status", "permission_marketplace", "PAYMENTS"];
const row = (account: string, login: string, email: string, person: string, name: string, more: Partial<Record<(typeof HEADER)[number], string>> = {}) =>
  HEADER.map((h) => ({ account_id: account, store_name: `Store ${account}`, seller_id: "", login_id: login, role: "SECONDARY", email, person_id: person, name, external: "no", login_status: "ACTIVE", permission_marketplace: "JP", PAYMENTS: "VIEW", ...more })[h] ?? "");
/** `accounts` other accounts of 10 logins each: BATCH_ROWS of them fill a batch. */
const others = (accounts: number) => Array.from({ length: accounts * 10 }, (_, i) => row(`other-${Math.floor(i / 10)}`, `l-${i}`, `p${i}@other.example`, `p-${i}`, `Person ${i}`));

async function largeImport(rows: string[][], dryRun = false) {
  const tenant = await createTenant(db);
  const path = file(`${tenant.orgId}.csv`);
  const bytes = new TextEncoder().encode(encodeCsv(rows));
  await writeFile(path, bytes);
  const before = await importedRowCounts(db, tenant.orgId);
  const result = await runBulkImport(await scopeFor(tenant.userId, tenant.orgId), { path, kind: "csv", dryRun });
  return { result, bytes, written: (await importedRowCounts(db, tenant.orgId)).logins - before.logins };
}

type Result = Awaited<ReturnType<typeof runBulkImport>>;
const answer = (result: Result) =>
  result.ok ? "imported" : "problems" in result ? result.problems.map((p) => ("sheet" in p ? [p.sheet.row, p.sheet.key, p.sheet.vars] : [p.row, p.error.reason])) : result.errors;
/** The import page's answer for the same file. */
function wholeFileAnswer(bytes: Uint8Array) {
  const sheet = readLoginsCsv(bytes);
  return sheet.ok ? "imported" : sheet.problems.map((p) => [p.row, p.key, p.vars]);
}
const repeated = (key: string, id: string, first: number, columns: string[]) => [key, { id, first, columns: columns.map((c) => `"${c}"`).join(", "), columnsJa: columns.map((c) => `「${c}」`).join("") }];

describe("a repeated row that says something else than its record's first row", () => {
  it("is refused in one batch: a login id written twice for two users (the tester's file), nothing written", async () => {
    const rows = [
      HEADER,
      row("nu-a1", "l1", "owner@matcha.example", "p-owner1", "Owner", { role: "PRIMARY", PAYMENTS: "" }),
      row("nu-a1", "l1", "va@vendor.example", "p-va", "Vendor VA", { external: "yes" }),
    ];
    const { result, bytes, written } = await largeImport(rows);
    expect(answer(result)).toEqual([[3, ...repeated("repeatedLogin", "l1", 2, ["email", "person_id", "role"])]]);
    expect(answer(result)).toEqual(wholeFileAnswer(bytes));
    expect(written).toBe(0);
  });

  it("is refused when the login comes back after a batch of other accounts", async () => {
    const rows = [HEADER, row("acc-x", "l-owner", "owner@x.example", "p-owner", "Owner", { seller_id: "A1XSTORE0001" }), ...others(BATCH_ROWS / 10)];
    rows.push(row("acc-x", "l-owner", "va@vendor.example", "p-owner", "Owner", { permission_marketplace: "US", seller_id: "A1OTHER00001" }));
    const { result, bytes, written } = await largeImport(rows);
    const last = rows.length;
    expect(answer(result)).toEqual([
      [last, ...repeated("repeatedAccount", "acc-x", 2, ["seller_id"])],
      [last, ...repeated("repeatedLogin", "l-owner", 2, ["email"])],
    ]);
    expect(answer(result)).toEqual(wholeFileAnswer(bytes));
    expect(written).toBe(0);
  });

  it("is refused for a person renamed on a later batch's row of another account", async () => {
    const rows = [HEADER, row("acc-a", "l-a", "sato@a.example", "p-sato", "Sato Hana"), ...others(BATCH_ROWS / 10), row("acc-b", "l-b", "sato@b.example", "p-sato", "Renamed")];
    const { result, bytes } = await largeImport(rows, true);
    expect(answer(result)).toEqual([[rows.length, ...repeated("repeatedPerson", "p-sato", 2, ["name"])]]);
    expect(answer(result)).toEqual(wholeFileAnswer(bytes));
  });

  it("is not a later row that leaves the details blank (as the templates and exports write them) and adds a marketplace's levels", async () => {
    const rows = [HEADER, row("acc-x", "l-owner", "owner@x.example", "p-owner", "Owner", { seller_id: "A1XSTORE0001", role: "PRIMARY" }), ...others(BATCH_ROWS / 10)];
    rows.push(row("acc-x", "l-owner", "", "p-owner", "", { role: "PRIMARY", permission_marketplace: "US", PAYMENTS: "VIEW_EDIT" }));
    const { result, bytes, written } = await largeImport(rows);
    expect(wholeFileAnswer(bytes)).toBe("imported");
    expect(answer(result)).toBe("imported");
    expect(written).toBe(1 + BATCH_ROWS);
  });
});
