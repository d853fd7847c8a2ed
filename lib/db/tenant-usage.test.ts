import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countScopedFunctions, findOwnerClientUses, programFor } from "@/tests/support/owner-client-guard";

// Row-level security only guards queries that run through dbFor(scope). This keeps every function
// of lib/db that acts for a signed-in user (it takes the Scope) off the owner's client, getDb(),
// which bypasses it, directly or through any lib/db helper it calls. System jobs (sign-in, sessions,
// migrations, seeding, full recomputes) take no Scope and are not affected. The code is read with the
// TypeScript compiler (tests/support/owner-client-guard.ts): arrow functions, methods, subfolders,
// aliases and helpers count like function declarations.
const SYSTEM_JOBS_CALLED_WITH_A_SCOPE = new Map([
  // The client-owner portal writes and reads rows of the client's own organisation, tied to a client of the caller's.
  ["lib/db/portal.ts:inviteClientOwner", "creates the client's organisation and its invitation"],
  ["lib/db/portal.ts:listClientPortals", "lists the members of the agency's clients' organisations"],
  // The dev outbox judges each invitation link by its invitation, portal ones included (decision 100), tied to a client of the caller's.
  ["lib/db/outbox.ts:listOutbox", "reads the invitations behind its links (invitationsByToken)"],
  ["lib/db/outbox.ts:invitationsByToken", "reads the portal invitations the agency sent, in its clients' own organisations"],
  // A campaign's reviewers may be the portal members of its accounts' clients (read as listClientPortals does).
  ["lib/db/reviews/reviewers.ts:reviewerOptions", "reads the members of the accounts' clients' own organisations"],
  ["lib/db/reviews/reviewers.ts:campaignStartOptions", "offers those members as reviewers (reviewerOptions)"],
  ["lib/db/reviews/start-campaign.ts:startCampaign", "assigns those members as reviewers (startCampaignOnce)"],
  ["lib/db/reviews/start-campaign.ts:startCampaignOnce", "assigns those members as reviewers (reviewerOptions)"],
  ["lib/db/reviews/start-campaign.ts:startNextRecurrence", "starts the next recurrence (startCampaign)"],
  // A role change or removal ends that member's sessions: UserSession is a system table (lib/db/app-tables.ts).
  ["lib/db/members.ts:changeMember", "revokes the member's sessions (sessions.ts)"],
  ["lib/db/members.ts:removeMember", "revokes the member's sessions (sessions.ts)"],
  // pg-boss's tables belong to the owner; the queries keep to the organisation's own jobs and system-wide ones.
  ["lib/db/jobs/job-runs.ts:listJobRuns", "reads pg-boss's job table"],
  ["lib/db/jobs/job-runs.ts:retryFailedJob", "reads pg-boss's job table"],
  // A new organisation is nobody's tenant until it exists: created with its Owner membership by the system.
  ["lib/db/setup/create-agency.ts:createOwnOrganisation", "creates a new organisation for the caller"],
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !path.includes(`${join("lib", "db", "generated")}`));
}

// Building and checking a program of lib/db takes seconds on a loaded 2-core machine; nothing here is timed.
describe("scoped data access goes through row-level security", { timeout: 120_000 }, () => {
  const root = process.cwd();
  const files = sourceFiles(join(root, "lib/db"));
  const program = programFor(root, files);

  it("finds the scoped functions it guards, in every folder", () => {
    expect(files.some((f) => f.includes(join("lib", "db", "risk")))).toBe(true);
    expect(countScopedFunctions(program, files)).toBeGreaterThan(40);
  });

  it("never reaches the owner's client from a function that takes the caller's Scope", () => {
    const offenders = findOwnerClientUses(program, root, files, join(root, "lib/db/client.ts"))
      .filter((use) => !SYSTEM_JOBS_CALLED_WITH_A_SCOPE.has(use.at))
      .map((use) => `${use.at} → ${use.via.join(" → ")}`);
    expect(offenders).toEqual([]);
  });

  it("lists no exception that no longer reaches it", () => {
    const reaching = new Set(findOwnerClientUses(program, root, files, join(root, "lib/db/client.ts")).map((use) => use.at));
    expect([...SYSTEM_JOBS_CALLED_WITH_A_SCOPE.keys()].filter((at) => !reaching.has(at))).toEqual([]);
  });
});

describe("the guard itself", { timeout: 120_000 }, () => {
  // What the regular-expression guard it replaces missed: arrow functions, subfolders, aliases, helpers.
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-guard-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
    return join(dir, path);
  };
  const files = [
    write("client.ts", `export function getDb() { return { q: () => 1 }; }\n`),
    write("scope.ts", `export interface Scope { orgId: string }\nexport function dbFor(scope: Scope) { return { q: () => scope.orgId }; }\n`),
    write(
      "sub/things.ts",
      [
        `import { getDb as ownerDb } from "../client";`,
        `import { dbFor, type Scope } from "../scope";`,
        `import { helper } from "./helper";`,
        `export const arrow = async (scope: Scope) => ownerDb().q();`,
        `export const picked = function (s: Pick<Scope, "orgId">) { return ownerDb(); };`,
        `export const viaHelper = (scope: Scope) => helper(scope.orgId);`,
        `export class Repo { list(scope: Scope) { return [1].map(() => ownerDb()); } }`,
        `export const fine = (scope: Scope) => dbFor(scope).q();`,
        `export function system() { return ownerDb(); }`,
      ].join("\n"),
    ),
    write("sub/helper.ts", `import { getDb } from "../client";\nexport function helper(orgId: string) { return orgId ? getDb() : null; }\n`),
  ];

  it("catches arrow functions, function expressions, methods, aliases and helpers in subfolders", () => {
    const uses = findOwnerClientUses(programFor(dir, files), dir, files, join(dir, "client.ts"));
    expect(uses).toEqual([
      { at: "sub/things.ts:arrow", via: ["getDb"] },
      { at: "sub/things.ts:picked", via: ["getDb"] },
      { at: "sub/things.ts:viaHelper", via: ["helper", "getDb"] },
      { at: "sub/things.ts:list", via: ["getDb"] },
    ]);
  });
});
