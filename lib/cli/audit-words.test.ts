import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { interpolate } from "../i18n/format";
import { messages, type MessageKey } from "../i18n/messages";
import { describeSnapshotError } from "../i18n/snapshot-errors";
import { evaluateSnapshot } from "../risk";
import { humaniseEvidence, mentionedIds, snapshotLabels } from "../risk/humanise";
import { containsPhoneNumber } from "../validation/phone-number";
import { parseSnapshot, snapshotSchema } from "../validation/snapshot";
import { runCli, type CliIO } from "./audit";
import { maskLabelPhoneNumbers } from "./format";

// New-user pass 45 (decision 094): what `gatehouse audit` says in words a person reads. F3: its evidence names people,
// logins and devices as the app does, not by the snapshot's ids. F4: a full phone number in a device's label is masked
// as the app masks stored labels. F5: its problems are worded as the API's and the import page's, and unknown
// references come with the format problems in one pass.

const sample = readFileSync(fileURLToPath(new URL("../../examples/snapshot.sample.json", import.meta.url)), "utf8");

function fakeIO(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readFile: async (path) => files[path],
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    today: () => "2026-12-07",
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

async function audit(document: unknown, ...flags: string[]) {
  const run = fakeIO({ "s.json": JSON.stringify(document) });
  const code = await runCli(["audit", "s.json", ...flags], run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

type AuditJson = { accounts: { id: string; findings: { rule: string; subject: { type: string; id: string }; evidence: string }[] }[] };
const findingsOf = async (document: unknown) => (JSON.parse((await audit(document, "--json")).stdout) as AuditJson).accounts.flatMap((a) => a.findings.map((f) => ({ account: a.id, ...f })));

const shared = {
  format: "gatehouse.snapshot/v1",
  asOf: "2026-12-07",
  people: [
    { id: "p-sato", name: "Sato Hana", company: "Sakura Tea" },
    { id: "p-ito", name: "Ito Ken", external: true, company: "Blue Agency" },
  ],
  devices: [{ id: "d-1", kind: "PHONE", label: "SMS +81 90 1234 5678", holderId: "p-sato" }],
  accounts: [
    {
      id: "acc-1", storeName: "Sakura Tea", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: "2026-12-01",
      logins: [{
        id: "l-1", role: "PRIMARY", email: "owner@sakura.example", personId: "p-sato", usedBy: ["p-sato", "p-ito"], status: "ACTIVE", lastLoginAt: "2026-12-01",
        twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "5678" }],
      }],
    },
    {
      // The same login id in another account: a snapshot's login ids are unique only within their account.
      id: "acc-2", storeName: "Blue Shop", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: "2026-12-01",
      logins: [{
        id: "l-1", role: "PRIMARY", email: "shop@blue.example", personId: "p-ito", status: "ACTIVE", lastLoginAt: "2026-12-01",
        twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "5678" }],
      }],
    },
  ],
};

describe("gatehouse audit names people, logins and devices as the app does (F3)", () => {
  it("a shared primary login's evidence names its person and the others by name; the subject keeps its id", async () => {
    const findings = await findingsOf(shared);
    const sharedLogin = findings.find((f) => f.rule === "SHARED_PRIMARY_LOGIN")!;
    expect(sharedLogin.subject).toEqual({ type: "login", id: "l-1" });
    expect(sharedLogin.evidence).toBe("primary login owner@sakura.example of Sato Hana (Sakura Tea) is also used by 1 other person: Ito Ken (Blue Agency)");
    for (const f of findings) expect(f.evidence, f.rule).not.toMatch(/\bp-(sato|ito)\b|\bd-1\b/);
    // The table says the same.
    const table = (await audit(shared)).stdout;
    for (const f of findings) expect(table).toContain(f.evidence);
  });

  it("a login is named by its own account's e-mail, though another account has a login of the same id", async () => {
    const findings = await findingsOf(shared);
    const single = findings.filter((f) => f.rule === "SINGLE_2SV_METHOD");
    expect(single.map((f) => [f.account, f.evidence.split(" has ")[0]])).toEqual([
      ["acc-1", "primary login owner@sakura.example"],
      ["acc-2", "primary login shop@blue.example"],
    ]);
  });

  it("every finding of the sample reads as the app would store it (recompute's humanising of the same evidence)", async () => {
    const snapshot = maskedSample();
    const labels = snapshotLabels(snapshot);
    const expected = evaluateSnapshot(snapshot, { asOf: "2026-11-23" }).accounts.flatMap((a) => a.findings.map((f) => humaniseEvidence(f.evidence, mentionedIds(f.evidence, labels), labels)));
    const run = fakeIO({ "s.json": sample });
    expect(await runCli(["audit", "s.json", "--json"], run.io)).toBe(0);
    const printed = (JSON.parse(run.stdout()) as AuditJson).accounts.flatMap((a) => a.findings.map((f) => f.evidence));
    expect(printed).toEqual(expected);
    expect(printed.join("\n")).not.toMatch(/\bp-[a-z]+\b/);
  });

  it("an id of digits alone is left as it stands, where it could be read as a count; the logins are still named", async () => {
    const people = ["1", "2", "3", "4"].map((id) => ({ id, name: `Person ${id}` }));
    const logins = people.map((p, i) => ({ id: `l-${p.id}`, role: i === 0 ? "PRIMARY" : "SECONDARY", email: `staff${p.id}@shop.example`, personId: p.id, status: "ACTIVE", lastLoginAt: "2026-12-01", permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] }));
    const document = { format: "gatehouse.snapshot/v1", people, accounts: [{ id: "a", storeName: "S", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: "2026-12-01", logins }] };
    const findings = await findingsOf(document);
    expect(findings.find((f) => f.rule === "TOO_MANY_ADMINS")!.evidence).toBe("4 people can administer the account (limit 3): 1, 2, 3, 4");
    expect(findings.find((f) => f.rule === "NO_2SV" && f.subject.id === "l-1")!.evidence).toBe("primary login staff1@shop.example has no 2-step verification method");
  });
});

/** The sample as the command reads it, its labels masked. */
const maskedSample = () => maskLabelPhoneNumbers(snapshotSchema.parse(JSON.parse(sample)));

describe("gatehouse audit masks a full phone number in a label (F4)", () => {
  it("the table and --json repeat no full phone number: every digit but the last four masked, as the app stores labels", async () => {
    const table = (await audit(shared)).stdout;
    const json = (await audit(shared, "--json")).stdout;
    for (const output of [table, json]) {
      expect(output).not.toContain("90 1234 5678");
      expect(containsPhoneNumber(output)).toBe(false);
      expect(output).toContain("SMS +•• •• •••• 5678");
    }
  });
});

const en = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(messages.en[key], vars, "en");

describe("gatehouse audit's problems: the API's words, unknown references in the same pass (F5)", () => {
  const bad = {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-1", name: "One" }],
    accounts: [{
      id: "a", storeName: "S", region: "JP", plan: "GOLD", status: "ACTIVE",
      logins: [{ id: "l-1", role: "PRIMARY", personId: "p-ghost", status: "ACTIVE" }],
      otherAccess: [{ personId: "p-gone", console: "ADS", role: "ADMIN" }],
    }],
  };

  it("says each problem as describeSnapshotError does for the API, the format problem and the unknown references at once", async () => {
    const { code, stderr } = await audit(bad);
    expect(code).toBe(2);
    const parsed = parseSnapshot(bad);
    if (parsed.ok) throw new Error("expected problems");
    expect(stderr).toBe(parsed.errors.map((e) => `gatehouse: s.json: ${e.path}: ${describeSnapshotError(e, en)}\n`).join(""));
    expect(stderr).toBe(
      [
        'gatehouse: s.json: accounts[0].plan: expected one of: "PROFESSIONAL", "INDIVIDUAL"',
        'gatehouse: s.json: accounts[0].logins[0].personId: "p-ghost" is not the id of an entry in people.',
        'gatehouse: s.json: accounts[0].otherAccess[0].personId: "p-gone" is not the id of an entry in people.',
      ].join("\n") + "\n",
    );
  });

  it("a file that is not JSON is said as the API says it", async () => {
    const run = fakeIO({ "b.json": '{"format": 1}\nx' });
    expect(await runCli(["audit", "b.json"], run.io)).toBe(2);
    expect(run.stderr()).toBe("gatehouse: b.json: (root): this is not valid JSON (line 2, column 1).\n");
  });
});
