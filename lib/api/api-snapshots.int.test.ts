import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getAccount } from "@/app/api/v1/accounts/[id]/route";
import { POST as audit } from "@/app/api/v1/audit/route";
import { GET as listFindings } from "@/app/api/v1/findings/route";
import { GET as exportSnapshot } from "@/app/api/v1/snapshot/route";
import { POST as postSnapshots } from "@/app/api/v1/snapshots/route";
import { createApiToken } from "@/lib/db/api-tokens/tokens";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { generateSnapshot } from "@/lib/risk/generate";
import { apiAccountDetailSchema, auditResultSchema, findingListSchema, snapshotUpsertResultSchema } from "@/lib/validation/api";
import { callApi, errorCode } from "@/tests/support/api";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";

// POST /snapshots → GET /snapshot → `gatehouse audit`: the findings the command gives for the export
// are, account by account, the same rules on the same subjects as the app holds, and as the posted
// document gives evaluated as of today (../shared/API.md).
const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const bin = join(import.meta.dirname, "../../bin/gatehouse.mjs");

function cliAuditJson(document: unknown): ReturnType<typeof auditResultSchema.parse> {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-api-export-"));
  writeFileSync(join(dir, "s.json"), JSON.stringify(document));
  const result = spawnSync(process.execPath, [bin, "audit", join(dir, "s.json"), "--json"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" }, maxBuffer: 1 << 28 });
  expect(result.status, result.stderr).toBe(0);
  return auditResultSchema.parse(JSON.parse(result.stdout));
}

type Keyed = Record<string, string[]>;
const byAccount = (rows: { account: string; key: string }[]): Keyed => {
  const out: Keyed = {};
  for (const r of rows) (out[r.account] ??= []).push(r.key);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
};
const fromAudit = (result: ReturnType<typeof auditResultSchema.parse>) =>
  byAccount(result.accounts.flatMap((a) => a.findings.map((f) => ({ account: a.id, key: `${f.rule} ${f.subject.type} ${f.subject.id}` }))));

async function heldByApp(token: string): Promise<Keyed> {
  const rows: { account: string; key: string }[] = [];
  let cursor: string | null = null;
  do {
    const answer = await callApi(listFindings, { path: `/api/v1/findings?limit=500${cursor ? `&cursor=${cursor}` : ""}`, token });
    const page = findingListSchema.parse(answer.json);
    for (const f of page.data) if (f.status !== "resolved") rows.push({ account: f.account, key: `${f.rule} ${f.subject.type} ${f.subject.id}` });
    cursor = page.next;
  } while (cursor);
  return byAccount(rows);
}

describe("POST /api/v1/snapshots, GET /api/v1/snapshot", () => {
  const portfolios = [
    ["the demo", () => buildDemoPortfolio(today).snapshot],
    ["a generated portfolio", () => generateSnapshot(120, 21, { asOf: today })],
  ] as const;

  for (const [name, build] of portfolios) {
    it(`round-trips ${name}: export → audit = the app's findings = the posted document's; a retry with the key is replayed`, async () => {
      const tenant = await createTenant(db);
      const { token } = await createApiToken(await scopeFor(tenant.userId), { name: "capture", scope: "write", clientIds: [], expiresOn: null });
      const document = { ...build(), asOf: today } as Record<string, unknown>;
      const accounts = (document.accounts as unknown[]).length;
      const post = (key?: string) =>
        callApi(postSnapshots, { method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("Nightly KK")}`, token, body: JSON.stringify(document), headers: key ? { "idempotency-key": key } : {} });
      const first = await post("nightly-1");
      expect(first.status, first.text.slice(0, 300)).toBe(200);
      expect(snapshotUpsertResultSchema.parse(first.json).accounts).toEqual({ created: accounts, updated: 0, unchanged: 0 });
      // A retry with the same key gets the first answer again, without running the upsert a second time.
      const retried = await post("nightly-1");
      expect([retried.text, retried.headers.get("idempotent-replayed")]).toEqual([first.text, "true"]);
      // The same document again, without a key: every account matched by external id and found unchanged,
      // so nothing is written (no audit event).
      const before = await db.auditEvent.count({ where: { orgId: tenant.orgId } });
      const second = await post();
      expect(second.status, second.text.slice(0, 300)).toBe(200);
      expect(snapshotUpsertResultSchema.parse(second.json).accounts).toEqual({ created: 0, updated: 0, unchanged: accounts });
      expect(await db.auditEvent.count({ where: { orgId: tenant.orgId } })).toBe(before);

      const exported = await callApi(exportSnapshot, { path: `/api/v1/snapshot?client=${encodeURIComponent("Nightly KK")}`, token });
      expect(exported.status).toBe(200);
      expect((exported.json as { asOf: string }).asOf.slice(0, 10)).toBe(today);
      const app = await heldByApp(token);
      const cli = cliAuditJson(exported.json);
      expect(fromAudit(cli)).toEqual(app);
      // One account's findings: the rules, subjects, order and remediation `audit --json` gives (the evidence
      // is the app's own sentence, which names people and devices by their labels rather than their ids).
      const comparable = (f: { rule: string; severity: string; subject: unknown; remediation: unknown }) => ({ rule: f.rule, severity: f.severity, subject: f.subject, remediation: f.remediation });
      for (const expected of cli.accounts.filter((a) => a.findings.length > 0).slice(0, 5)) {
        const detail = apiAccountDetailSchema.parse((await callApi(getAccount, { path: `/api/v1/accounts/${expected.id}`, params: { id: expected.id }, token })).json);
        expect(detail.findings.map(comparable)).toEqual(expected.findings.map(comparable));
      }
      const posted = await callApi(audit, { method: "POST", path: "/api/v1/audit", token, body: JSON.stringify(document) });
      expect(fromAudit(auditResultSchema.parse(posted.json))).toEqual(app);
    }, 180_000);
  }

  it("writes nothing for an invalid document and says where each problem is", async () => {
    const tenant = await createTenant(db);
    const { token } = await createApiToken(await scopeFor(tenant.userId), { name: "capture", scope: "write", clientIds: [], expiresOn: null });
    const document = generateSnapshot(3, 4, { asOf: today }) as unknown as { accounts: { storeName: unknown }[] };
    document.accounts[2].storeName = 42;
    const answer = await callApi(postSnapshots, { method: "POST", path: "/api/v1/snapshots", token, body: JSON.stringify(document) });
    expect([answer.status, errorCode(answer)]).toEqual([422, "invalid_snapshot"]);
    expect((answer.json as { error: { problems: { path: string }[] } }).error.problems.map((p) => p.path)).toContain("accounts[2].storeName");
    expect(await db.sellerAccount.count({ where: { orgId: tenant.orgId } })).toBe(0);
  });

  it("refuses, by path, a document the upsert cannot apply (a seller ID already held by another account) and writes nothing", async () => {
    const tenant = await createTenant(db);
    const { token } = await createApiToken(await scopeFor(tenant.userId), { name: "capture", scope: "write", clientIds: [], expiresOn: null });
    const post = (document: unknown) => callApi(postSnapshots, { method: "POST", path: "/api/v1/snapshots", token, body: JSON.stringify(document) });
    const first = generateSnapshot(2, 5, { asOf: today });
    expect((await post(first)).status).toBe(200);
    const held = first.accounts[0].sellerId!;
    // The first account (matched by its external id) given a new seller ID, and a new account claiming its old one.
    const second = { ...first, accounts: [{ ...first.accounts[0], sellerId: "A999999EXAMPLE" }, { ...first.accounts[1], id: "acc-new-claimant", sellerId: held }] };
    const before = await db.auditEvent.count({ where: { orgId: tenant.orgId } });
    const answer = await post(second);
    expect([answer.status, errorCode(answer)]).toEqual([422, "invalid_snapshot"]);
    const problems = (answer.json as { error: { problems: { path: string; message: string }[] } }).error.problems;
    expect(problems.map((p) => p.path)).toEqual(["accounts[1].sellerId"]);
    expect(problems[0].message).toContain(held);
    expect(await db.sellerAccount.count({ where: { orgId: tenant.orgId } })).toBe(2);
    expect(await db.auditEvent.count({ where: { orgId: tenant.orgId } })).toBe(before);
  });
});
