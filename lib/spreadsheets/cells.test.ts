import { describe, expect, it } from "vitest";
import { ACCEPTED_BOOLEAN, acceptedChoices, ACCOUNT_STATUS, LEVEL, LOGIN_ROLE, LOGIN_STATUS, METHOD, PLAN, readBoolean, readChoice, readDate, readPhoneLast4, readTwoStep } from "./cells";

describe("spreadsheet cells", () => {
  it("reads dates as people type them, and refuses impossible ones", () => {
    expect(["2026-04-01", "2026/04/01", "2026/4/1", "2026年4月1日", "２０２６／４／１", " 2026-4-1 "].map(readDate)).toEqual(Array(6).fill("2026-04-01"));
    expect(readDate("2026-04-01T09:00:00+09:00")).toBe("2026-04-01T09:00:00+09:00");
    expect(readDate("")).toBeNull();
    expect(["2026/02/30", "2026年13月1日", "April 1", "2026-04-01T09:00"].map(readDate)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("reads levels and flags in either language", () => {
    expect(["ADMIN", "管理者", "view & edit", "表示と編集", "VIEW_EDIT"].map((v) => readChoice(v, LEVEL))).toEqual(["ADMIN", "ADMIN", "VIEW_EDIT", "VIEW_EDIT", "VIEW_EDIT"]);
    expect(readChoice("EVERYTHING", LEVEL)).toBeUndefined();
    expect(["はい", "yes", "TRUE", "いいえ", "", "no"].map(readBoolean)).toEqual([true, true, true, false, false, false]);
    expect(readBoolean("maybe")).toBeUndefined();
  });

  it("reads 2SV methods: the first is primary unless a role is written; phone numbers cut to their last 4 digits", () => {
    expect(readTwoStep("テキストメッセージ:090-1234-5678、認証アプリ")).toEqual([
      { kind: "SMS", role: "PRIMARY", phoneLast4: "5678" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP", phoneLast4: null },
    ]);
    expect(readTwoStep("VOICE:1234 (BACKUP); SMS:1234 (PRIMARY)")).toEqual([
      { kind: "VOICE", role: "BACKUP", phoneLast4: "1234" }, { kind: "SMS", role: "PRIMARY", phoneLast4: "1234" },
    ]);
    expect(readTwoStep("")).toEqual([]);
    expect(readTwoStep("carrier pigeon")).toBeUndefined();
  });

  it("makes the first method primary only when the cell names no other: a later one marked primary is the one", () => {
    expect(readTwoStep("SMS:1234; 認証アプリ (第一手段)")).toEqual([
      { kind: "SMS", role: "BACKUP", phoneLast4: "1234" }, { kind: "AUTHENTICATOR_APP", role: "PRIMARY", phoneLast4: null },
    ]);
    // Two named primaries stay two: the import refuses that by row (snapshot-identities.ts), not this reader.
    expect(readTwoStep("SMS:1234 (PRIMARY); APP (PRIMARY)")!.map((m) => m.role)).toEqual(["PRIMARY", "PRIMARY"]);
  });

  it("refuses a phone with fewer than 4 digits instead of dropping it (\"SMS:12\" is a typo, not an unknown number)", () => {
    expect(readTwoStep("SMS:12")).toBeUndefined();
    expect(readTwoStep("認証アプリ; VOICE:不明")).toBeUndefined();
    expect(readTwoStep("SMS")).toEqual([{ kind: "SMS", role: "PRIMARY", phoneLast4: null }]);
    expect(["", "12", "abc", "+81 90-1234-5678", "1234"].map(readPhoneLast4)).toEqual([null, undefined, undefined, "5678", "1234"]);
  });

  it("names the values a choice column takes: codes with their first Japanese label for a Japanese reader, with an English label (if any) for an English one", () => {
    expect(acceptedChoices(LOGIN_ROLE)).toEqual({ accepted: "PRIMARY, SECONDARY", acceptedJa: "PRIMARY (プライマリーユーザー), SECONDARY (サブユーザー)" });
    expect(acceptedChoices(LEVEL).accepted).toBe("NONE, VIEW, VIEW_EDIT (View & Edit), ADMIN");
    expect(acceptedChoices(PLAN).accepted).not.toMatch(/[^ -~]/);
  });

  it("says what a yes/no column takes without Japanese words to an English reader, and every value said is read", () => {
    expect(ACCEPTED_BOOLEAN.accepted).not.toMatch(/[^ -~]/);
    for (const text of [ACCEPTED_BOOLEAN.accepted, ACCEPTED_BOOLEAN.acceptedJa]) {
      for (const value of text.split(/[,/]/).map((v) => v.trim())) expect(readBoolean(value), value).not.toBeUndefined();
    }
  });

  it("reads a code written as itself as that code: no label of one code spells another (readChoice's shortcut relies on it)", () => {
    for (const labels of [PLAN, ACCOUNT_STATUS, LOGIN_ROLE, LOGIN_STATUS, LEVEL, METHOD] as Record<string, readonly string[]>[]) {
      const codes = Object.keys(labels);
      for (const code of codes) {
        expect(readChoice(code, labels)).toBe(code);
        for (const other of codes) if (other !== code) for (const label of labels[other]) expect(label.toUpperCase().replace(/[ &]+/g, "_")).not.toBe(code);
      }
    }
    // Full-width and other non-ASCII forms still go through NFKC.
    expect(readChoice("ＡＤＭＩＮ", LEVEL)).toBe("ADMIN");
    expect(readChoice("__proto__", LEVEL)).toBeUndefined();
  });
});
