// `npm test`: every test suite — unit, integration against real PostgreSQL, end-to-end in Chromium.
// Uses TEST_DATABASE_URL (a local server; a throwaway database is created per run) when set, and an
// embedded PostgreSQL under .gatehouse/test otherwise. Ends with one "N passed, N failed" line, where a
// file that failed to load, a hook that threw or a web server that did not start counts as failed
// (scripts/test-report.ts), and fails when a layer ran fewer tests than tests/floors.json records.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { createThrowawayDatabase } from "@/tests/support/test-database";
import { floorShortfalls, layerTally, skippedTests, parseFloors, playwrightTally, vitestTally, type Layer, type Tally } from "./test-report";

const results: Partial<Record<Layer, Tally>> = {};
const failedSuites: string[] = [];
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wants = (suite: Layer) => only.length === 0 || only.includes(suite);

function run(suite: Layer, command: string, args: string[], env: Record<string, string | undefined>, report: string, read: (json: any) => Tally) {
  console.log(`\n=== ${suite} ===`);
  rmSync(report, { force: true });
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } as NodeJS.ProcessEnv });
  const counts = existsSync(report) ? read(JSON.parse(readFileSync(report, "utf8"))) : null;
  results[suite] = layerTally(counts, result.status);
  if (result.status !== 0) failedSuites.push(suite);
}

async function main() {
  const floors = parseFloors(JSON.parse(readFileSync("tests/floors.json", "utf8")));
  let adminUrl = process.env.TEST_DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!adminUrl && (wants("integration") || wants("e2e"))) {
    embedded = await startEmbeddedPostgres({ dataDir: ".gatehouse/test", database: "postgres" });
    adminUrl = embedded.url;
    console.log(`[test] embedded PostgreSQL on port ${embedded.port}`);
  }
  try {
    if (wants("unit")) run("unit", "npx", ["vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"], {}, "test-results/unit.json", vitestTally);
    if (wants("integration"))
      run("integration", "npx", ["vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=test-results/integration.json"], { TEST_DATABASE_URL: adminUrl }, "test-results/integration.json", vitestTally);
    if (wants("e2e")) {
      const database = await createThrowawayDatabase(adminUrl!, "gatehouse_e2e");
      try {
        run("e2e", "npx", ["playwright", "test"], { E2E_DATABASE_URL: database.url, TEST_DATABASE_URL: adminUrl, NODE_OPTIONS: "--conditions=react-server" }, process.env.E2E_REPORT ?? "test-results/e2e.json", playwrightTally);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await embedded?.stop();
  }
  // What `npm run test:floors` records as the new floors (layers of this run only).
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/last-run.json", JSON.stringify(results, null, 2));

  const tally = Object.values(results).reduce((sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }), { passed: 0, failed: 0, skipped: 0 });
  const shortfalls = [...floorShortfalls(results, floors), ...skippedTests(results)];
  for (const line of shortfalls) console.log(`refused: ${line}`);
  console.log(`\nsuites: ${only.length ? only.join(", ") : "unit, integration, e2e"}${failedSuites.length ? ` — failing: ${failedSuites.join(", ")}` : ""}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  const ranNothing = tally.passed + tally.failed === 0;
  process.exit(failedSuites.length > 0 || tally.failed > 0 || shortfalls.length > 0 || ranNothing ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
