// Reading the test runners' JSON reports into the one "N passed, N failed" line `npm test` ends with,
// and checking each layer against the floor recorded in tests/floors.json. Pure: no files, no processes,
// so the rules below are unit-tested on report shapes the runners really write (scripts/test-report.test.ts).
//
// What the runners' own totals miss, and why each rule is here:
// - Vitest: a file that fails to load (a broken import) or whose beforeAll throws has status "failed"
//   but no failed test: its tests vanish (load) or turn "skipped" (hook). Each such file counts as one failure.
// - Playwright: a spec that fails to load, a web server that does not start and "no tests found" land
//   in the report's top-level `errors`, with every counter at zero. Each error counts as one failure.
// - A runner that exits non-zero yet reported no failure (a crash, an unhandled error, no report at all)
//   counts as one failure, so the closing line never says "0 failed" for a failing layer.

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export const LAYERS = ["unit", "integration", "e2e"] as const;
export type Layer = (typeof LAYERS)[number];
export type Floors = Record<Layer, number>;

interface VitestFile {
  status: string;
  assertionResults: { status: string }[];
}

export function vitestTally(json: any): Tally {
  const files: VitestFile[] = Array.isArray(json?.testResults) ? json.testResults : [];
  // A failed file none of whose tests failed failed outside them: at load or in a hook.
  const failedOutsideTests = files.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
  return {
    passed: json?.numPassedTests ?? 0,
    failed: (json?.numFailedTests ?? 0) + failedOutsideTests,
    skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0),
  };
}

export function playwrightTally(json: any): Tally {
  const stats = json?.stats ?? {};
  const errors = Array.isArray(json?.errors) ? json.errors.length : 0;
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + errors, skipped: stats.skipped ?? 0 };
}

/** One layer's result: its report (null when none was written) and the runner's exit code. */
export function layerTally(report: Tally | null, exitCode: number | null): Tally {
  const tally = report ?? { passed: 0, failed: 0, skipped: 0 };
  if (exitCode !== 0 && tally.failed === 0) return { ...tally, failed: 1 };
  return tally;
}

/** Tests a layer ran (passed or failed; skipped ones did not run). */
export const ran = (tally: Tally): number => tally.passed + tally.failed;

/** A message for every layer that ran fewer tests than its floor; layers not run are not checked. */
export function floorShortfalls(results: Partial<Record<Layer, Tally>>, floors: Floors): string[] {
  return LAYERS.filter((layer) => results[layer] && ran(results[layer]) < floors[layer]).map(
    (layer) =>
      `${layer}: ran ${ran(results[layer]!)} tests, fewer than the ${floors[layer]} recorded in tests/floors.json (a test file stopped loading, or tests were removed: if on purpose, run \`npm run test:floors\`)`,
  );
}

/** The project allows no skipped test (a skip is a test that silently stopped checking anything). */
export function skippedTests(results: Partial<Record<Layer, Tally>>): string[] {
  return LAYERS.filter((layer) => (results[layer]?.skipped ?? 0) > 0).map(
    (layer) => `${layer}: ${results[layer]!.skipped} tests skipped (none may be: remove the skip, or the test, or fix the hook that failed)`,
  );
}

export function parseFloors(json: unknown): Floors {
  const floors = json as Record<string, unknown>;
  for (const layer of LAYERS) {
    if (!Number.isInteger(floors?.[layer]) || (floors[layer] as number) < 0) throw new Error(`tests/floors.json: "${layer}" must be a whole number of tests`);
  }
  return { unit: floors.unit as number, integration: floors.integration as number, e2e: floors.e2e as number };
}

/** New floors after a run: each layer that ran in full, with no failure, is set to what it ran. */
export function measuredFloors(current: Floors, results: Partial<Record<Layer, Tally>>): Floors {
  const next = { ...current };
  for (const layer of LAYERS) {
    const tally = results[layer];
    if (tally && tally.failed === 0) next[layer] = ran(tally);
  }
  return next;
}
