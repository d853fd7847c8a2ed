import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GET as listAccounts } from "@/app/api/v1/accounts/route";
import { POST as audit } from "@/app/api/v1/audit/route";
import { GET as listFindings } from "@/app/api/v1/findings/route";
import { GET as exportSnapshot } from "@/app/api/v1/snapshot/route";
import { POST as postSnapshots } from "@/app/api/v1/snapshots/route";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/db/api-tokens/tokens";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { generateSnapshot } from "@/lib/risk/generate";
import { accountListSchema } from "@/lib/validation/api";
import { callApi, errorCode } from "@/tests/support/api";
import { testDb } from "@/tests/support/db";
import { createTenant, importSnapshot, scopeFor } from "@/tests/support/factories";

// Tokens, the wrapper's rate limit, idempotency, body cap and lists, and the audit endpoint against
// the real `gatehouse audit --json`, on the run's throwaway database.
const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const bin = join(import.meta.dirname, "../../bin/gatehouse.mjs");

async function ownerWithToken(scope: "read" | "write" = "read", accounts = 3) {
  const tenant = await createTenant(db);
  const owner = await scopeFor(tenant.userId);
  await importSnapshot(db, tenant.orgId, generateSnapshot(accounts, 7, { asOf: today }));
  await recomputeOrganisations(db, { today, orgIds: [tenant.orgId] });
  const { token, id } = await createApiToken(owner, { name: "script", scope, clientIds: [], expiresOn: null });
  return { ...tenant, owner, token, tokenId: id };
}

/** What the command prints for this document, run as users run it. */
function cliAudit(document: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-api-audit-"));
  const file = join(dir, "snapshot.json");
  writeFileSync(file, JSON.stringify(document));
  const result = spawnSync(process.execPath, [bin, "audit", file, "--json"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" }, maxBuffer: 1 << 28 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

afterEach(() => {
  delete process.env.GATEHOUSE_API_RATE_LIMIT;
});

describe("API tokens", () => {
  it("are stored as a hash, listed with their last use and address, refused once revoked, and audited", async () => {
    const t = await ownerWithToken();
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: t.tokenId } });
    expect(stored.tokenHash).not.toContain(t.token.slice(3));
    expect(JSON.stringify(stored)).not.toContain(t.token);
    expect((await callApi(listAccounts, { path: "/api/v1/accounts", token: t.token, headers: { "x-forwarded-for": "198.51.100.4, 10.0.0.1" } })).status).toBe(200);
    const [listed] = await listApiTokens(t.owner);
    expect(listed).toMatchObject({ name: "script", scope: "read", lastUsedIp: "198.51.100.4", revokedAt: null });
    expect(listed.lastUsedAt).toBeInstanceOf(Date);

    await revokeApiToken(t.owner, t.tokenId);
    const refused = await callApi(listAccounts, { path: "/api/v1/accounts", token: t.token });
    expect([refused.status, errorCode(refused)]).toEqual([401, "unauthorized"]);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const events = await db.auditEvent.findMany({ where: { orgId: t.orgId, entityId: t.tokenId }, orderBy: { id: "asc" }, select: { action: true, after: true } });
    expect(events.map((e) => e.action)).toEqual(["apiToken.created", "apiToken.revoked", "apiToken.refused"]);
    expect(events[2].after).toMatchObject({ reason: "revoked", ip: "203.0.113.7" });
  });

  it("refuses an expiry that is not after today, and a client of another organisation, writing nothing", async () => {
    const t = await ownerWithToken();
    const other = await createTenant(db);
    const foreign = await db.client.create({ data: { orgId: other.orgId, name: "Theirs" } });
    await expect(createApiToken(t.owner, { name: "x", scope: "read", clientIds: [], expiresOn: today })).rejects.toMatchObject({ code: "INVALID_INPUT", details: { expiresOn: "validation.apiTokenExpiryPast" } });
    await expect(createApiToken(t.owner, { name: "x", scope: "read", clientIds: [foreign.id], expiresOn: null })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.apiToken.count({ where: { orgId: t.orgId } })).toBe(1);
  });

  it("answers Japanese messages to a caller that prefers Japanese", async () => {
    const answer = await callApi(listAccounts, { path: "/api/v1/accounts", token: null, headers: { "accept-language": "ja-JP,ja;q=0.9" } });
    expect(answer.status).toBe(401);
    expect((answer.json as { error: { message: string } }).error.message).toContain("APIトークン");
  });
});

describe("the /api/v1 wrapper", () => {
  it("limits requests per token and window (shared in PostgreSQL), answering 429 with Retry-After, audited once", async () => {
    const t = await ownerWithToken();
    process.env.GATEHOUSE_API_RATE_LIMIT = "3";
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await callApi(listAccounts, { path: "/api/v1/accounts", token: t.token });
      statuses.push(last.status);
    }
    // The window is one minute on the database's clock: 3 fit, unless the minute turned mid-loop.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(last!.status).toBe(429);
    expect(errorCode(last!)).toBe("rate_limited");
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(last!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const refusals = await db.auditEvent.count({ where: { orgId: t.orgId, action: "apiToken.refused", entityId: t.tokenId } });
    expect(refusals).toBeGreaterThanOrEqual(1);
    expect(refusals).toBeLessThan(statuses.filter((s) => s === 429).length + 1);
  });

  it("replays a POST's answer for the same Idempotency-Key and body, refuses the key with another body", async () => {
    const t = await ownerWithToken();
    const body = JSON.stringify(generateSnapshot(2, 3, { asOf: today }));
    const first = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body, headers: { "idempotency-key": "run-1" } });
    const again = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body, headers: { "idempotency-key": "run-1" } });
    expect(first.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body: JSON.stringify(generateSnapshot(2, 4, { asOf: today })), headers: { "idempotency-key": "run-1" } });
    expect([other.status, errorCode(other)]).toEqual([422, "invalid_request"]);
    const bad = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body, headers: { "idempotency-key": "has space" } });
    expect([bad.status, errorCode(bad)]).toEqual([422, "invalid_request"]);
    // A key is the token's own: another token of the organisation may use the same one.
    const second = await createApiToken(t.owner, { name: "second", scope: "read", clientIds: [], expiresOn: null });
    const theirs = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: second.token, body: JSON.stringify(generateSnapshot(1, 9, { asOf: today })), headers: { "idempotency-key": "run-1" } });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  it("answers 409 while the first request with a key is still running", async () => {
    const t = await ownerWithToken();
    const body = JSON.stringify(generateSnapshot(1, 3, { asOf: today }));
    const { claimIdempotencyKey } = await import("@/lib/db/api-tokens/idempotency");
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update("POST /api/v1/audit\n").update(body).digest("hex");
    expect(await claimIdempotencyKey({ orgId: t.orgId }, t.tokenId, "slow", hash)).toEqual({ kind: "new" });
    const during = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body, headers: { "idempotency-key": "slow" } });
    expect([during.status, errorCode(during)]).toEqual([409, "conflict"]);
  });

  it("refuses bodies over the cap with too_large, by declared length and while streaming", async () => {
    const t = await ownerWithToken();
    const declared = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body: "{}", headers: { "content-length": String(21 * 1024 * 1024) } });
    expect([declared.status, errorCode(declared)]).toEqual([413, "too_large"]);
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => (sent++ < 25 ? c.enqueue(chunk) : c.close()) }, { highWaterMark: 0 });
    const streamed = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body: stream });
    expect([streamed.status, errorCode(streamed)]).toEqual([413, "too_large"]);
    expect(sent).toBeLessThan(25);
  });

  it("pages lists with opaque cursors (limit 1–500, default 100) and refuses a forged cursor", async () => {
    const t = await ownerWithToken("read", 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await callApi(listAccounts, { path: `/api/v1/accounts?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, token: t.token });
      const page = accountListSchema.parse(answer.json);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((a) => a.id));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const all = accountListSchema.parse((await callApi(listAccounts, { path: "/api/v1/accounts", token: t.token })).json);
    expect(all.data.map((a) => a.id)).toEqual(seen);
    expect(all.next).toBeNull();
    for (const bad of ["limit=0", "limit=501", "limit=abc", "cursor=forged"]) {
      const answer = await callApi(listAccounts, { path: `/api/v1/accounts?${bad}`, token: t.token });
      expect([answer.status, errorCode(answer)], bad).toEqual([422, "invalid_request"]);
      expect((answer.json as { error: { problems: { path: string }[] } }).error.problems[0].path).toMatch(/^query\./);
    }
    const findings = await callApi(listFindings, { path: "/api/v1/findings?status=open&severity=high&limit=500", token: t.token });
    expect(findings.status).toBe(200);
    for (const f of (findings.json as { data: { status: string; severity: string }[] }).data) expect([f.status, f.severity]).toEqual(["open", "high"]);
  });
});

describe("query parameters an endpoint does not read", () => {
  type Refusal = { error: { code: string; message: string; problems: { path: string; message: string }[] } };

  it("are refused with invalid_request naming each one, on the lists and the snapshot alike; documented ones still work", async () => {
    const t = await ownerWithToken();
    const refusals: [typeof listAccounts, string, string[]][] = [
      [listAccounts, "/api/v1/accounts?limit=2&utm_source=cron", ["query.utm_source"]],
      [listFindings, "/api/v1/findings?severty=critical&status=open", ["query.severty"]],
      [exportSnapshot, "/api/v1/snapshot?clinet=Acme", ["query.clinet"]],
    ];
    for (const [handler, path, named] of refusals) {
      const answer = await callApi(handler, { path, token: t.token });
      expect([answer.status, errorCode(answer)], path).toEqual([422, "invalid_request"]);
      expect((answer.json as Refusal).error.problems.map((p) => p.path), path).toEqual(named);
      // The answer carries no record: nothing was read.
      expect(answer.json, path).not.toHaveProperty("data");
    }
    // A documented parameter given twice is refused, not resolved to its last value.
    const twice = await callApi(listAccounts, { path: "/api/v1/accounts?limit=2&limit=3", token: t.token });
    expect([twice.status, errorCode(twice)]).toEqual([422, "invalid_request"]);
    expect((twice.json as Refusal).error.problems).toEqual([{ path: "query.limit", message: "This parameter is given 2 times. Nothing was read or changed. Give it once." }]);
    expect(twice.json).not.toHaveProperty("data");
    const typo = (await callApi(listFindings, { path: "/api/v1/findings?severty=critical", token: t.token })).json as Refusal;
    expect(typo.error.message).toBe("The query holds a parameter this endpoint does not read: severty. Nothing was read or changed. The parameters it reads are in /api/v1/openapi.json.");
    expect(typo.error.problems[0].message).toBe("This endpoint has no parameter of that name. If you meant severity, correct the name.");
    const ja = await callApi(listAccounts, { path: "/api/v1/accounts?utm_source=cron&x=1", token: t.token, headers: { "accept-language": "ja" } });
    expect((ja.json as Refusal).error).toMatchObject({
      message: "このエンドポイントが読まないクエリパラメータが2件あります: utm_source, x。何も読み取り・変更していません。使えるパラメータは /api/v1/openapi.json にあります。",
      problems: [{ path: "query.utm_source", message: "このエンドポイントにこの名前のパラメータはありません。" }, { path: "query.x", message: "このエンドポイントにこの名前のパラメータはありません。" }],
    });
    // Every documented parameter is still read (`account` names one of the token's: an id of none is 404, decision 093).
    const [own] = accountListSchema.parse((await callApi(listAccounts, { path: "/api/v1/accounts?limit=1", token: t.token })).json).data;
    for (const [handler, path] of [
      [listAccounts, "/api/v1/accounts?limit=2"], [listFindings, `/api/v1/findings?status=open&severity=high&account=${encodeURIComponent(own.id)}&limit=5`], [exportSnapshot, "/api/v1/snapshot"],
    ] as const) expect((await callApi(handler, { path, token: t.token })).status, path).toBe(200);
    const page = accountListSchema.parse((await callApi(listAccounts, { path: "/api/v1/accounts?limit=1", token: t.token })).json);
    expect((await callApi(listAccounts, { path: `/api/v1/accounts?limit=1&cursor=${encodeURIComponent(page.next!)}`, token: t.token })).status).toBe(200);
  });

  it("refuse a write before anything is written, and name the first five, counting the rest", async () => {
    const t = await ownerWithToken("write", 1);
    const before = await db.sellerAccount.count({ where: { orgId: t.orgId } });
    const document = generateSnapshot(2, 3, { asOf: today });
    const posted = await callApi(postSnapshots, { method: "POST", path: "/api/v1/snapshots?clinet=Acme", token: t.token, body: JSON.stringify(document) });
    expect([posted.status, errorCode(posted)]).toEqual([422, "invalid_request"]);
    expect(await db.sellerAccount.count({ where: { orgId: t.orgId } })).toBe(before);
    const many = await callApi(listAccounts, { path: `/api/v1/accounts?${Array.from({ length: 8 }, (_, i) => `p${i}=1`).join("&")}`, token: t.token });
    const refusal = (many.json as Refusal).error;
    expect(refusal.problems.map((p) => p.path)).toEqual(["query.p0", "query.p1", "query.p2", "query.p3", "query.p4"]);
    expect(refusal.message).toContain("8 parameters this endpoint does not read: p0, p1, p2, p3, p4 (+3).");
  });
});

describe("POST /api/v1/audit", () => {
  it("answers byte for byte what `gatehouse audit --json` prints, on the demo and on generated portfolios", async () => {
    const t = await ownerWithToken();
    const documents = [buildDemoPortfolio(today).snapshot, generateSnapshot(150, 11, { asOf: "2026-11-23" }), { ...generateSnapshot(60, 5) }, generateSnapshot(1, 2)];
    // One without asOf: both sides then evaluate as of today.
    delete (documents[3] as { asOf?: string }).asOf;
    for (const document of documents) {
      const answer = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body: JSON.stringify(document) });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(answer.text).toBe(cliAudit(document));
    }
  });

  it("refuses an invalid snapshot with problems by JSON path, and JSON that does not parse", async () => {
    const t = await ownerWithToken();
    const broken = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body: JSON.stringify({ format: "gatehouse.snapshot/v1", accounts: [{ id: 3 }] }) });
    expect([broken.status, errorCode(broken)]).toEqual([422, "invalid_snapshot"]);
    expect((broken.json as { error: { problems: { path: string }[] } }).error.problems.map((p) => p.path)).toContain("accounts[0].id");
    const notJson = await callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body: "{oops" });
    expect([notJson.status, errorCode(notJson)]).toEqual([422, "invalid_snapshot"]);
    expect((notJson.json as { error: { problems: { path: string }[] } }).error.problems[0].path).toBe("(root)");
  });
});

describe("stored Idempotency-Key answers", () => {
  it("expire after 24 hours: the key then runs the request again, and the token's old keys are dropped", async () => {
    const t = await ownerWithToken();
    const body = JSON.stringify(generateSnapshot(1, 3, { asOf: today }));
    const call = () => callApi(audit, { method: "POST", path: "/api/v1/audit", token: t.token, body, headers: { "idempotency-key": "daily" } });
    expect((await call()).headers.get("idempotent-replayed")).toBeNull();
    await db.apiIdempotencyKey.create({ data: { tokenId: t.tokenId, key: "ancient", orgId: t.orgId, requestHash: "x", status: 200, body: "{}", createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    await db.apiIdempotencyKey.update({ where: { tokenId_key: { tokenId: t.tokenId, key: "daily" } }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const again = await call();
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await db.apiIdempotencyKey.findMany({ where: { tokenId: t.tokenId }, select: { key: true } })).toEqual([{ key: "daily" }]);
  });
});
