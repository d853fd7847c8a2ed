import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../validation/snapshot";
import { evaluateEachAccount, evaluateSnapshot } from "./evaluate";
import { generateSnapshot } from "./generate";
import { snapshotStructure } from "./snapshot-arbitrary";
import type { AccountResult } from "./types";

const AS_OF = "2026-11-23";

function eachAccount(snapshot: Snapshot, asOf: string, settings?: object) {
  const accounts: AccountResult[] = [];
  const positions: number[] = [];
  const day = evaluateEachAccount(snapshot, { asOf, settings }, (account, position) => {
    accounts.push(account);
    positions.push(position);
  });
  return { day, accounts, positions };
}

// evaluateEachAccount runs the device rules before its walk over the accounts, evaluateSnapshot after it
// (decision 030, stop 29): the accounts they hand over must be the same, device findings merged in.
describe("evaluateEachAccount", () => {
  it("hands over evaluateSnapshot's accounts, in snapshot order, shared-device findings included", () => {
    const snapshot = generateSnapshot(600, 11, { asOf: AS_OF });
    const expected = evaluateSnapshot(snapshot, { asOf: AS_OF });
    // The generated portfolio shares 2SV devices across accounts, so the merge is exercised.
    const deviceRules = expected.accounts.filter((a) => a.findings.some((f) => f.rule === "SHARED_2SV_DEVICE" || f.rule === "OTP_SKIP_ON_SHARED_DEVICE"));
    expect(deviceRules.length).toBeGreaterThan(1);
    const { day, accounts, positions } = eachAccount(snapshot, AS_OF);
    expect(day).toBe(expected.asOf);
    expect(positions).toEqual(snapshot.accounts.map((_, i) => i));
    expect(accounts).toEqual(expected.accounts);
  });

  it("agrees with evaluateSnapshot on random portfolios and on arbitrary valid structures, with settings", () => {
    const portfolio = fc.record({ accounts: fc.integer({ min: 0, max: 15 }), seed: fc.integer() }).map(({ accounts, seed }) => generateSnapshot(accounts, seed));
    const settings = fc.option(fc.record({ stalePasswordDays: fc.integer({ min: 1, max: 400 }), dormantUserDays: fc.integer({ min: 1, max: 400 }) }), { nil: undefined });
    fc.assert(
      fc.property(portfolio, settings, (snapshot, chosen) => {
        const expected = evaluateSnapshot(structuredClone(snapshot), { asOf: AS_OF, settings: chosen });
        const { day, accounts } = eachAccount(snapshot, AS_OF, chosen);
        expect({ asOf: day, accounts }).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(snapshotStructure, ({ snapshot, asOf }) => {
        const expected = evaluateSnapshot(structuredClone(snapshot), { asOf });
        const { day, accounts } = eachAccount(snapshot, asOf);
        expect({ asOf: day, accounts }).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
