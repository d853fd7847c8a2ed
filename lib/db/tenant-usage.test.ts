import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Row-level security only guards queries that run through dbFor(scope). This keeps every function
// of lib/db that acts for a signed-in user (it takes the Scope) off the owner's client, getDb(),
// which bypasses it. System jobs (sign-in, sessions, migrations, seeding, full recomputes) take
// no Scope and are not affected.
const SYSTEM_JOBS_CALLED_WITH_A_SCOPE = new Map([
  // A threshold change recomputes the whole organisation: the same batch job as `npm run recompute`.
  ["settings.ts:updateRiskSettings", "full recompute of the caller's own organisation"],
  // The client-owner portal writes and reads rows of the client's own organisation, tied to a client of the caller's.
  ["portal.ts:inviteClientOwner", "creates the client's organisation and its invitation"],
  ["portal.ts:listClientPortals", "lists the members of the agency's clients' organisations"],
]);

function scopedFunctions(source: string): { name: string; body: string }[] {
  const found: { name: string; body: string }[] = [];
  const starts = [...source.matchAll(/^(?:export )?(?:async )?function (\w+)(?:<[^>]*>)?\(([^)]*)/gm)];
  for (const [i, match] of starts.entries()) {
    const end = i + 1 < starts.length ? starts[i + 1].index : source.length;
    if (/\bscope: (?:Scope|Pick<Scope)/.test(match[2])) found.push({ name: match[1], body: source.slice(match.index, end) });
  }
  return found;
}

describe("scoped data access goes through row-level security", () => {
  const dir = join(process.cwd(), "lib/db");
  // Capability folders (lib/db/snapshots/ …) too; the generated client is not ours.
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("generated"));

  it("finds the scoped functions it guards", () => {
    const count = files.reduce((n, f) => n + scopedFunctions(readFileSync(join(dir, f), "utf8")).length, 0);
    expect(count).toBeGreaterThan(40);
  });

  it("never uses the owner's client in a function that takes the caller's Scope", () => {
    const offenders = files.flatMap((file) =>
      scopedFunctions(readFileSync(join(dir, file), "utf8"))
        .filter((fn) => fn.body.includes("getDb(") && !SYSTEM_JOBS_CALLED_WITH_A_SCOPE.has(`${file}:${fn.name}`))
        .map((fn) => `${file}:${fn.name}`),
    );
    expect(offenders).toEqual([]);
  });
});
