// `npm run bench:api`: what /api/v1 costs per request, as figures (not a test). Loads BENCH_API_ACCOUNTS
// generated accounts (default 5,000) into one organisation of a throwaway database on TEST_DATABASE_URL,
// then calls the real route handlers (wrapper, token check, rate limit, scoped SQL) sequentially, with
// no HTTP server in between: first pages and deep pages of /accounts and /findings at 100 and 500
// rows, one account, and POST /audit of a 1,000-account snapshot. Prints p50/p95 and requests/s.
import { performance } from "node:perf_hooks";
import { bulkLoadSnapshot } from "@/lib/db/bulk-load";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { syncToolCatalogue } from "@/lib/db/tools";
import { unsafeCreateApiTokenForOrganisation } from "@/lib/db/api-tokens/tokens";
import { generateSnapshot } from "@/lib/risk/generate";
import { createThrowawayDatabase } from "@/tests/support/test-database";

const ACCOUNTS = Number(process.env.BENCH_API_ACCOUNTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 200);
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error("Set TEST_DATABASE_URL to a local PostgreSQL (a throwaway database is made and dropped)");
const today = new Date().toISOString().slice(0, 10);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const database = await createThrowawayDatabase(adminUrl, "gatehouse_benchapi");
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.GATEHOUSE_API_RATE_LIMIT = "1000000"; // measure the work, not the refusals
  const db = createDb(database.url);
  await syncToolCatalogue(db);
  const org = await db.organization.create({ data: { name: "Bench API Agency" } });
  const user = await db.user.create({ data: { email: "bench-api@gatehouse.example", name: "Bench", passwordHash: "x" } });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
  await bulkLoadSnapshot(db, org.id, generateSnapshot(ACCOUNTS, 42, { asOf: today }), { idPrefix: "b-" });
  await recomputeOrganisations({ connectionString: database.url }, { today, orgIds: [org.id] });
  await db.$executeRawUnsafe("ANALYZE");
  const created = await unsafeCreateApiTokenForOrganisation(db, { orgName: org.name, name: "bench", scope: "read" });
  if (!created.ok) throw new Error(created.problem);
  const token = created.token;

  const { GET: accounts } = await import("@/app/api/v1/accounts/route");
  const { GET: findings } = await import("@/app/api/v1/findings/route");
  const { GET: account } = await import("@/app/api/v1/accounts/[id]/route");
  const { POST: audit } = await import("@/app/api/v1/audit/route");
  const headers = { authorization: `Bearer ${token}`, "x-forwarded-for": "127.0.0.1" };
  const firstId = ((await (await accounts(new Request("http://b/api/v1/accounts?limit=1", { headers }))).json()) as { data: { id: string }[] }).data[0].id;
  const deep = async (handler: typeof accounts, path: string) => {
    // The cursor of the page after the first 90 % of rows: a deep keyset page.
    let url = `${path}${path.includes("?") ? "&" : "?"}limit=500`;
    let next: string | null = null;
    const total = path.includes("findings") ? Number((await db.finding.count({ where: { orgId: org.id } })) * 0.9) : ACCOUNTS * 0.9;
    for (let seen = 0; seen < total; seen += 500) {
      const page = (await (await handler(new Request(`http://b${url}`, { headers }))).json()) as { next: string | null };
      if (!page.next) break;
      next = page.next;
      url = `${path}${path.includes("?") ? "&" : "?"}limit=500&cursor=${encodeURIComponent(page.next)}`;
    }
    return next;
  };
  const accountsDeep = await deep(accounts, "/api/v1/accounts");
  const findingsDeep = await deep(findings, "/api/v1/findings");
  const auditBody = JSON.stringify(generateSnapshot(1000, 7, { asOf: today }));

  const cases: [string, () => Promise<Response>, number][] = [
    ["GET /accounts?limit=100 (first page)", () => accounts(new Request("http://b/api/v1/accounts?limit=100", { headers })), ROUNDS],
    ["GET /accounts?limit=500 (first page)", () => accounts(new Request("http://b/api/v1/accounts?limit=500", { headers })), ROUNDS / 2],
    ["GET /accounts?limit=100 (deep page)", () => accounts(new Request(`http://b/api/v1/accounts?limit=100&cursor=${accountsDeep}`, { headers })), ROUNDS],
    ["GET /findings?limit=100 (first page)", () => findings(new Request("http://b/api/v1/findings?limit=100", { headers })), ROUNDS],
    ["GET /findings?limit=500&status=open&severity=high", () => findings(new Request("http://b/api/v1/findings?limit=500&status=open&severity=high", { headers })), ROUNDS / 2],
    ["GET /findings?limit=100 (deep page)", () => findings(new Request(`http://b/api/v1/findings?limit=100&cursor=${findingsDeep}`, { headers })), ROUNDS],
    ["GET /accounts/{id}", () => account(new Request(`http://b/api/v1/accounts/${firstId}`, { headers }), { params: Promise.resolve({ id: firstId }) }), ROUNDS],
    ["GET /accounts (no token: 401)", () => accounts(new Request("http://b/api/v1/accounts")), ROUNDS],
    ["POST /audit (1,000 accounts)", () => audit(new Request("http://b/api/v1/audit", { method: "POST", headers, body: auditBody })), 10],
  ];
  console.log(`bench:api — ${ACCOUNTS} accounts, ${await db.finding.count({ where: { orgId: org.id } })} findings, Node ${process.version}, sequential calls of the route handlers`);
  console.log("| request | n | p50 ms | p95 ms | requests/s |\n|---|---|---|---|---|");
  for (const [name, call, n] of cases) {
    for (let i = 0; i < 3; i++) await (await call()).text(); // warm-up
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const response = await call();
      await response.text();
      if (response.status !== 200 && !name.includes("401")) throw new Error(`${name}: ${response.status}`);
      times.push(performance.now() - t0);
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(`| ${name} | ${n} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${(n / seconds).toFixed(0)} |`);
  }
  await db.$disconnect();
} finally {
  await database.drop();
}
process.exit(0);
