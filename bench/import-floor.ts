// `npm run bench:import-floor`: the floor of a first large import's write side, as figures (not a test).
// Issue 16 asks ≥ 10,000 rows/s end to end for a first import of 500,000 login rows. Decision 031 found the
// time in PostgreSQL's per-row insert cost. This measures the cheapest way PostgreSQL can take the same rows:
//  1. a generated logins CSV (BENCH_ROWS, default 50,000; 10 logins per account) is imported for real
//     (runBulkImport, in this process) into a throwaway database A;
//  2. every table's rows are copied out of A in PostgreSQL's binary COPY format, into memory;
//  3. a fresh database B with the same migrations, indexes, foreign keys, RLS and triggers takes them back
//     with binary COPY, table by table in foreign-key order, in one transaction, as the superuser (no RLS
//     checks, no parsing, no planning, no findings to compute: every row is already what the import wrote).
//     Tables the triggers fill from others (stored counts) are filled by those triggers, not copied.
//     Findings go last and every table is ANALYZEd after its COPY, as the import does its own work.
// The time of step 3 is the floor: no import of this file into this schema can write faster. It prints
// the import's time and the floor's, both as file rows per second, beside the target.
// Uses TEST_DATABASE_URL (a local server; both throwaway databases are dropped).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { writeLoginsCsv } from "@/tests/support/logins-file";

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error("Set TEST_DATABASE_URL to a local PostgreSQL server (throwaway databases are made on it).");
  process.exit(2);
}
const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const PER_ACCOUNT = 10;
const { createThrowawayDatabase } = await import("@/tests/support/test-database");
const source = await createThrowawayDatabase(adminUrl, "gatehouse_bench_floor_a");
const target = await createThrowawayDatabase(adminUrl, "gatehouse_bench_floor_b");
process.env.DATABASE_URL = source.url;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
const { createDb } = await import("@/lib/db/client");
const { applyMigrations } = await import("@/lib/db/migrate");
const { syncToolCatalogue } = await import("@/lib/db/tools");
const { runBulkImport } = await import("@/lib/db/bulk-import/import");
const { resolveScope } = await import("@/lib/db/scope");
const dir = await mkdtemp(join(tmpdir(), "bench-import-floor-"));
const load = () => loadavg()[0].toFixed(1);

/** Tables of the public schema in an order where every foreign key points at an earlier table. */
async function tablesInKeyOrder(client: pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const { rows: keys } = await client.query<{ child: string; parent: string }>(
    `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
     JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = cc.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const order: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t) || path.has(t)) return; // a self-reference or cycle: the table goes in as it is met
    path.add(t);
    for (const k of keys) if (k.child === t && k.parent !== t) visit(k.parent, path);
    placed.add(t);
    order.push(t);
  };
  // Findings last, as the import writes them: after the facts they are about (their triggers count them
  // per person, and that count is cheapest when everything else is in place).
  const late = (name: string) => (name === "Finding" ? 1 : 0);
  for (const t of [...tables].sort((x, y) => late(x.name) - late(y.name))) visit(t.name, new Set());
  return order;
}

console.log(`Gatehouse import write floor — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
try {
  await applyMigrations(source.url);
  await applyMigrations(target.url);
  const db = createDb(source.url);
  await syncToolCatalogue(db);
  const user = await db.user.create({ data: { email: "bench@bench.example", name: "Bench", passwordHash: "x" } });
  const org = await db.organization.create({ data: { name: `Bench ${ROWS}` } });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
  const path = join(dir, `logins-${ROWS}.csv`);
  await writeLoginsCsv(path, ROWS, { perAccount: PER_ACCOUNT });

  const scope = (await resolveScope(user.id, org.id))!;
  const importLoad = load();
  const started = performance.now();
  const result = await runBulkImport(scope, { path, kind: "csv", dryRun: false });
  const importSeconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`the import failed: ${JSON.stringify(result).slice(0, 500)}`);
  await db.$disconnect();

  // Out of A: every table, binary, in memory (a 50,000-row import is a few hundred MB at most).
  const a = new pg.Client({ connectionString: source.url });
  await a.connect();
  const order = await tablesInKeyOrder(a);
  const dumps = new Map<string, { rows: number; chunks: Buffer[] }>();
  for (const table of order) {
    const { rows } = await a.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    const chunks: Buffer[] = [];
    await pipeline(a.query(copyTo(`COPY "${table}" TO STDOUT (FORMAT binary)`)), new Writable({ write: (c, _e, done) => (chunks.push(c), done()) }));
    dumps.set(table, { rows: Number(rows[0].n), chunks });
  }
  await a.end();

  // Into B, as PostgreSQL would take them at best.
  const b = new pg.Client({ connectionString: target.url });
  await b.connect();
  const copied: string[] = [];
  const filledByTriggers: string[] = [];
  const floorLoad = load();
  const floorStarted = performance.now();
  await b.query("BEGIN");
  for (const table of order) {
    const dump = dumps.get(table)!;
    if (dump.rows === 0) continue;
    const { rows } = await b.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "${table}") AS any`);
    if (rows[0].any) {
      filledByTriggers.push(table);
      continue;
    }
    const tableStarted = performance.now();
    await pipeline(Readable.from(dump.chunks), b.query(copyFrom(`COPY "${table}" FROM STDIN (FORMAT binary)`)));
    // Statistics for the next tables' triggers and key checks, as the import keeps them (the rows are not
    // committed, so autovacuum cannot): without them the trigger statements plan for empty tables.
    await b.query(`ANALYZE "${table}"`);
    copied.push(`${table} ${dump.rows.toLocaleString("en")} (${((performance.now() - tableStarted) / 1000).toFixed(1)} s)`);
  }
  await b.query("COMMIT");
  const floorSeconds = (performance.now() - floorStarted) / 1000;
  await b.end();

  const written = [...dumps.values()].reduce((n, d) => n + d.rows, 0);
  const rate = (s: number) => Math.round(result.rows / s).toLocaleString("en");
  console.log(`file: ${result.rows.toLocaleString("en")} login rows, ${ROWS / PER_ACCOUNT} accounts; the import left ${written.toLocaleString("en")} table rows (${(written / result.rows).toFixed(1)} per file row)`);
  console.log(`copied (rows, seconds with the ANALYZE after): ${copied.join(", ")}`);
  console.log(`filled by triggers, not copied: ${filledByTriggers.join(", ") || "none"}`);
  console.log(`import (runBulkImport, end to end): ${importSeconds.toFixed(1)} s → ${rate(importSeconds)} file rows/s (load average ${importLoad})`);
  console.log(`floor (binary COPY of the same rows into the same schema): ${floorSeconds.toFixed(1)} s → ${rate(floorSeconds)} file rows/s (load average ${floorLoad})`);
  console.log(`the import is ${(importSeconds / floorSeconds).toFixed(1)}× the floor; target ≥ 10,000 file rows/s: the floor itself ${result.rows / floorSeconds >= 10_000 ? "reaches it" : "does not reach it"}`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await source.drop();
  await target.drop();
}
process.exit(0);
