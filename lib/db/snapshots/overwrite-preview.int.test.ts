import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCsvRow } from "@/lib/csv";
import { readBulkFiles } from "@/lib/spreadsheets/read-bulk";
import { loginsTemplateRows } from "@/lib/spreadsheets/template";
import { createAccountSchema } from "@/lib/validation/account-form";
import { createLoginSchema } from "@/lib/validation/login-form";
import { parseSnapshot } from "@/lib/validation/snapshot";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { createAccount } from "../accounts/account-records";
import { createLogin } from "../accounts/login-records";
import { syncToolCatalogue } from "../tools";
import { upsertSnapshot } from "./upsert";

// The preview names the recorded account a file overwrites (by its current name) and what it loses:
// a hand-entered "Kumo Books" with the template's sample seller ID must not be overwritten unawares.

const db = testDb();
beforeAll(() => syncToolCatalogue(db));
afterAll(() => db.$disconnect());

describe("the import preview of an account matched by seller ID", () => {
  it("names the existing account, its rename and the logins it loses", async () => {
    const [header, ...rows] = loginsTemplateRows("en");
    const sellerId = rows[0][header.indexOf("seller_id")];
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    const { id: accountId } = await createAccount(scope, createAccountSchema.parse({ storeName: "Kumo Books", sellerId, region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE" }));
    await createLogin(scope, createLoginSchema.parse({ accountId, version: "1", role: "PRIMARY", email: "owner@kumo.example", personName: "Kumo Owner", status: "ACTIVE" }));

    const book = await readBulkFiles([{ name: "template.csv", bytes: new TextEncoder().encode([header, ...rows].map(encodeCsvRow).join("")) }]);
    if (!book.ok) throw new Error(JSON.stringify(book.problems));
    const parsed = parseSnapshot(book.snapshot);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const dry = await upsertSnapshot(scope, parsed.snapshot, { source: "IMPORT", loginsOnly: true, listed: book.listed, dryRun: true });
    if (!dry.ok) throw new Error(JSON.stringify(dry.errors));

    const [account] = dry.preview.accounts;
    expect(account).toMatchObject({ status: "updated", matchedBy: "sellerId", storeName: "Sakura Tea" });
    expect(account.existing).toMatchObject({ storeName: "Kumo Books", sellerId, loginsLost: ["owner@kumo.example"] });
    // Nothing was written by the preview.
    expect((await db.sellerAccount.findFirstOrThrow({ where: { id: accountId } })).storeName).toBe("Kumo Books");
  });
});
