import { describe, expect, it } from "vitest";
import { createAccountSchema } from "./account-form";
import { createLoginSchema } from "./login-form";
import { marketplacesOutsideRegion } from "./marketplaces";
import { setPermissionsSchema } from "./permission-form";
import { snapshotSchema } from "./snapshot";

const oneAccount = (sellerId: string) => ({
  format: "gatehouse.snapshot/v1",
  accounts: [{ id: "a", storeName: "Kumo", sellerId, region: "JP", plan: "PROFESSIONAL", status: "ACTIVE" }],
});

const account = (over: Record<string, string>) => ({ storeName: "Kumo", sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: "", ...over });
const firstError = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error && [String(r.error.issues[0].path[0]), r.error.issues[0].message];

describe("record forms (the schemas the browser and the server both run)", () => {
  it("seller IDs: the snapshot's rule (one line, ≤ 64), a merchant token tidied to Seller Central's form; empty = unknown", () => {
    expect(createAccountSchema.parse(account({ sellerId: " a2example 0001 " })).sellerId).toBe("A2EXAMPLE0001");
    expect(createAccountSchema.parse(account({ sellerId: "" })).sellerId).toBeNull();
    // SNAPSHOT.md sets no shape: what the import and the API take, the form takes too (decision 068).
    for (const other of ["123-456", "B2EXAMPLE0001", "a123"]) {
      expect(createAccountSchema.parse(account({ sellerId: ` ${other} ` })).sellerId).toBe(other);
      expect(snapshotSchema.safeParse(oneAccount(other)).success, other).toBe(true);
    }
    expect(firstError(createAccountSchema.safeParse(account({ sellerId: "A".repeat(65) })))).toEqual(["sellerId", "validation.tooLong"]);
    expect(snapshotSchema.safeParse(oneAccount("A".repeat(65))).success).toBe(false);
    expect(firstError(createAccountSchema.safeParse(account({ sellerId: "A2\u202eEXAMPLE" })))?.[0]).toBe("sellerId");
  });

  it("marketplaces must belong to the region, and at least one is needed", () => {
    expect(marketplacesOutsideRegion("NA", ["US", "DE"])).toEqual(["DE"]);
    expect(firstError(createAccountSchema.safeParse(account({ region: "NA", marketplaces: "US,DE" })))).toEqual(["marketplaces", "validation.marketplaceRegion"]);
    expect(firstError(createAccountSchema.safeParse(account({ marketplaces: "" })))).toEqual(["marketplaces", "validation.marketplacesRequired"]);
    expect(firstError(createAccountSchema.safeParse(account({ storeName: " " })))).toEqual(["storeName", "validation.required"]);
    expect(firstError(createAccountSchema.safeParse(account({ storeName: "x".repeat(201) })))).toEqual(["storeName", "validation.tooLong"]);
    expect(firstError(createAccountSchema.safeParse(account({ plan: "GOLD" })))).toEqual(["plan", "validation.choose"]);
  });

  it("logins: a known person or a new name, dates not in the future, accepted after invited", () => {
    const base = { accountId: "a", version: "1", role: "SECONDARY", status: "ACTIVE" };
    expect(firstError(createLoginSchema.safeParse({ ...base }))).toEqual(["personName", "validation.personOrName"]);
    expect(firstError(createLoginSchema.safeParse({ ...base, personId: "p", personName: "Also" }))).toEqual(["personName", "validation.personOrName"]);
    expect(firstError(createLoginSchema.safeParse({ ...base, personName: "Aoi", lastLoginAt: "2999-01-01" }))).toEqual(["lastLoginAt", "validation.dateFuture"]);
    expect(firstError(createLoginSchema.safeParse({ ...base, personName: "Aoi", lastLoginAt: "2026-02-30" }))).toEqual(["lastLoginAt", "validation.date"]);
    expect(firstError(createLoginSchema.safeParse({ ...base, personName: "Aoi", invitedAt: "2026-03-02", acceptedAt: "2026-03-01" }))).toEqual(["acceptedAt", "validation.acceptedBeforeInvited"]);
    expect(firstError(createLoginSchema.safeParse({ ...base, personName: "Aoi", email: "not-an-address" }))).toEqual(["email", "validation.email"]);
  });

  it("permissions: catalogue tools only, per marketplace only where the tool is, None dropped", () => {
    const parsed = setPermissionsSchema.parse({ accountId: "a", version: "2", loginId: "l", "g.USER_PERMISSIONS": "ADMIN", "g.INVENTORY.JP": "NONE", "g.PRICING.US": "VIEW" });
    expect(parsed.grants).toEqual([{ toolId: "USER_PERMISSIONS", marketplace: null, level: "ADMIN" }, { toolId: "PRICING", marketplace: "US", level: "VIEW" }]);
    expect(setPermissionsSchema.safeParse({ accountId: "a", version: "2", loginId: "l", "g.PRICING": "VIEW" }).success).toBe(false);
  });
});
