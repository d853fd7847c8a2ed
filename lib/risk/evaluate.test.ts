import { describe, expect, it } from "vitest";
import { evaluateSnapshot, resolveSettings } from "./evaluate";
import { sortFindings } from "./order";
import { scoreFindings } from "./score";
import { AS_OF, account, adminLogin, daysAgo, method, person, primaryLogin, snapshot } from "./test-factory";
import { DEFAULT_RISK_SETTINGS } from "../validation/snapshot";

describe("evaluateSnapshot", () => {
  it("scores a clean account 100 with no findings", () => {
    expect(evaluateSnapshot(snapshot(), { asOf: AS_OF })).toEqual({ asOf: AS_OF, accounts: [{ id: "acc-1", score: 100, findings: [] }] });
  });

  it("orders findings by severity, then rule id, then subject id", () => {
    const snap = snapshot({
      accounts: [
        account({
          lastVerifiedAt: null,
          logins: [
            primaryLogin({ twoStep: [method("SMS", "PRIMARY", "d-1")], passwordReused: true }),
            adminLogin({ id: "l-b", twoStep: [] }),
            adminLogin({ id: "l-a", personId: "p-a", twoStep: [] }),
          ],
        }),
      ],
    });
    const [result] = evaluateSnapshot(snap, { asOf: AS_OF }).accounts;
    expect(result.findings.map((f) => `${f.severity} ${f.rule} ${f.subject.id}`)).toEqual([
      "critical NO_2SV l-a",
      "critical NO_2SV l-b",
      "high PASSWORD_REUSED l-owner",
      "high PRIMARY_NO_BACKUP l-owner",
      "high SINGLE_2SV_METHOD l-owner",
      "medium SMS_ONLY l-owner",
      "medium UNVERIFIED_DATA acc-1",
    ]);
    expect(result.score).toBe(0); // 100 − 80 − 45 − 10, floored at 0
  });

  it("keeps the snapshot's account order and computes each account's score", () => {
    const snap = snapshot({ accounts: [account({ id: "acc-b", status: "SUSPENDED" }), account({ id: "acc-a" })] });
    const result = evaluateSnapshot(snap, { asOf: AS_OF });
    expect(result.accounts.map((a) => [a.id, a.score])).toEqual([
      ["acc-b", 60],
      ["acc-a", 100],
    ]);
    expect(result.accounts[0].findings[0].accountId).toBe("acc-b");
  });

  it("settings precedence: option > snapshot.settings > defaults", () => {
    const snap = snapshot({ settings: { staleInviteDays: 3, unverifiedDataDays: 2 } });
    const ruleIds = (settings?: object) => evaluateSnapshot(snap, { asOf: AS_OF, settings }).accounts[0].findings.map((f) => f.rule);
    expect(ruleIds()).toEqual(["UNVERIFIED_DATA"]); // verified 5 days ago ≥ snapshot's 2
    expect(ruleIds({ unverifiedDataDays: 30 })).toEqual([]);
    expect(ruleIds({ unverifiedDataDays: undefined })).toEqual(["UNVERIFIED_DATA"]);
    expect(resolveSettings(undefined, { maxAdmins: 9 })).toEqual({ ...DEFAULT_RISK_SETTINGS, maxAdmins: 9 });
  });

  it("takes the UTC date of an asOf timestamp", () => {
    const snap = snapshot({ accounts: [account({ lastVerifiedAt: daysAgo(89) })] });
    expect(evaluateSnapshot(snap, { asOf: "2026-11-23T23:59:00Z" }).accounts[0].findings).toEqual([]);
    const next = evaluateSnapshot(snap, { asOf: "2026-11-24T08:00:00+09:00" });
    expect(next.asOf).toBe("2026-11-23");
    expect(evaluateSnapshot(snap, { asOf: "2026-11-24" }).accounts[0].findings.map((f) => f.rule)).toEqual(["UNVERIFIED_DATA"]);
  });

  it("rejects an invalid asOf", () => {
    expect(() => evaluateSnapshot(snapshot(), { asOf: "2026-02-30" })).toThrow(RangeError);
  });

  it("reports a departed person's shared device under every account it touches, each once", () => {
    const shared = [method("SMS", "PRIMARY", "d-shared"), method("AUTHENTICATOR_APP", "BACKUP", "d-x")];
    const snap = snapshot({
      people: [person("p-gone", { departedAt: daysAgo(1) })],
      accounts: [
        account({ id: "acc-1", logins: [primaryLogin({ twoStep: shared }), adminLogin()] }),
        account({ id: "acc-2", logins: [primaryLogin({ id: "l-g", personId: "p-gone", twoStep: shared }), adminLogin()] }),
      ],
    });
    const result = evaluateSnapshot(snap, { asOf: AS_OF });
    for (const acc of result.accounts) {
      const deviceFindings = acc.findings.filter((f) => f.rule === "SHARED_2SV_DEVICE").map((f) => f.subject.id);
      expect(deviceFindings).toEqual(["d-shared", "d-x"]);
    }
    expect(result.accounts[1].findings.map((f) => f.rule)).toContain("PRIMARY_HELD_BY_OUTSIDER");
  });

  it("files device findings among the account's own, in order, and counts them in its score", () => {
    const shared = [method("SMS", "PRIMARY", "d-shared")];
    const snap = snapshot({
      accounts: [
        account({ id: "acc-1", logins: [primaryLogin({ twoStep: shared }), adminLogin()] }),
        account({ id: "acc-2", logins: [primaryLogin({ id: "l-2", personId: "p-other", twoStep: shared }), adminLogin()] }),
      ],
    });
    for (const acc of evaluateSnapshot(snap, { asOf: AS_OF }).accounts) {
      expect(acc.findings.map((f) => f.rule)).toContain("SHARED_2SV_DEVICE");
      expect(acc.findings.length).toBeGreaterThan(1);
      expect(acc.findings).toEqual(sortFindings([...acc.findings].reverse()));
      expect(acc.score).toBe(scoreFindings(acc.findings));
    }
  });
});
