import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";
import { saveAppSchema, saveOtherAccessSchema, savePartnerSchema } from "@/lib/validation/account-children";
import { createTenant, daysAgo, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { recomputeOrganisations } from "../risk/recompute-all";
import { removeAccountChild, saveApp, saveOtherAccess, savePartner } from "./account-children";

const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

describe("partners, apps and Ads / Brand Registry access typed in", () => {
  it("each is added, edited and removed with its findings recomputed and an audit event with before/after", async () => {
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const ids = await importSnapshot(db, orgId, oneAccountSnapshot("Kumo", "A2EXAMPLE0042"));
    const accountId = ids("account", "acc");
    await recomputeOrganisations(db, { today, orgIds: [orgId] });
    const version = async () => String((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version);
    const open = (rule: string) => db.finding.count({ where: { accountId, ruleId: rule, status: "OPEN" } });

    // A partner link sent 10 days ago and not accepted: STALE_PARTNER_LINK; accepting it resolves it.
    await savePartner(scope, savePartnerSchema.parse({ accountId, version: await version(), company: "Blue Agency", linkSentAt: daysAgo(10) }));
    expect(await open("STALE_PARTNER_LINK")).toBe(1);
    const partner = await db.authorizedPartner.findFirstOrThrow({ where: { accountId } });
    expect(partner.source).toBe("FORM");
    await savePartner(scope, savePartnerSchema.parse({ accountId, version: await version(), partnerId: partner.id, company: "Blue Agency", linkSentAt: daysAgo(10), acceptedAt: daysAgo(9) }));
    expect(await open("STALE_PARTNER_LINK")).toBe(0);
    const [updated] = await db.auditEvent.findMany({ where: { orgId, action: "partner.updated" } });
    expect(updated.after).toMatchObject({ company: "Blue Agency" });
    expect((updated.before as { acceptedAt: unknown }).acceptedAt).toBeNull();

    // An app expiring in 5 days: APP_AUTH_EXPIRING; removing it resolves it.
    await saveApp(scope, saveAppSchema.parse({ accountId, version: await version(), appName: "RepricerX", developer: "Repricer Inc", authorizedAt: daysAgo(360), expiresAt: addDays(today, 5) }));
    expect(await open("APP_AUTH_EXPIRING")).toBe(1);
    const app = await db.appAuthorization.findFirstOrThrow({ where: { accountId } });
    const stale = await failure(saveApp(scope, { ...saveAppSchema.parse({ accountId, version: "1", appId: app.id, appName: "Renamed" }) }));
    expect(stale?.code).toBe("CONFLICT");
    expect(stale?.current).toMatchObject({ appName: "RepricerX", developer: "Repricer Inc" });
    await removeAccountChild(scope, { accountId, version: Number(await version()), kind: "app", id: app.id, confirm: "yes" });
    expect(await open("APP_AUTH_EXPIRING")).toBe(0);
    expect((await db.auditEvent.findMany({ where: { orgId, action: "app.removed" } }))[0].before).toMatchObject({ appName: "RepricerX" });

    // Ads access for someone without an active login on the account: LEFTOVER_ACCESS.
    const stranger = await db.person.create({ data: { orgId, name: "Former vendor", external: true } });
    await saveOtherAccess(scope, saveOtherAccessSchema.parse({ accountId, version: await version(), personId: stranger.id, console: "ADS", role: "ADMIN" }));
    expect(await open("LEFTOVER_ACCESS")).toBe(1);
    const other = await createTenant(db);
    const foreign = await db.person.create({ data: { orgId: other.orgId, name: "Not yours" } });
    expect((await failure(saveOtherAccess(scope, saveOtherAccessSchema.parse({ accountId, version: await version(), personId: foreign.id, console: "ADS", role: "ADMIN" }))))?.details).toEqual({ personId: "validation.unknownPerson" });
    expect(await db.otherAccess.count({ where: { accountId } })).toBe(1);
    expect(saveAppSchema.safeParse({ accountId, version: "1", appName: "X", authorizedAt: "2026-01-10", expiresAt: "2026-01-01" }).success).toBe(false);
  });
});
