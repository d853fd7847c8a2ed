// `DATABASE_URL=<a database bench:web kept> npx tsx --conditions=react-server bench/raw-rows-cpu.ts`: the app's CPU
// per raw read through Prisma's `$queryRawUnsafe` against the same read through scopedRows / ownerRows (decision
// 059), alternated in rounds in one process, after checking both give the same rows. Figures, not a test.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { getDb, ownerRows } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { SESSION_SCOPE_SQL } from "@/lib/db/session-scope";
import { dbFor, scopedRows } from "@/lib/db/tenant";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("set DATABASE_URL to a database bench:web kept");
process.env.AUTH_SECRET ??= randomUUID() + randomUUID();
await applyMigrations(url);
const N = Number(process.env.RAW_ROWS_CALLS ?? 500);
const ROUNDS = Number(process.env.RAW_ROWS_ROUNDS ?? 3);

const admin = new pg.Client(url);
await admin.connect();
const { rows: [org] } = await admin.query<{ id: string }>(`SELECT "orgId" AS id FROM "SellerAccount" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
const { rows: [session] } = await admin.query<{ id: string; userId: string }>(`SELECT s.id, s."userId" FROM "UserSession" s JOIN "Membership" m ON m."userId" = s."userId" AND m."orgId" = $1 LIMIT 1`, [org.id]);
await admin.end();

// The people list's unfiltered page (read-people.ts, storedPageStatement), 25 rows.
const PEOPLE = `SELECT p.id, p.name, p.email, p.company, p.external, p."departedAt",
  coalesce(pa."activeLogins", 0)::int AS "activeLogins", coalesce(pa."adminLogins", 0)::int AS "adminLogins",
  coalesce(pa.accounts, 0)::int AS accounts, coalesce(pa.devices, 0)::int AS devices,
  coalesce(fc."openCritical" + fc."openHigh" + fc."openMedium" + fc."openLow", 0)::int AS "openFindings",
  (SELECT people FROM "PersonCount" WHERE "orgId" = $1) AS total
  FROM "PersonAccess" pa JOIN "Person" p ON p.id = pa."personId" AND p."orgId" = $1 LEFT JOIN "PersonFindingCount" fc ON fc."personId" = p.id
  WHERE pa."orgId" = $1 ORDER BY p.name, p.id LIMIT $2 OFFSET $3`;
const scope = { orgId: org.id };
const reads: [string, () => Promise<unknown[]>][] = [
  ["people page, Prisma", () => dbFor(scope).$queryRawUnsafe<unknown[]>(PEOPLE, org.id, 25, 0)],
  ["people page, scopedRows", () => scopedRows(scope, PEOPLE, [org.id, 25, 0])],
];
if (session) {
  reads.push(
    ["session + scope, Prisma", () => getDb().$queryRawUnsafe<unknown[]>(SESSION_SCOPE_SQL, session.userId, session.id)],
    ["session + scope, ownerRows", () => ownerRows(SESSION_SCOPE_SQL, [session.userId, session.id])],
  );
}
for (let i = 0; i < reads.length; i += 2) {
  if (!isDeepStrictEqual(await reads[i][1](), await reads[i + 1][1]())) throw new Error(`${reads[i][0]}: the rows differ`);
}
for (let i = 0; i < 100; i++) for (const [, read] of reads) await read();
console.log(`${N} calls each, one at a time, ${ROUNDS} rounds alternated; app CPU (user + system) per call, ms`);
const figures = new Map<string, number[]>();
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, read] of r % 2 ? [...reads].reverse() : reads) {
    const before = process.cpuUsage();
    for (let i = 0; i < N; i++) await read();
    const used = process.cpuUsage(before);
    figures.set(name, [...(figures.get(name) ?? []), (used.user + used.system) / 1000 / N]);
  }
}
for (const [name, ms] of figures) console.log(`${name.padEnd(28)} ${ms.map((m) => m.toFixed(3)).join("  ")}`);
await getDb().$disconnect();
process.exit(0);
