import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAccount } from "@/app/api/v1/accounts/[id]/route";
import { GET as listAccounts } from "@/app/api/v1/accounts/route";
import { POST as audit } from "@/app/api/v1/audit/route";
import { GET as listFindings } from "@/app/api/v1/findings/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as exportSnapshot } from "@/app/api/v1/snapshot/route";
import { POST as postSnapshots } from "@/app/api/v1/snapshots/route";
import { generateApiToken } from "@/lib/api/token";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens/tokens";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { addDays } from "@/lib/dates";
import { accountListSchema, apiAccountDetailSchema, auditResultSchema, findingListSchema, snapshotUpsertResultSchema } from "@/lib/validation/api";
import { parseSnapshot, type SnapshotInput } from "@/lib/validation/snapshot";
import { callApi, type ApiAnswer, type RouteHandler } from "@/tests/support/api";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { writeSnapshot } from "@/lib/db/snapshot-import";
import { snapshotSchema } from "@/lib/validation/snapshot";

// The API's authorisation matrix (../shared/API.md): every endpoint × every kind of token (none, a
// malformed, an unknown, a revoked and an expired one, read, write, read and write restricted to one
// client, another organisation's read and write) × the caller's own ids, ids of another client and
// another organisation's ids, each in Japanese and English — against the real route handlers and
// database. Expectations come from the documented rules below, not from recorded answers.

const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const ago = (n: number) => addDays(today, -n);

type Kind = "none" | "malformed" | "unknown" | "revoked" | "expired" | "readKumo" | "writeKumo" | "read" | "write" | "otherRead" | "otherWrite";
// Restricted tokens before unrestricted ones: a write by the unrestricted token must not change what a restricted one is asked about.
const KINDS: Kind[] = ["none", "malformed", "unknown", "revoked", "expired", "readKumo", "writeKumo", "read", "write", "otherRead", "otherWrite"];
const INVALID: Kind[] = ["none", "malformed", "unknown", "revoked", "expired"];
const restricted = (k: Kind) => k === "readKumo" || k === "writeKumo";
const other = (k: Kind) => k === "otherRead" || k === "otherWrite";
const writes = (k: Kind) => k === "write" || k === "writeKumo" || k === "otherWrite";

/** What each kind of token sees of the accounts (external ids). */
const VISIBLE: Record<"own" | "kumo" | "other", string[]> = { own: ["acc-kumo", "acc-none", "acc-sora"], kumo: ["acc-kumo"], other: ["acc-kumo", "acc-other"] };
const visibleTo = (k: Kind) => (other(k) ? VISIBLE.other : restricted(k) ? VISIBLE.kumo : VISIBLE.own);

interface Outcome {
  status: number;
  code?: string;
  /** For 200: what the body must show (shape and tenancy). */
  check?: (answer: ApiAnswer, kind: Kind) => void;
}

interface Case {
  name: string;
  handler: RouteHandler;
  method?: "GET" | "POST";
  path: string;
  params?: Record<string, string>;
  body?: (kind: Kind) => string;
  headers?: Record<string, string>;
  access: "none" | "read" | "write";
  /** The answer for a valid token allowed to use the endpoint. */
  expect: (kind: Kind) => Outcome;
}

function person(id: string, name: string) {
  return { id, name, external: false, company: "Shop KK", departedAt: null };
}
function account(id: string, storeName: string): SnapshotInput["accounts"][number] {
  return {
    id, storeName, sellerId: `A${randomUUID().slice(0, 10).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: ago(200),
    logins: [
      { id: "primary", role: "PRIMARY", email: `${id}@shop.example`, personId: "p-owner", status: "ACTIVE", lastLoginAt: ago(2), passwordChangedAt: ago(400), twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone", phoneLast4: "1234" }] },
      { id: "helper", role: "SECONDARY", email: `helper-${id}@shop.example`, personId: "p-helper", status: "ACTIVE", lastLoginAt: ago(150), acceptedAt: ago(300), invitedAt: ago(301), twoStep: [] },
    ],
  };
}
const document = (accounts: SnapshotInput["accounts"]): SnapshotInput => ({
  format: "gatehouse.snapshot/v1",
  people: [person("p-owner", "Owner"), person("p-helper", "Helper")],
  devices: [{ id: "d-phone", kind: "PHONE", label: "Phone", holderId: "p-owner", skipOtpOnBrowser: false }],
  accounts,
});

async function organisation(name: string, accounts: { id: string; storeName: string; client: string | null }[]) {
  const tenant = await createTenant(db, { name });
  const clients = new Map<string, string>();
  for (const a of accounts) if (a.client && !clients.has(a.client)) clients.set(a.client, (await db.client.create({ data: { orgId: tenant.orgId, name: a.client } })).id);
  const snapshot = snapshotSchema.parse(document(accounts.map((a) => account(a.id, a.storeName))));
  const clientOf = new Map(accounts.map((a) => [a.id, a.client ? clients.get(a.client)! : null]));
  const ids = new Map<string, string>();
  const idFor = (kind: string, id: string) => ids.get(`${kind}:${id}`) ?? ids.set(`${kind}:${id}`, randomUUID()).get(`${kind}:${id}`)!;
  // External ids are the snapshot's own (writeSnapshot's default), so both organisations can hold "acc-kumo".
  await db.$transaction((tx) => writeSnapshot(tx, tenant.orgId, snapshot, { idFor, source: "IMPORT", clientIdFor: (id) => clientOf.get(id) ?? null }));
  await recomputeOrganisations(db, { today, orgIds: [tenant.orgId] });
  return { ...tenant, owner: await scopeFor(tenant.userId), clients };
}

const tokens = new Map<Kind, string | null>();
let soraSellerId = "";

beforeAll(async () => {
  const own = await organisation("Matrix Agency", [
    { id: "acc-kumo", storeName: "Kumo Store", client: "Kumo KK" },
    { id: "acc-sora", storeName: "Sora Store", client: "Sora KK" },
    { id: "acc-none", storeName: "Loose Store", client: null },
  ]);
  // A client of our own with no account: its list is empty, and that is an answer (200), not a 404.
  await db.client.create({ data: { orgId: own.orgId, name: "Empty KK" } });
  soraSellerId = (await db.sellerAccount.findFirstOrThrow({ where: { orgId: own.orgId, externalId: "acc-sora" }, select: { sellerId: true } })).sellerId!;
  // The other organisation has an account with the same external id as ours, and one of its own.
  const theirs = await organisation("Other Agency", [
    { id: "acc-kumo", storeName: "Other Kumo", client: null },
    { id: "acc-other", storeName: "Other Store", client: "Their Client" },
  ]);
  const make = async (scope: typeof own.owner, s: "read" | "write", clientIds: string[] = []) => (await createApiToken(scope, { name: `t-${s}-${clientIds.join("-") || "all"}`, scope: s, clientIds, expiresOn: null })).token;
  const kumo = own.clients.get("Kumo KK")!;
  tokens.set("none", null);
  tokens.set("malformed", "gh_not-a-token");
  tokens.set("unknown", generateApiToken());
  const revoked = await createApiToken(own.owner, { name: "revoked", scope: "write", clientIds: [], expiresOn: null });
  await revokeApiToken(own.owner, revoked.id);
  tokens.set("revoked", revoked.token);
  const expired = await createApiToken(own.owner, { name: "expired", scope: "write", clientIds: [], expiresOn: addDays(today, 1) });
  await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tokens.set("expired", expired.token);
  tokens.set("read", await make(own.owner, "read"));
  tokens.set("write", await make(own.owner, "write"));
  tokens.set("readKumo", await make(own.owner, "read", [kumo]));
  tokens.set("writeKumo", await make(own.owner, "write", [kumo]));
  tokens.set("otherRead", await make(theirs.owner, "read"));
  tokens.set("otherWrite", await make(theirs.owner, "write"));
}, 120_000);

const ok = (check?: Outcome["check"]): Outcome => ({ status: 200, check });
const err = (status: number, code: string): Outcome => ({ status, code });
const json = <T>(a: ApiAnswer) => a.json as T;

const accountsCheck: Outcome["check"] = (answer, kind) => expect(accountListSchema.parse(answer.json).data.map((a) => a.id).sort()).toEqual(visibleTo(kind));
const findingsIn = (answer: ApiAnswer) => findingListSchema.parse(answer.json).data.map((f) => f.account);
const snapshotOf = (answer: ApiAnswer) => {
  const parsed = parseSnapshot(answer.json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.snapshot;
};

const CASES: Case[] = [
  { name: "openapi", handler: openapi, path: "/api/v1/openapi.json", access: "none", expect: () => ok((a) => expect(json<{ openapi: string }>(a).openapi).toBe("3.1.0")) },
  { name: "accounts", handler: listAccounts, path: "/api/v1/accounts", access: "read", expect: () => ok(accountsCheck) },
  { name: "accounts paged", handler: listAccounts, path: "/api/v1/accounts?limit=1", access: "read", expect: () => ok((a) => expect(accountListSchema.parse(a.json).data).toHaveLength(1)) },
  // A client the token cannot reach is 404, whichever way it is out of reach, never an empty list (decision 093).
  { name: "accounts of a client", handler: listAccounts, path: `/api/v1/accounts?client=${encodeURIComponent("Sora KK")}`, access: "read",
    expect: (k) => (k === "read" || k === "write" ? ok((a) => expect(accountListSchema.parse(a.json).data.map((x) => x.id)).toEqual(["acc-sora"])) : err(404, "not_found")) },
  { name: "accounts of the token's own client", handler: listAccounts, path: `/api/v1/accounts?client=${encodeURIComponent("Kumo KK")}`, access: "read",
    expect: (k) => (other(k) ? err(404, "not_found") : ok((a) => expect(accountListSchema.parse(a.json).data.map((x) => x.id)).toEqual(["acc-kumo"]))) },
  { name: "accounts of a client without accounts", handler: listAccounts, path: `/api/v1/accounts?client=${encodeURIComponent("Empty KK")}`, access: "read",
    expect: (k) => (k === "read" || k === "write" ? ok((a) => expect(accountListSchema.parse(a.json)).toEqual({ data: [], next: null })) : err(404, "not_found")) },
  { name: "accounts of another organisation's client", handler: listAccounts, path: `/api/v1/accounts?client=${encodeURIComponent("Their Client")}`, access: "read",
    expect: (k) => (other(k) ? ok((a) => expect(accountListSchema.parse(a.json).data.map((x) => x.id)).toEqual(["acc-other"])) : err(404, "not_found")) },
  { name: "accounts of no such client", handler: listAccounts, path: `/api/v1/accounts?client=${encodeURIComponent("Nobody KK")}`, access: "read", expect: () => err(404, "not_found") },
  { name: "accounts limit=0", handler: listAccounts, path: "/api/v1/accounts?limit=0", access: "read", expect: () => err(422, "invalid_request") },
  { name: "accounts forged cursor", handler: listAccounts, path: "/api/v1/accounts?cursor=forged", access: "read", expect: () => err(422, "invalid_request") },
  { name: "own account", handler: getAccount, path: "/api/v1/accounts/acc-kumo", params: { id: "acc-kumo" }, access: "read",
    expect: (k) => ok((a) => expect(apiAccountDetailSchema.parse(a.json).storeName).toBe(other(k) ? "Other Kumo" : "Kumo Store")) },
  { name: "another client's account", handler: getAccount, path: "/api/v1/accounts/acc-sora", params: { id: "acc-sora" }, access: "read",
    expect: (k) => (restricted(k) || other(k) ? err(404, "not_found") : ok((a) => expect(apiAccountDetailSchema.parse(a.json).findings.length).toBeGreaterThan(0))) },
  { name: "another organisation's account", handler: getAccount, path: "/api/v1/accounts/acc-other", params: { id: "acc-other" }, access: "read",
    expect: (k) => (other(k) ? ok((a) => expect(apiAccountDetailSchema.parse(a.json).id).toBe("acc-other")) : err(404, "not_found")) },
  { name: "no such account", handler: getAccount, path: "/api/v1/accounts/acc-missing", params: { id: "acc-missing" }, access: "read", expect: () => err(404, "not_found") },
  { name: "over-long account id", handler: getAccount, path: `/api/v1/accounts/${"x".repeat(201)}`, params: { id: "x".repeat(201) }, access: "read", expect: () => err(404, "not_found") },
  { name: "findings", handler: listFindings, path: "/api/v1/findings?limit=500", access: "read",
    expect: (k) => ok((a) => expect([...new Set(findingsIn(a))].sort()).toEqual(visibleTo(k))) },
  // An account the token cannot reach is 404, as GET /accounts/{id} answers it, never an empty list (decision 093).
  { name: "findings of another client's account", handler: listFindings, path: "/api/v1/findings?account=acc-sora", access: "read",
    expect: (k) => (restricted(k) || other(k) ? err(404, "not_found") : ok((a) => expect([...new Set(findingsIn(a))]).toEqual(["acc-sora"]))) },
  { name: "findings of another organisation's account", handler: listFindings, path: "/api/v1/findings?account=acc-other", access: "read",
    expect: (k) => (other(k) ? ok((a) => expect([...new Set(findingsIn(a))]).toEqual(["acc-other"])) : err(404, "not_found")) },
  { name: "findings of no such account", handler: listFindings, path: "/api/v1/findings?account=acc-missing", access: "read", expect: () => err(404, "not_found") },
  // A reachable account with nothing matching still answers an empty list.
  { name: "findings of an own account, none matching", handler: listFindings, path: "/api/v1/findings?account=acc-kumo&status=resolved", access: "read",
    expect: () => ok((a) => expect(findingListSchema.parse(a.json)).toEqual({ data: [], next: null })) },
  { name: "findings filtered", handler: listFindings, path: "/api/v1/findings?status=open&severity=critical", access: "read",
    expect: () => ok((a) => expect(findingListSchema.parse(a.json).data.every((f) => f.status === "open" && f.severity === "critical")).toBe(true)) },
  { name: "findings bad status", handler: listFindings, path: "/api/v1/findings?status=bogus", access: "read", expect: () => err(422, "invalid_request") },
  { name: "findings limit=501", handler: listFindings, path: "/api/v1/findings?limit=501", access: "read", expect: () => err(422, "invalid_request") },
  // A parameter the endpoint does not read is refused, not ignored (decision 075): after the token, like any bad query.
  { name: "accounts unknown parameter", handler: listAccounts, path: "/api/v1/accounts?utm_source=cron", access: "read", expect: () => err(422, "invalid_request") },
  { name: "findings misspelt filter", handler: listFindings, path: "/api/v1/findings?severty=critical", access: "read", expect: () => err(422, "invalid_request") },
  { name: "snapshot misspelt client", handler: exportSnapshot, path: `/api/v1/snapshot?clinet=${encodeURIComponent("Sora KK")}`, access: "read", expect: () => err(422, "invalid_request") },
  { name: "snapshots misspelt client", handler: postSnapshots, method: "POST", path: `/api/v1/snapshots?clinet=${encodeURIComponent("Kumo KK")}`, body: () => JSON.stringify(document([account(`acc-new-${randomUUID()}`, "Never Written")])), access: "write", expect: () => err(422, "invalid_request") },
  { name: "snapshot", handler: exportSnapshot, path: "/api/v1/snapshot", access: "read",
    expect: (k) => ok((a) => expect(snapshotOf(a).accounts.map((x) => x.id).sort()).toEqual(visibleTo(k))) },
  { name: "snapshot of another client", handler: exportSnapshot, path: `/api/v1/snapshot?client=${encodeURIComponent("Sora KK")}`, access: "read",
    expect: (k) => (restricted(k) || other(k) ? err(404, "not_found") : ok((a) => expect(snapshotOf(a).accounts.map((x) => x.id)).toEqual(["acc-sora"]))) },
  { name: "snapshot of another organisation's client", handler: exportSnapshot, path: `/api/v1/snapshot?client=${encodeURIComponent("Their Client")}`, access: "read",
    expect: (k) => (other(k) ? ok((a) => expect(snapshotOf(a).accounts.map((x) => x.id)).toEqual(["acc-other"])) : err(404, "not_found")) },
  { name: "snapshot empty client", handler: exportSnapshot, path: "/api/v1/snapshot?client=", access: "read", expect: () => err(422, "invalid_request") },
  { name: "audit", handler: audit, method: "POST", path: "/api/v1/audit", body: () => JSON.stringify(document([account("acc-x", "X")])), access: "read",
    expect: () => ok((a) => expect(auditResultSchema.parse(a.json).accounts.map((x) => x.id)).toEqual(["acc-x"])) },
  { name: "audit invalid", handler: audit, method: "POST", path: "/api/v1/audit", body: () => JSON.stringify({ format: "gatehouse.snapshot/v1", accounts: "no" }), access: "read", expect: () => err(422, "invalid_snapshot") },
  { name: "audit bad idempotency key", handler: audit, method: "POST", path: "/api/v1/audit", body: () => "{}", headers: { "idempotency-key": "" }, access: "read", expect: () => err(422, "invalid_request") },
  // Writes last (GETs above must not see their effects), restricted tokens before the unrestricted ones.
  { name: "snapshots under own client", handler: postSnapshots, method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("Kumo KK")}`, body: () => JSON.stringify(document([account("acc-kumo", "Kumo Store")])), access: "write",
    // The account each organisation already has is matched by its external id and updated (account() gives it a new seller ID).
    expect: () => ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts).toEqual({ created: 0, updated: 1, unchanged: 0 })) },
  { name: "snapshots under another client", handler: postSnapshots, method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("Sora KK")}`, body: () => JSON.stringify(document([account(`acc-new-${randomUUID()}`, "New Sora")])), access: "write",
    expect: (k) => (restricted(k) ? err(404, "not_found") : ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts.created).toBe(1))) },
  { name: "snapshots without a client", handler: postSnapshots, method: "POST", path: "/api/v1/snapshots", body: () => JSON.stringify(document([account(`acc-new-${randomUUID()}`, "New Loose")])), access: "write",
    expect: (k) => (restricted(k) ? err(403, "forbidden") : ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts.created).toBe(1))) },
  { name: "snapshots invalid", handler: postSnapshots, method: "POST", path: "/api/v1/snapshots", body: () => JSON.stringify({ format: "gatehouse.snapshot/v1", accounts: [{}] }), access: "write",
    // The document is checked before the client restriction: its problems are worth more to the caller.
    expect: () => err(422, "invalid_snapshot") },
  // The upsert also matches an account by seller ID (records from before external ids): a restricted token may not
  // reach another client's account that way either. Unrestricted tokens post a new account of their own here.
  { name: "snapshots claiming another client's account by seller ID", handler: postSnapshots, method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("Kumo KK")}`,
    body: (k) => JSON.stringify(document([{ ...account(`acc-${randomUUID()}`, "Sora Twin"), ...(restricted(k) ? { sellerId: soraSellerId } : {}) }])), access: "write",
    expect: (k) => (restricted(k) ? err(403, "forbidden") : ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts).toEqual({ created: 1, updated: 0, unchanged: 0 }))) },
  { name: "snapshots moving another client's account", handler: postSnapshots, method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("Kumo KK")}`, body: (k) => JSON.stringify(document([account(other(k) ? `acc-${randomUUID()}` : "acc-sora", "Sora Store")])), access: "write",
    expect: (k) => (restricted(k) ? err(403, "forbidden") : other(k) ? ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts.created).toBe(1)) : ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts).toEqual({ created: 0, updated: 1, unchanged: 0 }))) },
  { name: "snapshots taking an account of no client", handler: postSnapshots, method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("Kumo KK")}`, body: (k) => JSON.stringify(document([account(other(k) ? `acc-${randomUUID()}` : "acc-none", "Loose Store")])), access: "write",
    expect: (k) => (restricted(k) ? err(403, "forbidden") : other(k) ? ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts.created).toBe(1)) : ok((a) => expect(snapshotUpsertResultSchema.parse(a.json).accounts).toEqual({ created: 0, updated: 1, unchanged: 0 }))) },
];

function expected(c: Case, kind: Kind): Outcome {
  if (c.access === "none") return c.expect(kind);
  if (INVALID.includes(kind)) return err(401, "unauthorized");
  if (c.access === "write" && !writes(kind)) return err(403, "forbidden");
  return c.expect(kind);
}

describe("a list filter naming what the token cannot reach (decision 093)", () => {
  it("answers another organisation's or another client's real id exactly as an id nobody has: the same 404, the same body", async () => {
    const pairs: [Kind, RouteHandler, string, string][] = [
      ["read", listFindings, "/api/v1/findings?account=acc-other", "/api/v1/findings?account=acc-missing"],
      ["readKumo", listFindings, "/api/v1/findings?account=acc-sora", "/api/v1/findings?account=acc-missing"],
      ["read", listAccounts, `/api/v1/accounts?client=${encodeURIComponent("Their Client")}`, `/api/v1/accounts?client=${encodeURIComponent("Nobody KK")}`],
      ["readKumo", listAccounts, `/api/v1/accounts?client=${encodeURIComponent("Sora KK")}`, `/api/v1/accounts?client=${encodeURIComponent("Nobody KK")}`],
    ];
    for (const [kind, handler, real, missing] of pairs) {
      for (const language of ["ja", "en"] as const) {
        const call = (path: string) => callApi(handler, { path, token: tokens.get(kind), headers: { "accept-language": language } });
        const [a, b] = [await call(real), await call(missing)];
        expect([a.status, a.text], `${kind} ${real} ${language}`).toEqual([b.status, b.text]);
        expect(a.status).toBe(404);
        expect(a.json).toEqual({ error: { code: "not_found", message: language === "ja" ? "見つかりません。" : "Not found." } });
      }
    }
  });
});

describe("/api/v1 authorisation matrix", () => {
  it("covers every route handler", () => {
    const handlers = new Set(CASES.map((c) => c.handler));
    expect(handlers.size).toBe(7);
  });

  it(`answers every endpoint × token × ids × language as documented (${CASES.length * KINDS.length * 2} cases)`, async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const c of CASES) {
      for (const kind of KINDS) {
        const want = expected(c, kind);
        for (const language of ["ja", "en"] as const) {
          cases++;
          const answer = await callApi(c.handler, { method: c.method, path: c.path, params: c.params, token: tokens.get(kind), body: c.body?.(kind), headers: { "accept-language": language, ...c.headers } });
          const label = `${c.name} × ${kind} × ${language}`;
          const body = answer.json as { error?: { code: string; message: string; problems?: unknown[] } } | undefined;
          if (answer.status !== want.status) {
            failures.push(`${label}: expected ${want.status}, got ${answer.status} ${answer.text.slice(0, 200)}`);
            continue;
          }
          if (want.code) {
            if (body?.error?.code !== want.code) failures.push(`${label}: expected code ${want.code}, got ${answer.text.slice(0, 200)}`);
            else if (language === "ja" && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(body.error.message)) failures.push(`${label}: message not in Japanese: ${body.error.message}`);
            else if (language === "en" && /[\u3040-\u30ff\u4e00-\u9fff]/.test(body.error.message)) failures.push(`${label}: message not in English: ${body.error.message}`);
            else if ((want.status === 422) !== Array.isArray(body.error.problems)) failures.push(`${label}: problems present iff 422`);
          } else {
            try {
              want.check?.(answer, kind);
            } catch (error) {
              failures.push(`${label}: ${(error as Error).message.slice(0, 300)}`);
            }
          }
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(500);
    expect(failures).toEqual([]);
  }, 600_000);
});
