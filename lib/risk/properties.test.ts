import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../validation/snapshot";
import { evaluateSnapshot } from "./evaluate";
import { generateSnapshot } from "./generate";
import { scoreFindings } from "./score";
import type { Finding, RuleId, Severity } from "./types";

const AS_OF = "2026-11-23";
const TWO_STEP_RULES: readonly RuleId[] = ["NO_2SV", "SINGLE_2SV_METHOD", "PRIMARY_NO_BACKUP", "SMS_ONLY"];

/** Realistic random portfolios: the generator's mix triggers every rule across seeds. */
const portfolio = fc.record({ accounts: fc.integer({ min: 1, max: 12 }), seed: fc.integer() }).map(({ accounts, seed }) => generateSnapshot(accounts, seed));

const clone = (snap: Snapshot): Snapshot => structuredClone(snap);
const evaluate = (snap: Snapshot) => evaluateSnapshot(snap, { asOf: AS_OF });
const key = (f: Finding) => `${f.accountId}|${f.rule}|${f.severity}|${f.subject.type}|${f.subject.id}`;
const allFindings = (snap: Snapshot) => evaluate(snap).accounts.flatMap((a) => a.findings);

describe("engine properties", () => {
  it("is deterministic: the same input gives the same output", () => {
    fc.assert(
      fc.property(portfolio, (snap) => {
        expect(evaluate(clone(snap))).toEqual(evaluate(snap));
      }),
      { numRuns: 60 },
    );
  });

  it("per-account results do not depend on the order of accounts", () => {
    const shuffled = portfolio.chain((snap) =>
      fc
        .shuffledSubarray(snap.accounts, { minLength: snap.accounts.length, maxLength: snap.accounts.length })
        .map((accounts) => [snap, { ...snap, accounts }] as const),
    );
    fc.assert(
      fc.property(shuffled, ([original, reordered]) => {
        const byId = (snap: Snapshot) => new Map(evaluate(snap).accounts.map((a) => [a.id, a]));
        const a = byId(original);
        const b = byId(reordered);
        for (const [id, result] of a) expect(b.get(id)).toEqual(result);
      }),
      { numRuns: 60 },
    );
  });

  it("adding a BACKUP authenticator app to a login never adds a 2SV finding for it", () => {
    const target = portfolio.chain((snap) =>
      fc.record({ snap: fc.constant(snap), a: fc.nat(snap.accounts.length - 1), l: fc.nat(20) }),
    );
    fc.assert(
      fc.property(target, ({ snap, a, l }) => {
        const acc = snap.accounts[a];
        const login = acc.logins[l % acc.logins.length];
        const twoStepOf = (s: Snapshot) =>
          new Set(allFindings(s).filter((f) => f.accountId === acc.id && f.subject.id === login.id && TWO_STEP_RULES.includes(f.rule)).map((f) => f.rule));
        const before = twoStepOf(snap);

        const after = clone(snap);
        after.devices.push({ id: "d-new-app", kind: "AUTHENTICATOR_APP", label: null, holderId: login.personId, skipOtpOnBrowser: false });
        after.accounts[a].logins[l % acc.logins.length].twoStep.push({ kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: "d-new-app", phoneLast4: null });
        const afterRules = twoStepOf(after);

        // With no method at all, NO_2SV gives way to SINGLE_2SV_METHOD: the one allowed replacement.
        const allowed = new Set(before);
        if (before.has("NO_2SV")) allowed.add("SINGLE_2SV_METHOD");
        for (const rule of afterRules) expect(allowed).toContain(rule);
        expect(afterRules.size).toBeLessThanOrEqual(before.size);
      }),
      { numRuns: 100 },
    );
  });

  it("removing a login never adds a finding about another user", () => {
    const target = portfolio.chain((snap) =>
      fc.record({ snap: fc.constant(snap), a: fc.nat(snap.accounts.length - 1), l: fc.nat(20) }),
    );
    fc.assert(
      fc.property(target, ({ snap, a, l }) => {
        const index = l % snap.accounts[a].logins.length;
        const removed = snap.accounts[a].logins[index];
        const aboutOthers = (s: Snapshot) =>
          new Set(
            allFindings(s)
              .filter((f) => (f.subject.type === "login" && f.subject.id !== removed.id) || (f.subject.type === "person" && f.subject.id !== removed.personId))
              .map(key),
          );
        const before = aboutOthers(snap);
        const after = clone(snap);
        after.accounts[a].logins.splice(index, 1);
        for (const finding of aboutOthers(after)) expect(before).toContain(finding);
      }),
      { numRuns: 100 },
    );
  });

  it("NO_2SV and SINGLE_2SV_METHOD never fire together for one login; scores stay within 0..100", () => {
    fc.assert(
      fc.property(portfolio, (snap) => {
        for (const account of evaluate(snap).accounts) {
          const no2sv = new Set(account.findings.filter((f) => f.rule === "NO_2SV").map((f) => f.subject.id));
          for (const f of account.findings) if (f.rule === "SINGLE_2SV_METHOD") expect(no2sv.has(f.subject.id)).toBe(false);
          expect(account.score).toBeGreaterThanOrEqual(0);
          expect(account.score).toBeLessThanOrEqual(100);
          expect(account.score).toBe(scoreFindings(account.findings));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("score properties", () => {
  const severity = fc.constantFrom<Severity>("critical", "high", "medium", "low");
  const findings = fc.array(severity.map((s) => ({ severity: s })), { maxLength: 12 });

  it("more findings never raise the score, and it stays within 0..100", () => {
    fc.assert(
      fc.property(findings, findings, (base, extra) => {
        const before = scoreFindings(base);
        const after = scoreFindings([...base, ...extra]);
        expect(after).toBeLessThanOrEqual(before);
        expect(after).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(100);
      }),
    );
  });
});
