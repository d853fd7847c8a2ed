import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { addDays } from "@/lib/dates";
import { addMonths } from "@/lib/reviews";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysAgo, createTenant, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { setPermissionsSchema } from "@/lib/validation/permission-form";
import type { SnapshotInput } from "@/lib/validation/snapshot";
import { evidenceCsv, evidenceTable, evidenceXlsx } from "@/lib/reviews/evidence";
import { itemLabel } from "@/lib/reviews/item-detail-text";
import { removeAccountChild } from "../accounts/account-children";
import { removeLogin } from "../accounts/login-records";
import { setLoginPermissions } from "../accounts/permission-records";
import type { Scope } from "../scope";
import { overdueTasksSection } from "../jobs/digest-tasks";
import { closeTask, createFindingTask, listTasks } from "../tasks/task-records";
import { getAccountPageOrThrow } from "../accounts/read-accounts";
import { decideItem, decideItems } from "./decide";
import { getEvidenceOrThrow } from "./evidence";
import { getCampaignPageOrThrow, listCampaigns } from "./read-campaigns";
import { campaignStartOptions } from "./reviewers";
import { startCampaign, startNextRecurrence } from "./start-campaign";

const db = testDb();
afterAll(() => db.$disconnect());

/** One account with every kind of access path: two logins (one of them the reviewer's own), a partner, an app, an Ads access. */
function reviewedAccount(reviewerEmail: string): SnapshotInput {
  return {
    format: "gatehouse.snapshot/v1",
    people: [
      { id: "p-owner", name: "Owner", external: false, company: "Shop KK", departedAt: null },
      { id: "p-staff", name: "Staff", external: false, company: "Shop KK", departedAt: null },
      { id: "p-vendor", name: "Vendor", external: true, company: "Ads Co", departedAt: null },
    ],
    devices: [{ id: "d-1", kind: "PHONE", label: "Phone", holderId: "p-owner", skipOtpOnBrowser: false }],
    accounts: [{
      id: "acc", storeName: "Review Store", sellerId: `A${randomUUID().slice(0, 8).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(5),
      logins: [
        { id: "l-owner", role: "PRIMARY", email: reviewerEmail, personId: "p-owner", status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10),
          twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "1234" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP" }],
          permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] },
        // No 2SV: an open critical finding, so keeping it needs a comment.
        { id: "l-vendor", role: "SECONDARY", email: "vendor@ads.example", personId: "p-vendor", status: "ACTIVE", lastLoginAt: daysAgo(2), twoStep: [],
          permissions: [{ tool: "INVENTORY", level: "ADMIN", marketplace: "JP" }, { tool: "REPORTS", level: "VIEW", marketplace: "JP" }] },
      ],
      partners: [{ id: "ap-1", company: "Blue Agency", linkSentAt: daysAgo(30), acceptedAt: daysAgo(29) }],
      apps: [{ id: "app-1", name: "RepricerX", developer: "Repricer Inc", authorizedAt: daysAgo(100), expiresAt: daysAgo(-200) }],
      otherAccess: [{ personId: "p-vendor", console: "ADS", role: "ADMIN" }],
    }],
  };
}

let owner: Scope;
let ownerEmail: string;
let manager: Scope;
let accountId: string;
let clientId: string;
let ids: (kind: string, id: string) => string;

beforeAll(async () => {
  const tenant = await createTenant(db, { name: "Review Agency" });
  ownerEmail = `${tenant.userId}@test.example`;
  const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Shop KK" } });
  clientId = client.id;
  ids = await importSnapshot(db, tenant.orgId, reviewedAccount(ownerEmail), () => client.id);
  accountId = ids("account", "acc");
  const { recomputeOrganisations } = await import("../risk/recompute-all");
  await recomputeOrganisations(db, { today: new Date().toISOString().slice(0, 10), orgIds: [tenant.orgId] });
  owner = await scopeFor(tenant.userId);
  const managerUser = await db.user.create({ data: { email: `m-${randomUUID()}@test.example`, name: "Manager M", passwordHash: "x" } });
  const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId: managerUser.id, role: "MANAGER" } });
  await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId: client.id } });
  manager = await scopeFor(managerUser.id);
});

const start = (scope: Scope, reviewerIds: string[]) =>
  startCampaign(scope, { name: `Q4 ${randomUUID().slice(0, 4)}`, clientIds: [], accountIds: [accountId], reviewerIds, dueOn: "2099-12-31", recurrence: "QUARTERLY" });
const itemOf = async (campaignId: string, kind: string, subjectId: string) => db.reviewItem.findFirstOrThrow({ where: { campaignId, kind: kind as "LOGIN", subjectId } });

describe("review campaigns", () => {
  it("freezes one item per access path with its levels, and hands none to a reviewer who holds it", async () => {
    const campaign = await start(owner, [owner.userId, manager.userId]);
    expect(campaign.items).toBe(5);
    const items = await db.reviewItem.findMany({ where: { campaignId: campaign.id }, orderBy: [{ kind: "asc" }, { label: "asc" }] });
    expect(items.map((i) => [i.kind, i.label])).toEqual([
      ["LOGIN", ownerEmail], ["LOGIN", "vendor@ads.example"], ["PARTNER", "Blue Agency"], ["APP", "RepricerX"], ["OTHER_ACCESS", "Vendor (ADS)"],
    ]);
    const vendor = items.find((i) => i.label === "vendor@ads.example")!;
    expect(vendor.detail).toMatchObject({ role: "SECONDARY", status: "ACTIVE", grants: [{ tool: "INVENTORY", level: "ADMIN", marketplace: "JP" }, { tool: "REPORTS", level: "VIEW", marketplace: "JP" }] });
    // The owner's own login goes to the other reviewer.
    expect(items.find((i) => i.label === ownerEmail)!.reviewerId).toBe(manager.userId);
    // Frozen: a later change of the data does not change the item.
    await db.permissionGrant.updateMany({ where: { loginId: ids("login", "acc/l-vendor"), toolId: "REPORTS" }, data: { level: "ADMIN" } });
    expect((await itemOf(campaign.id, "LOGIN", vendor.subjectId)).detail).toEqual(vendor.detail);
    await db.permissionGrant.updateMany({ where: { loginId: ids("login", "acc/l-vendor"), toolId: "REPORTS" }, data: { level: "VIEW" } });
  });

  it("starts the next campaign of a recurring one a period later, for a scheduled job", async () => {
    const campaign = await start(owner, [manager.userId]);
    const startedOn = (await db.reviewCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).startedAt.toISOString().slice(0, 10);
    // Not due the day before its period has passed since the start; due on that day.
    const at = (day: string) => new Date(`${day}T01:00:00Z`);
    expect(await startNextRecurrence(owner, campaign.id, at(addDays(addMonths(startedOn, 3), -1)))).toBeNull();
    const next = await startNextRecurrence(owner, campaign.id, at(addMonths(startedOn, 3)));
    expect(await db.reviewCampaign.findUniqueOrThrow({ where: { id: next!.id } })).toMatchObject({ dueOn: new Date("2100-03-31T00:00:00Z"), recurrence: "QUARTERLY", accountIds: [accountId], reviewerIds: [manager.userId] });
    expect(next!.items).toBe(campaign.items);
    // A second start of the same recurrence writes nothing.
    expect(await startNextRecurrence(owner, campaign.id, at(addMonths(startedOn, 3)))).toBeNull();
    expect(await db.reviewCampaign.findMany({ where: { previousCampaignId: campaign.id }, select: { id: true } })).toEqual([{ id: next!.id }]);
  });

  it("ticks the member starting the campaign as reviewer, so the form's first submit starts it", async () => {
    const options = await campaignStartOptions(owner);
    expect(options.reviewers.map((r) => r.userId)).toEqual(expect.arrayContaining([owner.userId, manager.userId]));
    expect(options.defaultReviewerIds).toEqual([owner.userId]);
    const campaign = await start(owner, options.defaultReviewerIds);
    expect((await db.reviewCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).reviewerIds).toEqual([owner.userId]);
    // A new organisation's only member is its only possible reviewer.
    const alone = await createTenant(db);
    const aloneOptions = await campaignStartOptions(await scopeFor(alone.userId));
    expect(aloneOptions.reviewers.map((r) => r.userId)).toEqual([alone.userId]);
    expect(aloneOptions.defaultReviewerIds).toEqual([alone.userId]);
  });

  it("refuses a Manager, a stranger and an unknown reviewer", async () => {
    await expect(start(manager, [manager.userId])).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createTenant(db);
    await expect(start(await scopeFor(stranger.userId), [stranger.userId])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(start(owner, [stranger.userId])).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("refuses a due date before today (stop 42: one due 2026-01-01 began overdue), and writes nothing", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await db.reviewCampaign.count({ where: { orgId: owner.orgId } });
    const startDue = (dueOn: string) => startCampaign(owner, { name: `Past ${randomUUID().slice(0, 4)}`, clientIds: [], accountIds: [accountId], reviewerIds: [manager.userId], dueOn, recurrence: "SEMIANNUAL" });
    // Two days back: one day back is still today west of UTC in the morning (earliestDayAnywhere).
    await expect(startDue(addDays(today, -2))).rejects.toMatchObject({ code: "INVALID_INPUT", details: { dueOn: "validation.duePast" } });
    expect(await db.reviewCampaign.count({ where: { orgId: owner.orgId } })).toBe(before);
    // Due today is fine.
    expect((await startDue(today)).items).toBeGreaterThan(0);
  });

  it("scopes decisions: a reviewer sees and decides only their items, nobody decides their own access", async () => {
    const campaign = await start(owner, [manager.userId]);
    const own = await itemOf(campaign.id, "LOGIN", ids("login", "acc/l-owner"));
    const app = await itemOf(campaign.id, "APP", ids("app", "acc/app-1"));
    expect(own.reviewerId).toBe(manager.userId);
    // The owner manages the campaign but cannot decide on their own login…
    await expect(decideItem(owner, { itemId: own.id, decision: "KEEP", comment: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // …a reviewer sees only their items: reassigned away, the app item is gone for them.
    await db.reviewItem.update({ where: { id: app.id }, data: { reviewerId: owner.userId } });
    const page = await getCampaignPageOrThrow(manager, campaign.id);
    expect(page.items.map((i) => i.id)).not.toContain(app.id);
    expect(page.manages).toBe(false);
    await expect(decideItem(manager, { itemId: app.id, decision: "KEEP", comment: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await createTenant(db);
    await expect(decideItem(await scopeFor(stranger.userId), { itemId: own.id, decision: "KEEP", comment: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCampaignPageOrThrow(await scopeFor(stranger.userId), campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await decideItem(manager, { itemId: own.id, decision: "KEEP", comment: null });
    await expect(decideItem(manager, { itemId: own.id, decision: "REMOVE", comment: null })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await listCampaigns(manager)).map((c) => c.id)).toContain(campaign.id);
  });

  it("needs a comment to keep access with open high or critical findings; reduce only lowers", async () => {
    const campaign = await start(owner, [manager.userId]);
    const vendor = await itemOf(campaign.id, "LOGIN", ids("login", "acc/l-vendor"));
    await expect(decideItem(manager, { itemId: vendor.id, decision: "KEEP", comment: null })).rejects.toMatchObject({ code: "INVALID_INPUT", details: { comment: "validation.review.commentRequired" } });
    await expect(decideItem(manager, { itemId: vendor.id, decision: "REDUCE", comment: null, levels: [{ tool: "REPORTS", marketplace: "JP", level: "ADMIN" }] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const partner = await itemOf(campaign.id, "PARTNER", ids("partner", "acc/ap-1"));
    await expect(decideItem(manager, { itemId: partner.id, decision: "REDUCE", comment: null })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await decideItem(manager, { itemId: vendor.id, decision: "KEEP", comment: "2SV being set up this week" });
    expect(await db.remediationTask.count({ where: { reviewItemId: vendor.id } })).toBe(0);
  });

  it("turns reduce and remove into tasks that close themselves once the data shows the change; completes the campaign; shows changes next time", async () => {
    const campaign = await start(owner, [manager.userId]);
    const vendor = await itemOf(campaign.id, "LOGIN", ids("login", "acc/l-vendor"));
    const partner = await itemOf(campaign.id, "PARTNER", ids("partner", "acc/ap-1"));
    await decideItem(manager, { itemId: vendor.id, decision: "REDUCE", comment: "inventory only to view", levels: [{ tool: "INVENTORY", marketplace: "JP", level: "VIEW" }, { tool: "REPORTS", marketplace: "JP", level: "VIEW" }] });
    await decideItem(manager, { itemId: partner.id, decision: "REMOVE", comment: "contract ended" });
    const reduce = await db.remediationTask.findFirstOrThrow({ where: { reviewItemId: vendor.id } });
    expect(reduce).toMatchObject({ kind: "REDUCE_LOGIN", status: "OPEN", url: "https://sellercentral-japan.amazon.com/gp/account-manager/home.html", assigneeId: manager.userId, target: { levels: [{ tool: "INVENTORY", marketplace: "JP", level: "VIEW" }] } });
    const remove = await db.remediationTask.findFirstOrThrow({ where: { reviewItemId: partner.id } });
    expect((await listTasks(manager, { status: "OPEN" })).map((t) => t.id)).toEqual(expect.arrayContaining([reduce.id, remove.id]));

    // The data changes through the ordinary writes: each recompute closes what it satisfies.
    const version = async () => (await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version;
    await setLoginPermissions(owner, setPermissionsSchema.parse({ accountId, version: String(await version()), loginId: vendor.subjectId, "g.INVENTORY.JP": "ADMIN", "g.REPORTS.JP": "VIEW" }));
    expect((await db.remediationTask.findUniqueOrThrow({ where: { id: reduce.id } })).status).toBe("OPEN");
    await setLoginPermissions(owner, setPermissionsSchema.parse({ accountId, version: String(await version()), loginId: vendor.subjectId, "g.INVENTORY.JP": "VIEW", "g.REPORTS.JP": "VIEW" }));
    expect((await db.remediationTask.findUniqueOrThrow({ where: { id: reduce.id } })).status).toBe("SATISFIED");
    await removeAccountChild(owner, { accountId, version: await version(), kind: "partner", id: partner.subjectId, confirm: "yes" });
    expect((await db.remediationTask.findUniqueOrThrow({ where: { id: remove.id } })).status).toBe("SATISFIED");

    // Deciding the rest completes the campaign.
    const rest = await db.reviewItem.findMany({ where: { campaignId: campaign.id, decision: null } });
    // The owner may decide any item of their campaign but their own login, which is among these: nothing is written.
    await expect(decideItems(owner, { campaignId: campaign.id, itemIds: rest.map((i) => i.id), decision: "KEEP", comment: null, confirm: "yes" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.reviewItem.count({ where: { campaignId: campaign.id, decision: null } })).toBe(rest.length); // all or nothing
    await decideItems(manager, { campaignId: campaign.id, itemIds: rest.map((i) => i.id), decision: "KEEP", comment: "reviewed with the owner", confirm: "yes" });
    expect((await db.reviewCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("COMPLETED");

    // The next campaign shows what changed since: the partner is gone, the vendor's levels changed.
    const next = await start(owner, [manager.userId]);
    const page = await getCampaignPageOrThrow(owner, next.id);
    const changes = page.changes.get(accountId)!;
    expect([changes.added, changes.removed, changes.changed].map((list) => list.map((i) => i.label))).toEqual([[], ["Blue Agency"], ["vendor@ads.example"]]);
  });

  it("opens a task for a finding on request, closes one by hand with a note, and removes a login's task when the login goes", async () => {
    const finding = await db.finding.findFirstOrThrow({ where: { accountId, ruleId: "NO_2SV", status: "OPEN" } });
    // Due before today, or on a day that does not exist, is refused as a review's is, and opens nothing (stop 43).
    // Two days back: one day back is still today somewhere until UTC noon (earliestDayAnywhere).
    const past = addDays(new Date().toISOString().slice(0, 10), -2);
    await expect(createFindingTask(manager, { findingId: finding.id, assigneeId: null, dueOn: past })).rejects.toMatchObject({ code: "INVALID_INPUT", details: { dueOn: "validation.duePast" } });
    await expect(createFindingTask(manager, { findingId: finding.id, assigneeId: null, dueOn: "2026-02-30" })).rejects.toMatchObject({ code: "INVALID_INPUT", details: { dueOn: "validation.date" } });
    expect(await db.remediationTask.count({ where: { findingId: finding.id } })).toBe(0);
    // A user of another tenant is not an assignee here: refused, nothing opened.
    const otherTenant = await createTenant(db);
    await expect(createFindingTask(manager, { findingId: finding.id, assigneeId: otherTenant.userId })).rejects.toMatchObject({ code: "INVALID_INPUT", details: { assigneeId: "validation.choose" } });
    expect(await db.remediationTask.count({ where: { findingId: finding.id } })).toBe(0);
    const taskId = await createFindingTask(manager, { findingId: finding.id, assigneeId: null });
    // A second one (a page older than the task, a replayed action) says the task exists, not "someone changed this
    // first" (probe 43, finding 3), and the account page names the open task in place of the button.
    await expect(createFindingTask(manager, { findingId: finding.id, assigneeId: null })).rejects.toMatchObject({ code: "CONFLICT", message: "validation.findingTaskExists" });
    expect((await getAccountPageOrThrow(manager, accountId)).findingTasks).toEqual(new Map([[finding.id, { id: taskId, assignee: "Manager M", dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]]));
    expect((await listTasks(manager, { status: "OPEN" })).find((t) => t.id === taskId)?.findingId).toBe(finding.id);
    await closeTask(manager, { taskId, note: "2SV set up on the phone call" });
    expect((await getAccountPageOrThrow(manager, accountId)).findingTasks).toEqual(new Map());
    expect(await db.remediationTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: "CLOSED", closeNote: "2SV set up on the phone call", closedById: manager.userId });
    await expect(closeTask(manager, { taskId, note: "again" })).rejects.toMatchObject({ code: "CONFLICT" });

    const campaign = await start(owner, [manager.userId]);
    const vendor = await itemOf(campaign.id, "LOGIN", ids("login", "acc/l-vendor"));
    await decideItem(manager, { itemId: vendor.id, decision: "REMOVE", comment: null });
    const task = await db.remediationTask.findFirstOrThrow({ where: { reviewItemId: vendor.id } });
    const version = (await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version;
    await removeLogin(owner, { accountId, version, loginId: vendor.subjectId, confirm: "yes" });
    expect((await db.remediationTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("SATISFIED");
    const stranger = await createTenant(db);
    await expect(closeTask(await scopeFor(stranger.userId), { taskId: task.id, note: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A Viewer closes only a task assigned to them.
    const viewer = await db.user.create({ data: { email: `v-${randomUUID()}@test.example`, name: "Viewer V", passwordHash: "x" } });
    const viewerMembership = await db.membership.create({ data: { orgId: owner.orgId, userId: viewer.id, role: "VIEWER" } });
    await db.membershipClient.create({ data: { orgId: owner.orgId, membershipId: viewerMembership.id, clientId } });
    const viewerScope = await scopeFor(viewer.id);
    const mine = await createFindingTask(owner, { findingId: (await db.finding.findFirstOrThrow({ where: { accountId, status: "OPEN" } })).id, assigneeId: viewer.id });
    const theirs = (await db.remediationTask.create({ data: { orgId: owner.orgId, accountId, kind: "TRIAGE", subjectLabel: "someone else's", url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(), assigneeId: owner.userId, createdById: owner.userId } })).id;
    await expect(closeTask(viewerScope, { taskId: theirs, note: "not mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await closeTask(viewerScope, { taskId: mine, note: "done by the owner's assistant" });

    // Filtering by a client narrows the scope, never widens it: the Manager asks for a client not theirs.
    const other = await db.client.create({ data: { orgId: owner.orgId, name: "Not the manager's" } });
    const elsewhere = await db.sellerAccount.create({ data: { orgId: owner.orgId, clientId: other.id, storeName: "Elsewhere", region: "JP", marketplaces: ["JP"] } });
    await db.remediationTask.create({ data: { orgId: owner.orgId, accountId: elsewhere.id, kind: "TRIAGE", subjectLabel: "elsewhere", url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(), createdById: owner.userId } });
    expect(await listTasks(manager, { status: "ALL", client: other.id })).toEqual([]);
    expect((await listTasks(owner, { status: "ALL", client: other.id })).map((t) => t.storeName)).toEqual(["Elsewhere"]);
  });

  it("names an Ads / Brand Registry access in the reader's words on the page, in its task and in the CSV and XLSX evidence", async () => {
    const campaign = await start(owner, [manager.userId]);
    const ads = await db.reviewItem.findFirstOrThrow({ where: { campaignId: campaign.id, kind: "OTHER_ACCESS" } });
    // Frozen as evidence, the console's code kept; the detail holds what the words are made of.
    expect(ads.label).toBe("Vendor (ADS)");
    expect(ads.detail).toEqual({ console: "ADS", role: "ADMIN", person: "Vendor" });
    const onPage = (await getCampaignPageOrThrow(owner, campaign.id)).items.find((i) => i.id === ads.id)!;
    expect([itemLabel(onPage, "ja"), itemLabel(onPage, "en")]).toEqual(["Vendor（Amazon広告）", "Vendor (Amazon Ads)"]);

    await decideItem(manager, { itemId: ads.id, decision: "REDUCE", role: "VIEWER", comment: null });
    const task = await db.remediationTask.findFirstOrThrow({ where: { reviewItemId: ads.id } });
    expect(task).toMatchObject({ kind: "REDUCE_OTHER_ACCESS", subjectLabel: "Vendor (ADS)", status: "OPEN" });
    const listed = async (locale: "ja" | "en") => (await listTasks(manager, { status: "OPEN" }, locale)).find((t) => t.id === task.id)!.subjectLabel;
    expect([await listed("ja"), await listed("en")]).toEqual(["Vendor（Amazon広告）", "Vendor (Amazon Ads)"]);
    // The weekly digest and the daily reminder list it in the same words, not as "Vendor (ADS)" (decision 087).
    const today = new Date().toISOString().slice(0, 10);
    const before = { dueOn: task.dueOn, assigneeId: task.assigneeId };
    await db.remediationTask.update({ where: { id: task.id }, data: { dueOn: new Date(`${addDays(today, -1)}T00:00:00Z`), assigneeId: manager.userId } });
    const inDigest = async (locale: "ja" | "en") => (await overdueTasksSection(manager, { today, locale }))?.lines.map((l) => l.text);
    for (const [locale, words] of [["ja", "Vendor（Amazon広告）"], ["en", "Vendor (Amazon Ads)"]] as const) {
      expect(await inDigest(locale)).toContain(words);
      expect(await inDigest(locale)).not.toContain("Vendor (ADS)");
    }
    await db.remediationTask.update({ where: { id: task.id }, data: before });

    const { rows, meta } = await getEvidenceOrThrow(owner, campaign.id);
    const at = rows.findIndex((r) => r.kind === "OTHER_ACCESS");
    const expected = {
      ja: { access: "Vendor（Amazon広告）", task: "「Vendor（Amazon広告）」の役割を「閲覧者」に下げてください。", sheet: "判断" },
      en: { access: "Vendor (Amazon Ads)", task: 'lower the role of "Vendor (Amazon Ads)" to Viewer.', sheet: "Decisions" },
    };
    for (const locale of ["ja", "en"] as const) {
      const [header, ...body] = evidenceTable(rows, locale);
      const accessColumn = header.indexOf(locale === "ja" ? "アクセス" : "Access");
      const taskColumn = header.indexOf(locale === "ja" ? "タスク" : "Task");
      expect(body[at][accessColumn]).toBe(expected[locale].access);
      expect(body[at][taskColumn]).toContain(expected[locale].task);

      const csv = evidenceCsv(rows, meta, locale);
      expect(csv).toContain(expected[locale].access);
      expect(csv).not.toContain("(ADS)");

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await evidenceXlsx(rows, meta, locale)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(expected[locale].sheet)!;
      const row = sheet.getRow(at + 2);
      expect(String(row.getCell(accessColumn + 1).value)).toBe(expected[locale].access);
      expect(String(row.getCell(taskColumn + 1).value)).toContain(expected[locale].task);
    }
  });
});
