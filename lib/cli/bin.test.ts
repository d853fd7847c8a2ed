import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The npm bin itself (bin/gatehouse.mjs), as `npx gatehouse` runs it: it re-runs itself with the engine's
// young-generation flag (decision 009) and must keep the command's output and exit code through that.
const bin = join(import.meta.dirname, "../../bin/gatehouse.mjs");
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", ...env } });

describe("bin/gatehouse.mjs", () => {
  it("prints the usage and exits 0", () => {
    const result = run(["--help"]);
    expect(result.stdout).toContain("gatehouse audit FILE");
    expect(result.status).toBe(0);
  });

  it("passes on the command's exit code and messages (2 for a missing file)", () => {
    const result = run(["audit", join(tmpdir(), "gatehouse-no-such-file.json")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("gatehouse-no-such-file.json");
  });

  it("audits a file with the flag set by the caller too (no second re-run)", () => {
    const dir = mkdtempSync(join(tmpdir(), "gatehouse-bin-"));
    const file = join(dir, "s.json");
    writeFileSync(file, JSON.stringify({ format: "gatehouse.snapshot/v1", asOf: "2026-11-23", people: [], devices: [], accounts: [] }));
    const result = run(["audit", file, "--json"], { NODE_OPTIONS: "--max-semi-space-size=32" });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ asOf: "2026-11-23" });
  });

  // Eight runs of the command, half of them through tsx: 10 s on a quiet machine, over 30 s on a loaded one.
  it("prints the same, byte for byte, compiled and through tsx (a clean file, a file with problems, the schema)", { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "gatehouse-bin-"));
    const broken = join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify({ format: "gatehouse.snapshot/v1", people: [{ id: "p1" }, { id: "p1" }], devices: [], accounts: [{ id: 7 }] }));
    const sample = join(import.meta.dirname, "../../examples/snapshot.sample.json");
    for (const args of [["audit", sample, "--as-of", "2026-12-04"], ["audit", sample, "--json", "--as-of", "2026-12-04"], ["audit", broken], ["schema"]]) {
      const compiled = run(args);
      const viaTsx = run(args, { GATEHOUSE_CLI_TSX: "1" });
      expect(compiled.stdout + compiled.stderr).not.toBe("");
      expect(compiled.stdout).toBe(viaTsx.stdout);
      expect(compiled.stderr).toBe(viaTsx.stderr);
      expect(compiled.status).toBe(viaTsx.status);
    }
  });
});

