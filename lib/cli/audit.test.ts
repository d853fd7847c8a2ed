import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateSnapshot, isAtLeast } from "../risk";
import { generateSnapshot } from "../risk/generate";
import { snapshotSchema } from "../validation/snapshot";
import { snapshotJsonSchemaText } from "../validation/snapshot-json-schema";
import { runCli, type CliIO } from "./audit";
import { toAuditTable } from "./format";

const sample = readFileSync(fileURLToPath(new URL("../../examples/snapshot.sample.json", import.meta.url)), "utf8");

function fakeIO(files: Record<string, string>, today = "2026-11-23") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readFile: async (path) => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    today: () => today,
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

const minimal = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-1", name: "One" }],
    accounts: [
      {
        id: "acc-1",
        storeName: "Store",
        region: "JP",
        plan: "PROFESSIONAL",
        status: "ACTIVE",
        lastVerifiedAt: "2026-11-01",
        logins: [{ id: "l-1", role: "PRIMARY", personId: "p-1", status: "ACTIVE", lastLoginAt: "2026-11-01", twoStep: [] }],
      },
    ],
    ...extra,
  });

describe("gatehouse audit", () => {
  it("prints a table with account, score and each finding's severity, rule, subject and evidence", async () => {
    const { io, stdout, stderr } = fakeIO({ "s.json": sample });
    expect(await runCli(["audit", "s.json"], io)).toBe(0);
    expect(stderr()).toBe("");
    const text = stdout();
    expect(text).toContain("Gatehouse audit as of 2026-11-23: 3 account(s)");
    expect(text).toContain("acc-sakura  Sakura Tea (JP)  score 100  no findings");
    expect(text).toMatch(/acc-fuji {2}Fuji Kitchenware \(JP\) {2}score 0 {2}2 critical, 8 high, 6 medium, 2 low/);
    // The subject by its id; the evidence names the login and the person as the app does (decision 094).
    expect(text).toMatch(/critical +OFFBOARDED_STILL_ACTIVE +login l-yamada +secondary login yamada@fuji-kitchen\.example is still active although Yamada Aoi \(Fuji Kitchenware\) departed 54 days ago on 2026-09-30/);
  });

  it("--json prints exactly the documented shape", async () => {
    const { io, stdout } = fakeIO({ "s.json": sample });
    expect(await runCli(["audit", "s.json", "--json"], io)).toBe(0);
    const json = JSON.parse(stdout());
    expect(Object.keys(json)).toEqual(["asOf", "accounts"]);
    expect(json.accounts.map((a: { id: string; score: number }) => [a.id, a.score])).toEqual([
      ["acc-sakura", 100],
      ["acc-fuji", 0],
      ["acc-abe", 35],
    ]);
    for (const account of json.accounts) {
      expect(Object.keys(account)).toEqual(["id", "score", "findings"]);
      for (const finding of account.findings) {
        expect(Object.keys(finding)).toEqual(["rule", "severity", "subject", "evidence", "remediation"]);
        expect(Object.keys(finding.remediation)).toEqual(["ja", "en"]);
      }
    }
  });

  it("asOf precedence: --as-of > snapshot asOf > today", async () => {
    const files = { "with.json": minimal({ asOf: "2026-10-01T23:30:00-05:00" }), "without.json": minimal() };
    const run = async (argv: string[]) => {
      const { io, stdout } = fakeIO(files, "2027-01-15");
      await runCli(argv, io);
      return JSON.parse(stdout()).asOf;
    };
    expect(await run(["audit", "with.json", "--json", "--as-of", "2026-12-24"])).toBe("2026-12-24");
    expect(await run(["audit", "with.json", "--json"])).toBe("2026-10-02");
    expect(await run(["audit", "without.json", "--json"])).toBe("2027-01-15");
    expect(await run(["audit", "without.json", "--json", "--as-of=2026-12-25"])).toBe("2026-12-25");
  });

  it.each([
    ["critical", 1],
    ["low", 1],
  ])("--fail-on %s exits %i when a finding reaches it", async (severity, code) => {
    const { io } = fakeIO({ "s.json": minimal() });
    expect(await runCli(["audit", "s.json", "--fail-on", severity], io)).toBe(code);
  });

  it("--fail-on exits 0 when no finding reaches the threshold", async () => {
    // minimal() yields NO_2SV (critical) and SINGLE_ADMIN (medium); with 2SV set up only the medium is left.
    const healthy = JSON.parse(minimal());
    healthy.devices = [{ id: "d-1", kind: "PHONE", holderId: "p-1" }, { id: "d-2", kind: "AUTHENTICATOR_APP", holderId: "p-1" }];
    healthy.accounts[0].logins[0].twoStep = [
      { kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: "d-2" },
      { kind: "SMS", role: "BACKUP", deviceId: "d-1", phoneLast4: "1234" },
    ];
    const { io, stdout } = fakeIO({ "s.json": JSON.stringify(healthy) });
    expect(await runCli(["audit", "s.json", "--fail-on", "high", "--json"], io)).toBe(0);
    expect(JSON.parse(stdout()).accounts[0].findings.map((f: { rule: string }) => f.rule)).toEqual(["SINGLE_ADMIN"]);
    const again = fakeIO({ "s.json": JSON.stringify(healthy) });
    expect(await runCli(["audit", "s.json", "--fail-on", "medium"], again.io)).toBe(1);
  });

  it("the table is toAuditTable of the whole evaluation, and --fail-on agrees with --json, on a generated portfolio", async () => {
    // The table is built account by account as the engine hands them over (decision 030, stop 29).
    const generated = generateSnapshot(300, 9, { asOf: "2026-12-04" });
    const file = JSON.stringify(generated);
    const { io, stdout } = fakeIO({ "g.json": file });
    expect(await runCli(["audit", "g.json"], io)).toBe(0);
    const expected = evaluateSnapshot(snapshotSchema.parse(JSON.parse(file)), { asOf: "2026-12-04" });
    expect(stdout()).toBe(toAuditTable(expected, generated));
    const severities = new Set(expected.accounts.flatMap((a) => a.findings.map((f) => f.severity)));
    for (const threshold of ["critical", "high", "medium", "low"] as const) {
      const reached = [...severities].some((s) => isAtLeast(s, threshold));
      expect(await runCli(["audit", "g.json", "--fail-on", threshold], fakeIO({ "g.json": file }).io)).toBe(reached ? 1 : 0);
      expect(await runCli(["audit", "g.json", "--json", "--fail-on", threshold], fakeIO({ "g.json": file }).io)).toBe(reached ? 1 : 0);
    }
  });

  it("exit 2 naming the file, the JSON path and what was expected", async () => {
    const bad = JSON.parse(sample);
    bad.accounts[0].logins[1].status = "ENABLED";
    const { io, stderr, stdout } = fakeIO({ "bad.json": JSON.stringify(bad) });
    expect(await runCli(["audit", "bad.json"], io)).toBe(2);
    expect(stdout()).toBe("");
    // In the API's words (decision 094).
    expect(stderr()).toContain('gatehouse: bad.json: accounts[0].logins[1].status: expected one of: "INVITED", "ACTIVE", "DISABLED", "REMOVED"');
  });

  it("exit 2 for a dangling reference, with its path", async () => {
    const bad = JSON.parse(sample);
    bad.accounts[1].logins[0].personId = "p-ghost";
    const { io, stderr } = fakeIO({ "bad.json": JSON.stringify(bad) });
    expect(await runCli(["audit", "bad.json"], io)).toBe(2);
    expect(stderr()).toContain('bad.json: accounts[1].logins[0].personId: "p-ghost" is not the id of an entry in people.');
  });

  it("exit 2 for a missing file and for malformed JSON", async () => {
    const missing = fakeIO({});
    expect(await runCli(["audit", "nope.json"], missing.io)).toBe(2);
    expect(missing.stderr()).toBe("gatehouse: nope.json: cannot read file: no such file\n");
    const broken = fakeIO({ "b.json": '{\n  "format": "gatehouse.snapshot/v1",\n  "accounts": [}\n' });
    expect(await runCli(["audit", "b.json"], broken.io)).toBe(2);
    expect(broken.stderr()).toMatch(/^gatehouse: b\.json: \(root\): expected valid JSON: /);
  });

  it.each([
    [[]],
    [["audit"]],
    [["audit", "a.json", "b.json"]],
    [["audit", "a.json", "--as-of", "2026-02-30"]],
    [["audit", "a.json", "--as-of"]],
    [["audit", "a.json", "--fail-on", "severe"]],
    [["audit", "a.json", "--verbose"]],
    [["deploy"]],
  ])("exit 2 with usage for bad arguments %j", async (argv) => {
    const { io, stderr } = fakeIO({ "a.json": minimal() });
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).toContain("Usage:");
  });
});

describe("gatehouse schema and --help", () => {
  it("schema prints the JSON Schema", async () => {
    const { io, stdout } = fakeIO({});
    expect(await runCli(["schema"], io)).toBe(0);
    expect(stdout()).toBe(snapshotJsonSchemaText());
  });

  it("--help prints usage on stdout and exits 0", async () => {
    const { io, stdout } = fakeIO({});
    expect(await runCli(["--help"], io)).toBe(0);
    expect(stdout()).toContain("gatehouse audit FILE [--json] [--as-of YYYY-MM-DD] [--fail-on critical|high|medium|low]");
  });
});
