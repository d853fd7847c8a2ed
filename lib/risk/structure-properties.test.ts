import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSnapshot, type Snapshot } from "../validation/snapshot";
import { evaluateSnapshot } from "./evaluate";
import { ALL_RULES } from "./rules";
import { snapshotStructure } from "./snapshot-arbitrary";
import { RULE_IDS, SEVERITIES, type EvaluationResult, type Finding } from "./types";

// The engine's invariants over generated snapshot STRUCTURES (snapshot-arbitrary.ts): shapes no
// realistic portfolio has, each one a valid snapshot. properties.test.ts covers realistic portfolios.

const RUNS = 150;
const evaluate = ({ snapshot, asOf }: { snapshot: Snapshot; asOf: string }) => evaluateSnapshot(snapshot, { asOf });
const key = (f: Finding) => `${f.accountId}|${f.rule}|${f.severity}|${f.subject.type}|${f.subject.id}`;
const PENALTY = { critical: 40, high: 15, medium: 5, low: 1 } as const;
// SNAPSHOT.md: login rules look at ACTIVE logins only; INVITED ones only STALE_INVITE.
const ACTIVE_LOGIN_RULES = new Set(["NO_2SV", "SINGLE_2SV_METHOD", "PRIMARY_NO_BACKUP", "SMS_ONLY", "DORMANT_USER", "STALE_PASSWORD", "PASSWORD_REUSED", "OFFBOARDED_STILL_ACTIVE", "EXTERNAL_ADMIN", "CONTRACTOR_AS_USER"]);
const FIXED_SEVERITY = new Map(ALL_RULES.filter((r) => typeof r.severity === "string").map((r) => [r.id, r.severity]));

/** Randomly reordered people, devices, accounts, and each account's logins, partners and apps. */
const permuted = snapshotStructure.chain(({ snapshot, asOf }) => {
  const shuffle = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
  return fc
    .record({
      people: shuffle(snapshot.people),
      devices: shuffle(snapshot.devices),
      accounts: fc.tuple(...snapshot.accounts.map((a) => fc.record({ logins: shuffle(a.logins), partners: shuffle(a.partners), apps: shuffle(a.apps) }).map((parts) => ({ ...a, ...parts })))),
    })
    .chain((parts) => shuffle(parts.accounts).map((accounts) => ({ asOf, original: snapshot, reordered: { ...snapshot, ...parts, accounts } })));
});

function byAccount(result: EvaluationResult) {
  return new Map(result.accounts.map((a) => [a.id, { score: a.score, findings: a.findings.map(key).sort() }]));
}

describe("engine invariants over generated snapshot structures", () => {
  it("every generated structure is a valid snapshot", () => {
    fc.assert(
      fc.property(snapshotStructure, ({ snapshot }) => {
        const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("scores stay within 0..100 and equal 100 − 40·critical − 15·high − 5·medium − 1·low, floored at 0", () => {
    fc.assert(
      fc.property(snapshotStructure, (input) => {
        const result = evaluate(input);
        expect(result.accounts.map((a) => a.id)).toEqual(input.snapshot.accounts.map((a) => a.id));
        for (const account of result.accounts) {
          const penalty = account.findings.reduce((sum, f) => sum + PENALTY[f.severity], 0);
          expect(account.score).toBe(Math.max(0, 100 - penalty));
          expect(account.score).toBeGreaterThanOrEqual(0);
          expect(account.score).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("findings are only about subjects that exist, filed under their own account, once each", () => {
    fc.assert(
      fc.property(snapshotStructure, (input) => {
        const { snapshot } = input;
        const people = new Set(snapshot.people.map((p) => p.id));
        const devices = new Set(snapshot.devices.map((d) => d.id));
        for (const result of evaluate(input).accounts) {
          const account = snapshot.accounts.find((a) => a.id === result.id)!;
          const exists: Record<string, (id: string) => boolean> = {
            account: (id) => id === account.id,
            login: (id) => account.logins.some((l) => l.id === id),
            partner: (id) => account.partners.some((p) => p.id === id),
            app: (id) => account.apps.some((a) => a.id === id),
            person: (id) => people.has(id),
            device: (id) => devices.has(id),
          };
          for (const f of result.findings) {
            expect(f.accountId).toBe(account.id);
            expect(RULE_IDS).toContain(f.rule);
            expect(SEVERITIES).toContain(f.severity);
            if (FIXED_SEVERITY.has(f.rule)) expect(f.severity).toBe(FIXED_SEVERITY.get(f.rule));
            expect(exists[f.subject.type]?.(f.subject.id), `${f.rule} about ${f.subject.type} ${f.subject.id}`).toBe(true);
            expect(f.evidence.length).toBeGreaterThan(0);
            expect(f.remediation.ja.length * f.remediation.en.length).toBeGreaterThan(0);
          }
          const keys = result.findings.map(key);
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("login rules fire on ACTIVE logins only; NO_2SV and SINGLE_2SV_METHOD exactly by method count, never together", () => {
    fc.assert(
      fc.property(snapshotStructure, (input) => {
        for (const result of evaluate(input).accounts) {
          const account = input.snapshot.accounts.find((a) => a.id === result.id)!;
          const rulesOf = (loginId: string) => new Set(result.findings.filter((f) => f.subject.type === "login" && f.subject.id === loginId).map((f) => f.rule));
          for (const login of account.logins) {
            const rules = rulesOf(login.id);
            expect(rules.has("NO_2SV") && rules.has("SINGLE_2SV_METHOD")).toBe(false);
            const active = login.status === "ACTIVE";
            expect(rules.has("NO_2SV")).toBe(active && login.twoStep.length === 0);
            expect(rules.has("SINGLE_2SV_METHOD")).toBe(active && login.twoStep.length === 1);
            if (!active) for (const rule of rules) expect(ACTIVE_LOGIN_RULES.has(rule), `${rule} on a ${login.status} login`).toBe(false);
            if (rules.has("STALE_INVITE")) expect(login.status).toBe("INVITED");
          }
          // SUSPENDED: one finding exactly when the account is not ACTIVE.
          expect(result.findings.filter((f) => f.rule === "SUSPENDED").length).toBe(account.status === "ACTIVE" ? 0 : 1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic, and does not depend on the order of people, devices, accounts or logins", () => {
    fc.assert(
      fc.property(permuted, ({ asOf, original, reordered }) => {
        const first = evaluate({ snapshot: original, asOf });
        expect(evaluate({ snapshot: structuredClone(original), asOf })).toEqual(first);
        expect(byAccount(evaluate({ snapshot: reordered, asOf }))).toEqual(byAccount(first));
      }),
      { numRuns: RUNS },
    );
  });
});
