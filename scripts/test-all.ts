// `npm test`: every test suite — unit, integration against real PostgreSQL, end-to-end in Chromium.
// Uses TEST_DATABASE_URL (a local server; a throwaway database is created per run) when set, and an
// embedded PostgreSQL under .gatehouse/test otherwise. Ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { createThrowawayDatabase } from "@/tests/support/test-database";

interface Tally { passed: number; failed: number; skipped: number }
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const failedSuites: string[] = [];
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wants = (suite: string) => only.length === 0 || only.includes(suite);

function run(suite: string, command: string, args: string[], env: Record<string, string | undefined>, report: string, read: (json: any) => Tally) {
  console.log(`\n=== ${suite} ===`);
  rmSync(report, { force: true });
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } as NodeJS.ProcessEnv });
  if (existsSync(report)) {
    const counts = read(JSON.parse(readFileSync(report, "utf8")));
    tally.passed += counts.passed;
    tally.failed += counts.failed;
    tally.skipped += counts.skipped;
  }
  if (result.status !== 0) failedSuites.push(suite);
}

const vitestCounts = (json: any): Tally => ({ passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests });
const playwrightCounts = (json: any): Tally => ({ passed: json.stats.expected, failed: json.stats.unexpected + json.stats.flaky, skipped: json.stats.skipped });

async function main() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!adminUrl && (wants("integration") || wants("e2e"))) {
    embedded = await startEmbeddedPostgres({ dataDir: ".gatehouse/test", database: "postgres" });
    adminUrl = embedded.url;
    console.log(`[test] embedded PostgreSQL on port ${embedded.port}`);
  }
  try {
    if (wants("unit")) run("unit", "npx", ["vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"], {}, "test-results/unit.json", vitestCounts);
    if (wants("integration"))
      run("integration", "npx", ["vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=test-results/integration.json"], { TEST_DATABASE_URL: adminUrl }, "test-results/integration.json", vitestCounts);
    if (wants("e2e")) {
      const database = await createThrowawayDatabase(adminUrl!, "gatehouse_e2e");
      try {
        run("e2e", "npx", ["playwright", "test"], { E2E_DATABASE_URL: database.url, TEST_DATABASE_URL: adminUrl, NODE_OPTIONS: "--conditions=react-server" }, process.env.E2E_REPORT ?? "test-results/e2e.json", playwrightCounts);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await embedded?.stop();
  }
  console.log(`\nsuites: ${only.length ? only.join(", ") : "unit, integration, e2e"}${failedSuites.length ? ` — failing: ${failedSuites.join(", ")}` : ""}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  const ranNothing = tally.passed + tally.failed === 0;
  process.exit(failedSuites.length > 0 || tally.failed > 0 || ranNothing ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
