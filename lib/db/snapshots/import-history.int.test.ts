import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { readBulkFiles } from "@/lib/spreadsheets/read-bulk";
import { parseSpreadsheetSnapshot } from "@/lib/validation/snapshot-identities";
import { bulkImportFixture } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { runBulkImport } from "../bulk-import/import";
import { listAccountHistory } from "../history";
import { upsertSnapshot } from "./upsert";

// An account an import adds starts its history with "account added", as one the form adds (newuser42 finding 8: the
// history said "no history yet"), on the import page's path (upsertSnapshot) and the large-file import's (write.ts).

const { db, file } = bulkImportFixture("import-history-");
const ROWS = [
  ["account_id", "store_name", "seller_id", "region", "marketplaces", "login_id", "role", "email", "login_status"],
  ["nu-a1", "Nu Matcha", "A1NUMATCHA01", "JP", "JP", "l1", "PRIMARY", "owner@matcha.example", "ACTIVE"],
];

async function addedEvents(orgId: string, userId: string) {
  const scope = await scopeFor(userId, orgId);
  const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, externalId: "nu-a1" }, select: { id: true } });
  return (await listAccountHistory(scope, account.id)).filter((e) => e.action === "account.created").map((e) => e.after);
}

describe("an account added by an import", () => {
  it("has its creation in its history (import page)", async () => {
    const tenant = await createTenant(db);
    const book = await readBulkFiles([{ name: "logins.csv", bytes: new TextEncoder().encode(encodeCsv(ROWS)) }]);
    if (!book.ok) throw new Error(JSON.stringify(book.problems));
    const parsed = parseSpreadsheetSnapshot(book.snapshot);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = await upsertSnapshot(await scopeFor(tenant.userId, tenant.orgId), parsed.snapshot, { source: "IMPORT", loginsOnly: true, listed: book.listed });
    expect(result.ok).toBe(true);
    expect(await addedEvents(tenant.orgId, tenant.userId)).toEqual([expect.objectContaining({ storeName: "Nu Matcha", sellerId: "A1NUMATCHA01", region: "JP", source: "IMPORT" })]);
  });

  it("has its creation in its history (large-file import)", async () => {
    const tenant = await createTenant(db);
    const path = file(`${tenant.orgId}.csv`);
    await writeFile(path, encodeCsv(ROWS));
    const result = await runBulkImport(await scopeFor(tenant.userId, tenant.orgId), { path, kind: "csv", dryRun: false });
    expect(result.ok).toBe(true);
    expect(await addedEvents(tenant.orgId, tenant.userId)).toEqual([expect.objectContaining({ storeName: "Nu Matcha", sellerId: "A1NUMATCHA01", region: "JP", source: "IMPORT" })]);
  });
});
