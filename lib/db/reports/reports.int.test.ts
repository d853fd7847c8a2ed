import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { AppError } from "@/lib/errors";
import { RULES } from "@/lib/risk";
import { grantsEn } from "@/lib/risk/evidence-en";
import type { Scope } from "@/lib/db/scope";
import { testDb } from "@/tests/support/db";
import { createTenant, importSnapshot, scopeFor } from "@/tests/support/factories";
import { acceptFinding } from "../findings";
import { recomputeOrganisations } from "../risk/recompute-all";
import { syncToolCatalogue } from "../tools";
import { utcToday } from "@/lib/days";
import { produceReportSchema } from "@/lib/validation/reports";
import { getReportClientOrThrow, getReportFileOrThrow, listAccountReports, listClientReports, produceReport } from "./report-records";

const db = testDb();
afterAll(() => db.$disconnect());
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));
// Compared without white space or hyphens: a cell that wraps at a hyphen ("ads@blue-" / "ocean.example")
// comes back from pdftotext joined and without it (poppler's dehyphenation; which cell wraps there depends on
// the run's generated names and dates, seen once at 00:20 UTC on 2026-12-05).
const squeeze = (text: string) => text.replace(/[\s-]+/g, "");
const TITLE = new Map(RULES.map((r) => [r.id as string, r.title]));

let orgId: string;
let owner: Scope;
let clientId: string;
let clientName: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  const tenant = await createTenant(db);
  orgId = tenant.orgId;
  const portfolio = buildDemoPortfolio(utcToday());
  const clients = new Map<string, string>();
  for (const c of portfolio.clients) clients.set(c.name, (await db.client.create({ data: { orgId, name: c.name } })).id);
  const clientOf = new Map(portfolio.clients.flatMap((c) => c.accountIds.map((a) => [a, clients.get(c.name)!] as const)));
  await importSnapshot(db, orgId, portfolio.snapshot, (accountId) => clientOf.get(accountId) ?? null);
  await recomputeOrganisations(db, { today: utcToday(), orgIds: [orgId] });
  owner = await scopeFor(tenant.userId);
  // The client with the most open findings makes the strictest test.
  const busiest = await db.$queryRawUnsafe<{ clientId: string }[]>(
    `SELECT a."clientId" FROM "Finding" f JOIN "SellerAccount" a ON a.id = f."accountId" WHERE f."orgId" = $1 AND f.status = 'OPEN' AND a."clientId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    orgId,
  );
  clientId = busiest[0].clientId;
  clientName = (await db.client.findUniqueOrThrow({ where: { id: clientId } })).name;
  const someFinding = await db.finding.findFirstOrThrow({ where: { orgId, status: "OPEN", account: { clientId } }, orderBy: { id: "asc" } });
  await acceptFinding(owner, { findingId: someFinding.id, reason: "ベンダー切替まで受容", until: addDays(utcToday(), 30) });
});

/** What a reader would call each open finding's subject, read independently of the report code. */
async function openSubjects(): Promise<{ ruleId: string; subject: string }[]> {
  const findings = await db.finding.findMany({ where: { orgId, status: "OPEN", account: { clientId } }, include: { account: true } });
  return Promise.all(findings.map(async (f) => {
    const subject =
      f.subjectType === "account" ? f.account.storeName
      : f.subjectType === "login" ? await db.login.findUniqueOrThrow({ where: { id: f.subjectId }, include: { person: true } }).then((l) => l.email ?? l.person.name)
      : f.subjectType === "person" ? (await db.person.findUniqueOrThrow({ where: { id: f.subjectId } })).name
      : f.subjectType === "device" ? ((await db.device.findUniqueOrThrow({ where: { id: f.subjectId } })).label ?? "")
      : f.subjectType === "partner" ? (await db.authorizedPartner.findUniqueOrThrow({ where: { id: f.subjectId } })).company
      : (await db.appAuthorization.findUniqueOrThrow({ where: { id: f.subjectId } })).appName;
    return { ruleId: f.ruleId, subject };
  }));
}

describe("client reports", () => {
  for (const locale of ["ja", "en"] as const) {
    it(`a ${locale} PDF is kept with its hash, audited, and its text holds the client, the rule titles and every open finding's subject`, async () => {
      const { id, sha256 } = await produceReport(owner, { clientId, accountId: null, format: "PDF", locale });
      const file = await getReportFileOrThrow(owner, id);
      expect(createHash("sha256").update(file.content).digest("hex")).toBe(sha256);
      const text = squeeze(execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: file.content, encoding: "utf8", maxBuffer: 64 << 20 }));
      expect(text).toContain(squeeze(clientName));
      const subjects = await openSubjects();
      expect(subjects.length).toBeGreaterThan(3);
      for (const { ruleId, subject } of subjects) {
        expect(text, subject).toContain(squeeze(subject));
        expect(text, ruleId).toContain(squeeze(TITLE.get(ruleId)![locale]));
      }
      if (locale === "ja") expect(text).toContain("ベンダー切替まで受容");
      const event = await db.auditEvent.findFirstOrThrow({ where: { orgId, action: "report.produced", entityId: id } });
      expect(event.after).toMatchObject({ clientId, format: "PDF", locale, sha256 });
    });
  }

  it("lists the client's reports newest first, and the next report says what changed since the previous one", async () => {
    const first = await produceReport(owner, { clientId, accountId: null, format: "CSV", locale: "en" });
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, clientId } });
    const person = await db.person.findFirstOrThrow({ where: { orgId } });
    await db.otherAccess.create({ data: { orgId, accountId: account.id, personId: person.id, console: "BRAND_REGISTRY", role: "Administrator" } });
    const second = await produceReport(owner, { clientId, accountId: null, format: "CSV", locale: "en" });
    const csv = (await getReportFileOrThrow(owner, second.id)).content.toString("utf8");
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    expect(rows).toContainEqual(["Access added", account.storeName, `Brand Registry: ${person.name}`]);
    const listed = await listClientReports(owner, clientId);
    expect(listed[0]).toMatchObject({ id: second.id, format: "CSV", locale: "en", createdBy: "Test User", title: clientName, accountId: null });
    expect(listed.map((r) => r.id)).toContain(first.id);
    expect((await getReportClientOrThrow(owner, clientId)).accounts.map((a) => a.id)).toContain(account.id);
  });

  it("an English report reads an outsider's grants in words, not the engine's codes (decision 087)", async () => {
    const finding = await db.finding.findFirstOrThrow({ where: { orgId, status: "OPEN", ruleId: { in: ["EXTERNAL_ADMIN", "EXTERNAL_SENSITIVE_ACCESS"] }, account: { clientId: { not: null } } }, include: { account: true } });
    const grants = String((finding.evidenceData as { grants: string }).grants);
    expect(finding.evidence).toContain(grants);
    const { id } = await produceReport(owner, { clientId: finding.account.clientId!, accountId: finding.accountId, format: "CSV", locale: "en" });
    const csv = (await getReportFileOrThrow(owner, id)).content.toString("utf8");
    expect(csv).toContain(grantsEn(grants));
    expect(csv).not.toContain(grants);
  });

  it("a report about one account of the client is listed on the client's page", async () => {
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, clientId }, orderBy: { storeName: "desc" } });
    const { id } = await produceReport(owner, { clientId, accountId: account.id, format: "XLSX", locale: "ja" });
    const [latest] = await listClientReports(owner, clientId);
    expect(latest).toMatchObject({ id, accountId: account.id, title: account.storeName, format: "XLSX" });
    expect((await getReportFileOrThrow(owner, id)).content.subarray(0, 2).toString()).toBe("PK");
  });

  it("the trend is the mean daily score of the target's accounts over 90 days, oldest first", async () => {
    const accounts = await db.sellerAccount.findMany({ where: { orgId, clientId }, orderBy: { id: "asc" }, take: 2 });
    const days = [addDays(utcToday(), -100), addDays(utcToday(), -60), addDays(utcToday(), -30)];
    await db.accountScoreDaily.deleteMany({ where: { accountId: { in: accounts.map((a) => a.id) }, day: { in: days.map((d) => new Date(d)) } } });
    for (const [i, a] of accounts.entries()) {
      await db.accountScoreDaily.createMany({ data: days.map((day, d) => ({ orgId, accountId: a.id, day: new Date(day), score: 40 + 10 * i + d })) });
    }
    const { id } = await produceReport(owner, { clientId, accountId: accounts[1].id, format: "CSV", locale: "en" });
    const rows = parse((await getReportFileOrThrow(owner, id)).content.toString("utf8"), { bom: true, relax_column_count: true }) as string[][];
    // Day 100 is outside the window; the account's own scores, not the client's mean.
    expect(rows).not.toContainEqual([days[0], "50"]);
    expect(rows).toContainEqual([days[1], "51"]);
    expect(rows).toContainEqual([days[2], "52"]);
    const whole = await produceReport(owner, { clientId, accountId: null, format: "CSV", locale: "en" });
    const clientRows = parse((await getReportFileOrThrow(owner, whole.id)).content.toString("utf8"), { bom: true, relax_column_count: true }) as string[][];
    const mean = await db.accountScoreDaily.aggregate({ where: { orgId, day: new Date(days[1]), account: { clientId } }, _avg: { score: true } });
    expect(clientRows).toContainEqual([days[1], String(Math.round(mean._avg.score!))]);
  });

  it("another organisation, Managers, Viewers and the client portal get nothing, and nothing is written", async () => {
    const { id } = await produceReport(owner, { clientId, accountId: null, format: "CSV", locale: "ja" });
    const before = await db.report.count({ where: { orgId } });
    const stranger = await scopeFor((await createTenant(db)).userId);
    expect((await failure(getReportFileOrThrow(stranger, id)))?.code).toBe("NOT_FOUND");
    expect((await failure(produceReport(stranger, { clientId, accountId: null, format: "PDF", locale: "ja" })))?.code).toBe("NOT_FOUND");
    expect((await failure(getReportClientOrThrow(stranger, clientId)))?.code).toBe("NOT_FOUND");
    expect(await listClientReports(stranger, clientId)).toEqual([]);
    // Another client's account named under this client is not this client's report.
    const otherClientAccount = await db.sellerAccount.findFirstOrThrow({ where: { orgId, clientId: { not: clientId } } });
    expect((await failure(produceReport(owner, { clientId, accountId: otherClientAccount.id, format: "CSV", locale: "ja" })))?.code).toBe("NOT_FOUND");
    for (const role of ["MANAGER", "VIEWER"] as const) {
      const user = await db.user.create({ data: { email: `${randomUUID()}@test.example`, name: role, passwordHash: "x" } });
      const membership = await db.membership.create({ data: { orgId, userId: user.id, role } });
      await db.membershipClient.create({ data: { orgId, membershipId: membership.id, clientId } });
      const scope = await scopeFor(user.id, orgId);
      expect((await failure(produceReport(scope, { clientId, accountId: null, format: "CSV", locale: "ja" })))?.code).toBe("FORBIDDEN");
      expect((await failure(getReportFileOrThrow(scope, id)))?.code).toBe("NOT_FOUND");
      expect((await failure(listClientReports(scope, clientId)))?.code).toBe("NOT_FOUND");
    }
    // The client portal's scope (a client company's member reading the agency's records of its own client).
    const portal: Scope = { ...owner, role: "VIEWER", clientIds: [clientId], portal: { agencyName: owner.orgName } };
    expect((await failure(produceReport(portal, { clientId, accountId: null, format: "CSV", locale: "ja" })))?.code).toBe("FORBIDDEN");
    expect((await failure(getReportFileOrThrow(portal, id)))?.code).toBe("NOT_FOUND");
    expect(await db.report.count({ where: { orgId } })).toBe(before);
    expect(await db.report.count({ where: { orgId: stranger.orgId } })).toBe(0);
  });
});

describe("account reports", () => {
  it("an account without a client gets its own report, listed for the account; a form naming neither client nor account is refused", async () => {
    const tenant = await createTenant(db);
    await importSnapshot(db, tenant.orgId, buildDemoPortfolio(utcToday()).snapshot, () => null);
    await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
    const scope = await scopeFor(tenant.userId);
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId, clientId: null }, orderBy: { id: "asc" } });
    const input = produceReportSchema.parse({ clientId: "", accountId: account.id, format: "CSV", locale: "en" });
    const produced = await produceReport(scope, input);
    const row = await db.report.findUniqueOrThrow({ where: { id: produced.id } });
    expect(row).toMatchObject({ orgId: tenant.orgId, clientId: null, accountId: account.id, title: account.storeName });
    expect((await listAccountReports(scope, account.id)).map((r) => r.id)).toEqual([produced.id]);
    const file = await getReportFileOrThrow(scope, produced.id);
    expect(file.content.toString("utf8")).toContain(account.storeName);
    // Another organisation's owner can neither produce it nor list it.
    expect((await failure(produceReport(owner, input)))?.code).toBe("NOT_FOUND");
    expect(await listAccountReports(owner, account.id)).toEqual([]);
    expect(produceReportSchema.safeParse({ clientId: "", accountId: "", format: "CSV", locale: "en" }).success).toBe(false);
  });
});
