import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { addDays } from "@/lib/dates";
import { utcToday } from "@/lib/days";
import { jobsDatabase } from "@/tests/support/jobs-database";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { loadDigestSections } from "./digest";

let database: Awaited<ReturnType<typeof jobsDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await jobsDatabase();
  db = database.db;
});
afterAll(() => database.drop());

async function agencyWithTask(storeName: string, dueOn: string, label: string) {
  const tenant = await createTenant(db, { name: `${storeName} agency` });
  await importSnapshot(db, tenant.orgId, oneAccountSnapshot(storeName));
  const login = await db.login.findFirstOrThrow({ where: { orgId: tenant.orgId }, select: { id: true, accountId: true } });
  await db.remediationTask.create({
    data: { orgId: tenant.orgId, accountId: login.accountId, kind: "TRIAGE", subjectId: login.id, subjectLabel: label, url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(`${dueOn}T00:00:00Z`), assigneeId: tenant.userId, createdById: tenant.userId },
  });
  return tenant;
}

describe("the digest's overdue tasks section", () => {
  it("lists the member's own overdue tasks, not ones still due, nor another organisation's", async () => {
    const today = utcToday();
    const a = await agencyWithTask("Overdue Store", addDays(today, -3), "late@vendor.example");
    await db.remediationTask.create({
      data: { ...(await db.remediationTask.findFirstOrThrow({ where: { orgId: a.orgId }, select: { orgId: true, accountId: true, kind: true, subjectId: true, url: true, assigneeId: true, createdById: true } })), subjectLabel: "not-yet@vendor.example", dueOn: new Date(`${addDays(today, 3)}T00:00:00Z`) },
    });
    const b = await agencyWithTask("Other Store", addDays(today, -3), "other-org@vendor.example");

    const sections = await loadDigestSections(await scopeFor(a.userId, a.orgId), today, "en");
    const overdue = sections.find((s) => s.heading === "digest.overdueTasks");
    expect(overdue?.lines).toEqual([{ subject: "Overdue Store", text: "late@vendor.example", due: addDays(today, -3) }]);

    const other = (await loadDigestSections(await scopeFor(b.userId, b.orgId), today, "en")).find((s) => s.heading === "digest.overdueTasks");
    expect(other?.lines.map((l) => l.text)).toEqual(["other-org@vendor.example"]);
  });
});
