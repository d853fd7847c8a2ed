import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { setPermissionsSchema } from "@/lib/validation/permission-form";
import { createTenant, daysAgo, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { recomputeOrganisations } from "../risk/recompute-all";
import { setLoginPermissions } from "./permission-records";

const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

describe("a login's user permissions as a matrix", () => {
  it("replaces the grants, recomputes the admin findings and audits before and after; other marketplaces and unknown tools are refused", async () => {
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const ids = await importSnapshot(db, orgId, {
      format: "gatehouse.snapshot/v1",
      people: [{ id: "p-owner", name: "Owner" }, { id: "p-vendor", name: "Vendor", external: true, company: "Vendor KK" }],
      accounts: [{
        id: "acc", storeName: "Kumo", sellerId: "A2EXAMPLE0099", region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(1),
        logins: [
          { id: "primary", role: "PRIMARY", personId: "p-owner", status: "ACTIVE", lastLoginAt: daysAgo(1) },
          { id: "vendor", role: "SECONDARY", personId: "p-vendor", status: "ACTIVE", lastLoginAt: daysAgo(1), permissions: [{ tool: "INVENTORY", level: "VIEW", marketplace: "JP" }] },
        ],
      }],
    });
    const accountId = ids("account", "acc");
    const loginId = ids("login", "acc/vendor");
    await recomputeOrganisations(db, { today, orgIds: [orgId] });
    const version = async () => String((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version);
    const open = (rule: string) => db.finding.count({ where: { accountId, ruleId: rule, status: "OPEN" } });
    expect(await open("EXTERNAL_ADMIN")).toBe(0);

    await setLoginPermissions(scope, setPermissionsSchema.parse({ accountId, version: await version(), loginId, "g.USER_PERMISSIONS": "ADMIN", "g.PAYMENTS.JP": "VIEW", "g.INVENTORY.JP": "NONE" }));
    const grants = await db.permissionGrant.findMany({ where: { loginId }, orderBy: { toolId: "asc" } });
    expect(grants.map((g) => [g.toolId, g.marketplace, g.level, g.source])).toEqual([["PAYMENTS", "JP", "VIEW", "FORM"], ["USER_PERMISSIONS", null, "ADMIN", "FORM"]]);
    expect(await open("EXTERNAL_ADMIN")).toBe(1);
    expect(await open("EXTERNAL_SENSITIVE_ACCESS")).toBe(1);
    const [event] = await db.auditEvent.findMany({ where: { orgId, action: "permissions.set" } });
    expect(event.before).toEqual([{ toolId: "INVENTORY", level: "VIEW", marketplace: "JP" }]);
    expect(event.after).toEqual([{ toolId: "PAYMENTS", level: "VIEW", marketplace: "JP" }, { toolId: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }]);

    // All None: the findings resolve.
    await setLoginPermissions(scope, setPermissionsSchema.parse({ accountId, version: await version(), loginId, "g.USER_PERMISSIONS": "NONE" }));
    expect(await open("EXTERNAL_ADMIN")).toBe(0);
    expect(await db.permissionGrant.count({ where: { loginId } })).toBe(0);

    expect((await failure(setLoginPermissions(scope, setPermissionsSchema.parse({ accountId, version: await version(), loginId, "g.PRICING.US": "VIEW" }))))?.details).toEqual({ "g.PRICING.US": "validation.choose" });
    expect(setPermissionsSchema.safeParse({ accountId, version: "1", loginId, "g.NOT_A_TOOL": "VIEW" }).success).toBe(false);
    expect(setPermissionsSchema.safeParse({ accountId, version: "1", loginId, "g.USER_PERMISSIONS.JP": "VIEW" }).success).toBe(false);
    expect(setPermissionsSchema.safeParse({ accountId, version: "1", loginId, "g.USER_PERMISSIONS": "OWNER" }).success).toBe(false);
    expect(await db.permissionGrant.count({ where: { loginId } })).toBe(0);
  });
});
