import { describe, expect, it } from "vitest";
import { REMEDIATION } from "../risk";
import { runCli, type CliIO } from "./audit";

// The audit command's output for NO_ACTIVE_PRIMARY at the rule's boundaries (issue 19): one account per case,
// each otherwise healthy (2SV with a backup, a second admin, recent logins), so only the rule under test varies.
const twoStep = (person: string) => [
  { kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: `d-${person}-app` },
  { kind: "SMS", role: "BACKUP", deviceId: `d-${person}-phone`, phoneLast4: "1234" },
];
const adminLogin = { id: "l-admin", role: "SECONDARY", personId: "p-admin", status: "ACTIVE", acceptedAt: "2026-01-01", lastLoginAt: "2026-11-20", twoStep: twoStep("p-admin"), permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] };
const primary = (status: string) => ({
  id: "l-owner", role: "PRIMARY", email: "owner@shop.example", personId: "p-owner", status,
  invitedAt: status === "INVITED" ? "2026-11-20" : null, lastLoginAt: status === "INVITED" ? null : "2026-11-20", twoStep: status === "INVITED" ? [] : twoStep("p-owner"),
});
const account = (id: string, logins: unknown[], status = "ACTIVE") => ({ id, storeName: id, region: "JP", plan: "PROFESSIONAL", status, lastVerifiedAt: "2026-11-20", logins });

const snapshot = JSON.stringify({
  format: "gatehouse.snapshot/v1",
  asOf: "2026-11-23",
  people: [{ id: "p-owner", name: "Owner" }, { id: "p-admin", name: "Admin" }],
  devices: ["p-owner", "p-admin"].flatMap((p) => [{ id: `d-${p}-app`, kind: "AUTHENTICATOR_APP", holderId: p }, { id: `d-${p}-phone`, kind: "PHONE", holderId: p }]),
  accounts: [
    account("acc-active", [primary("ACTIVE"), adminLogin]),
    account("acc-invited", [primary("INVITED"), adminLogin]),
    account("acc-disabled", [primary("DISABLED"), adminLogin]),
    account("acc-removed", [primary("REMOVED"), adminLogin]),
    account("acc-missing", [adminLogin]),
    account("acc-suspended", [primary("DISABLED"), adminLogin], "SUSPENDED"),
    account("acc-deactivated", [primary("DISABLED"), adminLogin], "DEACTIVATED"),
  ],
});

async function audit(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { readFile: async () => snapshot, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), today: () => "2026-11-23" };
  const code = await runCli(["audit", "s.json", ...argv], io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("gatehouse audit: NO_ACTIVE_PRIMARY", () => {
  it("--json reports it once on each active account without an active primary, with remediation in ja and en", async () => {
    const { code, stdout } = await audit(["--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { accounts: { id: string; score: number; findings: { rule: string; severity: string; subject: unknown; evidence: string; remediation: unknown }[] }[] };
    const rules = Object.fromEntries(json.accounts.map((a) => [a.id, a.findings.map((f) => f.rule)]));
    // Without an active primary the secondary admin is the only admin left, so SINGLE_ADMIN comes along.
    expect(rules).toEqual({
      "acc-active": [],
      "acc-invited": ["NO_ACTIVE_PRIMARY", "SINGLE_ADMIN"],
      "acc-disabled": ["NO_ACTIVE_PRIMARY", "SINGLE_ADMIN"],
      "acc-removed": ["NO_ACTIVE_PRIMARY", "SINGLE_ADMIN"],
      "acc-missing": ["NO_ACTIVE_PRIMARY", "SINGLE_ADMIN"],
      "acc-suspended": ["SUSPENDED", "SINGLE_ADMIN"],
      "acc-deactivated": ["SUSPENDED", "SINGLE_ADMIN"],
    });
    const disabled = json.accounts.find((a) => a.id === "acc-disabled")!;
    expect(disabled.score).toBe(100 - 40 - 5);
    expect(disabled.findings[0]).toEqual({
      rule: "NO_ACTIVE_PRIMARY",
      severity: "critical",
      subject: { type: "account", id: "acc-disabled" },
      evidence: "no active primary login: primary login owner@shop.example is DISABLED",
      remediation: { ja: REMEDIATION.NO_ACTIVE_PRIMARY.ja, en: REMEDIATION.NO_ACTIVE_PRIMARY.en },
    });
    expect(json.accounts.find((a) => a.id === "acc-missing")!.findings[0].evidence).toBe("no primary login is recorded for this active account");
  });

  it("prints it in the table, and --fail-on critical exits 1 because of it", async () => {
    const { code, stdout } = await audit(["--fail-on", "critical"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/acc-invited {2}acc-invited \(JP\) {2}score 55 {2}1 critical, 1 medium\n {2}SEVERITY.*\n {2}critical +NO_ACTIVE_PRIMARY +account acc-invited +no active primary login: primary login owner@shop\.example is INVITED/);
    expect(stdout).toContain("acc-active  acc-active (JP)  score 100  no findings");
  });
});
