// `npm run bench:import`: the large-file import of a logins spreadsheet (lib/db/bulk-import, decision
// 023), as figures (not a test). Generated CSV files of 50,000 and 500,000 login rows (10 logins per
// account: 5,000 and 50,000 accounts; agency staff shared across accounts) are imported into empty
// organisations, then each file again unchanged. Each import runs in a child process from
// the file on disk to findings recomputed and committed, so its peak RSS is measured alone; that child
// stands in for the app and runs the import as the upload route does, in a grandchild with a capped heap
// (runIsolatedImport; GATEHOUSE_IMPORT_HEAP_MB applies), and both peaks are printed (BENCH_ISOLATED=0:
// the import inside the stand-in itself, as before decision 031 stop 29). Uses
// TEST_DATABASE_URL (a local server; a throwaway database is created and dropped).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { csvRows } from "@/lib/spreadsheets/stream-rows";
import { writeLoginsCsv } from "@/tests/support/logins-file";

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error("Set TEST_DATABASE_URL to a local PostgreSQL server (a throwaway database is made on it).");
  process.exit(2);
}
const SIZES = (process.env.BENCH_ROWS ?? "50000,500000").split(",").map(Number);
const PER_ACCOUNT = 10;
const { createThrowawayDatabase } = await import("@/tests/support/test-database");
const database = await createThrowawayDatabase(adminUrl, "gatehouse_bench_import");
process.env.DATABASE_URL = database.url;
// The scoped-work role's password derives from it (lib/db/app-role.ts); the children inherit it.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
const { createDb } = await import("@/lib/db/client");
const { applyMigrations } = await import("@/lib/db/migrate");
const { syncToolCatalogue } = await import("@/lib/db/tools");
const dir = await mkdtemp(join(tmpdir(), "bench-import-"));
// The app runs compiled (next build), so by default the child does too: bundled with esbuild (tsx's own
// dependency, as bin/compiled-cli.mjs does) and run by plain node. Under tsx its peak RSS measured ~45 MB
// more (decision 031). BENCH_CHILD=tsx runs it through tsx instead.
const childMode = process.env.BENCH_CHILD === "tsx" ? "tsx" : "compiled";
const childCommand = async (): Promise<[string, string[]]> => {
  if (childMode === "tsx") return ["npx", ["tsx", "--conditions=react-server", "bench/import-child.ts"]];
  const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))("esbuild") as typeof import("esbuild");
  const out = join(process.cwd(), "node_modules", ".cache", "gatehouse-bench", "import-child.mjs");
  await esbuild.build({ entryPoints: ["bench/import-child.ts"], outfile: out, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "silent" });
  return [process.execPath, ["--conditions=react-server", ...(process.env.BENCH_CHILD_FLAGS ?? "").split(" ").filter(Boolean), out]];
};
const [childBin, childArgs] = await childCommand();

console.log(`Gatehouse large import benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; the import runs ${childMode === "tsx" ? "through tsx" : "compiled (esbuild bundle, plain node)"}, ${process.env.BENCH_ISOLATED === "0" ? "in the stand-in process itself" : `isolated in a child (heap ${process.env.GATEHOUSE_IMPORT_HEAP_MB ?? "192"} MB + 16 MB semi-spaces)`}`);
try {
  await applyMigrations(database.url);
  const db = createDb(database.url);
  await syncToolCatalogue(db);
  const user = await db.user.create({ data: { email: "bench@bench.example", name: "Bench", passwordHash: "x" } });
  const run = (label: string, path: string, orgId: string, target?: string) => {
    const before = loadavg()[0];
    const out = execFileSync(childBin, [...childArgs, path, user.id, orgId], { env: process.env, encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
    const r = JSON.parse(out.trim().split("\n").pop()!) as { seconds: number; rows: number; written: boolean; unchanged?: string; peakRssMb: number; childPeakRssMb?: number; childHeapLimitMb?: number; summary: { accounts: Record<string, number> } };
    const rate = Math.round(r.rows / r.seconds);
    const rss = r.childPeakRssMb === undefined ? `peak RSS ${r.peakRssMb} MB` : `peak RSS: app process ${r.peakRssMb} MB, import child ${r.childPeakRssMb} MB (V8 heap limit ${r.childHeapLimitMb} MB)`;
    console.log(
      `${label}: ${r.rows.toLocaleString("en")} rows in ${r.seconds.toFixed(1)} s → ${rate.toLocaleString("en")} rows/s, ${rss}` +
        ` (accounts ${JSON.stringify(r.summary.accounts)}; load average ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)})${target ? ` — target ${target}` : ""}`,
    );
    return r;
  };
  // The floor, measured in the same run beside each import (the machine is shared and its load swings):
  // the file's bytes COPYed as raw lines into an unindexed temp table, in one transaction. Nothing parsed,
  // checked or indexed: what PostgreSQL and the disk cost for the file alone.
  const copyFloor = async (path: string) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const started = performance.now();
      await client.query("BEGIN");
      await client.query("CREATE TEMP TABLE raw_lines (line text) ON COMMIT DROP");
      await pipeline(createReadStream(path), client.query(copyFrom("COPY raw_lines FROM STDIN")));
      await client.query("COMMIT");
      return (performance.now() - started) / 1000;
    } finally {
      await client.end();
    }
  };
  // The floor of reading: the same file decoded and split into cells by csv-parse (stream-rows.ts, as the
  // import reads it), with no other work, in this process. The unchanged re-import reads the file once and
  // hashes its cells (decision 032): its ratio to this floor is what the code adds to reading.
  const csvParseFloor = async (path: string) => {
    const started = performance.now();
    const source = await csvRows(path);
    let n = 0;
    for await (const cells of source.rows) n += cells.length > 0 ? 1 : 0;
    return { seconds: (performance.now() - started) / 1000, rows: n };
  };
  for (const rows of SIZES) {
    const path = join(dir, `logins-${rows}.csv`);
    await writeLoginsCsv(path, rows, { perAccount: PER_ACCOUNT });
    console.log(`file: ${rows.toLocaleString("en")} login rows, ${rows / PER_ACCOUNT} accounts, ${((await stat(path)).size / 2 ** 20).toFixed(0)} MB`);
    const org = await db.organization.create({ data: { name: `Bench ${rows}` } });
    await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
    const floor = await copyFloor(path);
    console.log(`  floor (the file COPYed as raw lines, nothing parsed or indexed): ${floor.toFixed(2)} s (load average ${loadavg()[0].toFixed(1)})`);
    const first = run("  import into an empty organisation", path, org.id, rows >= 500_000 ? "≥ 10,000 rows/s and ≤ 256 MB" : undefined);
    const rate = first.rows / first.seconds;
    console.log(
      `  → ${(first.seconds / floor).toFixed(0)}× the floor; rows/s ${Math.round(rate).toLocaleString("en")} vs ≥ 10,000: ${rate >= 10_000 ? "met" : "not met"};` +
        ` peak RSS of the app process ${first.peakRssMb} MB vs ≤ 256 MB: ${first.peakRssMb <= 256 ? "met" : "not met"}` +
        (first.childPeakRssMb === undefined ? "" : `; of the import child ${first.childPeakRssMb} MB vs ≤ 256 MB: ${first.childPeakRssMb <= 256 ? "met" : "not met"}`),
    );
    if (process.env.BENCH_REIMPORT !== "0") {
      const parse = await csvParseFloor(path);
      console.log(`  floor (the file through csv-parse alone, no other work): ${parse.seconds.toFixed(2)} s for ${parse.rows.toLocaleString("en")} rows (load average ${loadavg()[0].toFixed(1)})`);
      const again = run("  the same file again (unchanged)", path, org.id, rows >= 500_000 ? "≤ 30 s" : undefined);
      console.log(`  → ${(again.seconds / parse.seconds).toFixed(1)}× the csv-parse floor (${again.seconds.toFixed(1)} / ${parse.seconds.toFixed(2)} s), told ${again.unchanged ?? "by the whole plan"}${rows >= 500_000 ? `; ≤ 30 s: ${again.seconds <= 30 ? "met" : "not met"}` : ""}`);
      const after = await csvParseFloor(path);
      console.log(`  floor again, after it: ${after.seconds.toFixed(2)} s (load average ${loadavg()[0].toFixed(1)})`);
    }
  }
  await db.$disconnect();
} finally {
  await rm(dir, { recursive: true, force: true });
  await database.drop();
}
process.exit(0);
