import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as audit } from "@/app/api/v1/audit/route";
import { POST as postSnapshots } from "@/app/api/v1/snapshots/route";
import { runCli, type CliIO } from "@/lib/cli/audit";
import { createApiToken } from "@/lib/db/api-tokens/tokens";
import { syncToolCatalogue } from "@/lib/db/tools";
import { callApi } from "@/tests/support/api";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";

// New-user pass 45 (decision 094): the API says what `gatehouse audit` says. F3/F4: POST /audit's evidence names
// people as the app does and masks a full phone number in a label, byte for byte the command's --json. F5: a refused
// snapshot's problems are worded as the command words them, unknown references with the format problems, on POST
// /audit and POST /snapshots alike.
const db = testDb();
let token: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  const tenant = await createTenant(db);
  ({ token } = await createApiToken(await scopeFor(tenant.userId), { name: "words", scope: "write", clientIds: [], expiresOn: null }));
});
afterAll(() => db.$disconnect());

async function cli(document: unknown, ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { readFile: async () => JSON.stringify(document), stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), today: () => new Date().toISOString().slice(0, 10) };
  const code = await runCli(["audit", "s.json", ...flags], io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

const good = {
  format: "gatehouse.snapshot/v1",
  asOf: "2026-12-07",
  people: [{ id: "p-sato", name: "Sato Hana", company: "Sakura Tea" }, { id: "p-ito", name: "Ito Ken", external: true, company: "Blue Agency" }],
  devices: [{ id: "d-1", kind: "PHONE", label: "SMS +81 90 1234 5678", holderId: "p-sato" }],
  accounts: [{
    id: "acc-1", storeName: "Sakura Tea", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: "2026-12-01",
    logins: [{ id: "l-1", role: "PRIMARY", email: "owner@sakura.example", personId: "p-sato", usedBy: ["p-sato", "p-ito"], status: "ACTIVE", lastLoginAt: "2026-12-01", twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "5678" }] }],
  }],
};

const bad = {
  format: "gatehouse.snapshot/v1",
  people: [{ id: "p-1", name: "One" }],
  accounts: [{ id: "a", storeName: "S", sellerId: "A2WORDS000001", region: "JP", plan: "GOLD", status: "ACTIVE", logins: [{ id: "l-1", role: "PRIMARY", personId: "p-ghost", status: "ACTIVE" }] }],
};

describe("POST /api/v1/audit says what gatehouse audit says", () => {
  it("evidence by name, the label's phone number masked: the command's --json, byte for byte", async () => {
    const answer = await callApi(audit, { method: "POST", path: "/api/v1/audit", token, body: JSON.stringify(good) });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe((await cli(good, "--json")).stdout);
    expect(answer.text).toContain("primary login owner@sakura.example of Sato Hana (Sakura Tea) is also used by 1 other person: Ito Ken (Blue Agency)");
    expect(answer.text).not.toContain("90 1234 5678");
    expect(answer.text).not.toMatch(/\bp-(sato|ito)\b/);
  });
});

describe("a refused snapshot's problems are the command's, on both endpoints", () => {
  const cliProblems = async () =>
    (await cli(bad)).stderr.trimEnd().split("\n").map((line) => {
      const [, path, message] = /^gatehouse: s\.json: (\S+): (.*)$/.exec(line)!;
      return { path, message };
    });

  it.each([
    ["POST /api/v1/audit", audit, "/api/v1/audit"],
    ["POST /api/v1/snapshots", postSnapshots, "/api/v1/snapshots"],
  ] as const)("%s: the format problem and the unknown reference at once, in the command's words", async (_, handler, path) => {
    const answer = await callApi(handler, { method: "POST", path, token, body: JSON.stringify(bad), headers: { "accept-language": "en" } });
    expect(answer.status).toBe(422);
    const problems = (answer.json as { error: { problems: { path: string; message: string }[] } }).error.problems;
    expect(problems).toEqual(await cliProblems());
    expect(problems).toEqual([
      { path: "accounts[0].plan", message: 'expected one of: "PROFESSIONAL", "INDIVIDUAL"' },
      { path: "accounts[0].logins[0].personId", message: '"p-ghost" is not the id of an entry in people.' },
    ]);
  });
});
