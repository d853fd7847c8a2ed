import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generateSnapshot } from "../risk/generate";

// The npm bin itself (bin/gatehouse.mjs), as `npx gatehouse` runs it: an audit runs in the one Node process
// npm starts (decision 030, stop 30), compiled, and loads zod only for a file that needs it.
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

  it("audits in one process, loading zod only for a file with problems (its messages need the schema)", () => {
    const dir = mkdtempSync(join(tmpdir(), "gatehouse-bin-"));
    // A preloaded module that records each Node process started, and a resolve hook that records every module.
    writeFileSync(join(dir, "hooks.mjs"), 'import { appendFileSync } from "node:fs";\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.GATEHOUSE_TEST_LOG, `module ${r.url}\\n`); return r; }\n');
    writeFileSync(join(dir, "preload.mjs"), 'import { appendFileSync } from "node:fs";\nimport { register } from "node:module";\nappendFileSync(process.env.GATEHOUSE_TEST_LOG, `process ${process.pid}\\n`);\nregister("./hooks.mjs", import.meta.url);\n');
    const broken = join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify({ format: "gatehouse.snapshot/v1", people: [{ id: "p1", name: "A" }, { id: "p1", name: "B" }], devices: [], accounts: [] }));
    // The sample has "x-" keys, which send it down the zod path (sanitising): a generated portfolio has none.
    const valid = join(dir, "valid.json");
    writeFileSync(valid, JSON.stringify(generateSnapshot(20, 1, { asOf: "2026-12-04" })));
    const traced = (file: string, name: string) => {
      const log = join(dir, `${name}.log`);
      const result = run(["audit", file, "--as-of", "2026-12-04"], { NODE_OPTIONS: `--import=${pathToFileURL(join(dir, "preload.mjs")).href}`, GATEHOUSE_TEST_LOG: log });
      const lines = readFileSync(log, "utf8").trim().split("\n");
      return { result, processes: lines.filter((l) => l.startsWith("process ")).length, zod: lines.some((l) => l.includes("/node_modules/zod/")) };
    };
    const clean = traced(valid, "valid");
    expect(clean.result.stdout).toContain("Gatehouse audit as of 2026-12-04: 20 account(s)");
    expect(clean.processes).toBe(1);
    expect(clean.zod).toBe(false);
    const invalid = traced(broken, "broken");
    expect(invalid.result.status).toBe(2);
    expect(invalid.result.stderr).toContain('people[1].id: the id "p1" appears more than once.');
    expect(invalid.processes).toBe(1);
    expect(invalid.zod).toBe(true);
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

