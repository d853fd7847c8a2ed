import { describe, expect, it, vi } from "vitest";
import { floorShortfalls, layerTally, measuredFloors, parseFloors, playwrightTally, skippedTests, vitestTally } from "./test-report";

// Report shapes as Vitest 4 and Playwright 1.65 wrote them here (trimmed to the fields read).
const vitestReport = {
  numPassedTests: 3,
  numFailedTests: 1,
  numPendingTests: 1,
  numTodoTests: 0,
  testResults: [
    { name: "/repo/lib/good.test.ts", status: "passed", assertionResults: [{ status: "passed" }, { status: "passed" }] },
    { name: "/repo/lib/red.test.ts", status: "failed", assertionResults: [{ status: "passed" }, { status: "failed" }] },
    // A broken import: the file fails and its tests never register.
    { name: "/repo/lib/broken.test.ts", status: "failed", message: "Cannot find module './does-not-exist'", assertionResults: [] },
    // A beforeAll that throws: the file fails and its test is reported as skipped.
    { name: "/repo/lib/hook.test.ts", status: "failed", message: "boom", assertionResults: [{ status: "skipped" }] },
  ],
};

describe("vitestTally", () => {
  it("counts a file that failed to load or whose hook threw as a failure, beside failed tests", () => {
    expect(vitestTally(vitestReport)).toEqual({ passed: 3, failed: 3, skipped: 1 });
  });

  it("adds nothing for a file whose failure is one of its tests", () => {
    expect(vitestTally({ ...vitestReport, testResults: vitestReport.testResults.slice(0, 2) })).toEqual({ passed: 3, failed: 1, skipped: 1 });
  });
});

describe("playwrightTally", () => {
  it("counts failed and flaky tests as failed", () => {
    expect(playwrightTally({ stats: { expected: 50, unexpected: 2, flaky: 1, skipped: 0 }, errors: [] })).toEqual({ passed: 50, failed: 3, skipped: 0 });
  });

  it("counts a web server that did not start as failed, though every counter is zero", () => {
    const report = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "Error: Process from config.webServer was not able to start. Exit code: 3" }] };
    expect(playwrightTally(report)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it("counts each spec that failed to load as failed", () => {
    const report = {
      stats: { expected: 4, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: "Error: Cannot find module './missing'" }, { message: "SyntaxError: Unexpected token" }],
    };
    expect(playwrightTally(report)).toEqual({ passed: 4, failed: 2, skipped: 0 });
  });
});

describe("layerTally", () => {
  it("counts a runner that exited non-zero with no failure in its report, or no report, as one failure", () => {
    expect(layerTally({ passed: 386, failed: 0, skipped: 0 }, 1)).toEqual({ passed: 386, failed: 1, skipped: 0 });
    expect(layerTally(null, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(layerTally(null, null)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it("keeps the report's counts when they already explain the exit code", () => {
    expect(layerTally({ passed: 10, failed: 2, skipped: 0 }, 1)).toEqual({ passed: 10, failed: 2, skipped: 0 });
    expect(layerTally({ passed: 10, failed: 0, skipped: 0 }, 0)).toEqual({ passed: 10, failed: 0, skipped: 0 });
  });
});

describe("floors", () => {
  const floors = { unit: 400, integration: 150, e2e: 60 };

  it("names every layer that ran fewer tests than its floor, and only layers that ran", () => {
    const shortfalls = floorShortfalls({ unit: { passed: 386, failed: 0, skipped: 0 }, e2e: { passed: 1, failed: 0, skipped: 0 } }, floors);
    expect(shortfalls).toHaveLength(2);
    expect(shortfalls[0]).toMatch(/^unit: ran 386 tests, fewer than the 400/);
    expect(shortfalls[1]).toMatch(/^e2e: ran 1 tests, fewer than the 60/);
  });

  it("accepts a layer at or above its floor, counting failed tests as run", () => {
    expect(floorShortfalls({ unit: { passed: 400, failed: 0, skipped: 0 }, integration: { passed: 149, failed: 1, skipped: 3 } }, floors)).toEqual([]);
  });

  it("does not let skipped tests make up a floor", () => {
    expect(floorShortfalls({ integration: { passed: 140, failed: 0, skipped: 10 } }, floors)).toHaveLength(1);
  });

  it("records what each clean layer ran, and leaves failing or absent layers as they were", () => {
    expect(measuredFloors(floors, { unit: { passed: 412, failed: 0, skipped: 0 }, integration: { passed: 10, failed: 3, skipped: 0 } })).toEqual({ unit: 412, integration: 150, e2e: 60 });
  });

  it("refuses a floors file without a whole number for every layer", () => {
    expect(parseFloors({ unit: 1, integration: 2, e2e: 3 })).toEqual({ unit: 1, integration: 2, e2e: 3 });
    expect(() => parseFloors({ unit: 1, integration: 2 })).toThrow(/"e2e" must be a whole number/);
    expect(() => parseFloors({ unit: 1.5, integration: 2, e2e: 3 })).toThrow(/"unit"/);
  });
});

describe("skippedTests", () => {
  it("refuses a run with any skipped test, naming the layer", () => {
    expect(skippedTests({ unit: { passed: 10, failed: 0, skipped: 0 }, e2e: { passed: 5, failed: 0, skipped: 2 } })).toEqual([
      "e2e: 2 tests skipped (none may be: remove the skip, or the test, or fix the hook that failed)",
    ]);
    expect(skippedTests({ unit: { passed: 10, failed: 0, skipped: 0 } })).toEqual([]);
  });
});

describe("playwright.config", () => {
  it("forbids test.only under CI and allows it locally", async () => {
    vi.stubEnv("CI", "true");
    vi.resetModules();
    expect((await import("../playwright.config")).default.forbidOnly).toBe(true);
    vi.stubEnv("CI", "");
    vi.resetModules();
    expect((await import("../playwright.config")).default.forbidOnly).toBe(false);
    vi.unstubAllEnvs();
  });
});
