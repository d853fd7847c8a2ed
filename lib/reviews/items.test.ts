import { describe, expect, it } from "vitest";
import { assignReviewers, decisionProblem, defaultReviewerIds, diffSinceLast, isOwnAccess, loweredGrants } from "./items";
import { addMonths, nextDueOn } from "./schedule";
import { taskInstruction, taskUrlFor } from "./task-text";
import type { ItemDraft } from "./types";

const login = (accountId: string, email: string, personEmail: string | null = null): ItemDraft => ({
  accountId, kind: "LOGIN", subjectId: `${accountId}-${email}`, label: email, personId: null, personEmail, detail: { email, grants: [{ tool: "INVENTORY", marketplace: "JP", level: "ADMIN" }] },
});

describe("review items", () => {
  it("knows a reviewer's own access by the login's or the person's e-mail, case and spaces aside", () => {
    expect(isOwnAccess(login("a", "Sato@Shop.example"), " sato@shop.example")).toBe(true);
    expect(isOwnAccess(login("a", "shared@shop.example", "sato@shop.example"), "sato@shop.example")).toBe(true);
    expect(isOwnAccess(login("a", "ito@shop.example"), "sato@shop.example")).toBe(false);
  });

  it("gives each account to one reviewer in turn, never an item of their own, and only accounts they can see", () => {
    const reviewers = [
      { userId: "sato", email: "sato@shop.example", accountIds: null },
      { userId: "ito", email: "ito@shop.example", accountIds: new Set(["b"]) },
    ];
    const items = [login("a", "x@shop.example"), login("a", "ito@shop.example"), login("b", "sato@shop.example"), login("b", "y@shop.example")];
    expect(assignReviewers(items, reviewers)).toEqual(["sato", "sato", "ito", "ito"]);
    expect(assignReviewers([login("c", "sato@shop.example")], reviewers)).toEqual([null]);
  });

  it("ticks the starter as reviewer when they can review, else the only candidate, else nobody", () => {
    const sato = { userId: "sato" }, ito = { userId: "ito" };
    expect(defaultReviewerIds([ito, sato], "sato")).toEqual(["sato"]);
    expect(defaultReviewerIds([ito], "sato")).toEqual(["ito"]);
    expect(defaultReviewerIds([ito, { userId: "kato" }], "sato")).toEqual([]);
    expect(defaultReviewerIds([], "sato")).toEqual([]);
  });

  it("requires a comment to keep severe access, and lets reduce only lower levels", () => {
    const item = login("a", "x@shop.example");
    expect(decisionProblem(item, { decision: "KEEP", comment: null }, 1)).toBe("commentRequired");
    expect(decisionProblem(item, { decision: "KEEP", comment: "known" }, 1)).toBeNull();
    expect(decisionProblem(item, { decision: "REDUCE", comment: null, levels: [{ tool: "INVENTORY", marketplace: "JP", level: "VIEW" }] }, 0)).toBeNull();
    expect(decisionProblem(item, { decision: "REDUCE", comment: null, levels: [{ tool: "INVENTORY", marketplace: "JP", level: "ADMIN" }] }, 0)).toBe("reduceNothing");
    expect(decisionProblem(item, { decision: "REDUCE", comment: null, levels: [{ tool: "PRICING", marketplace: "JP", level: "VIEW" }] }, 0)).toBe("reduceAbove");
    expect(decisionProblem({ kind: "PARTNER", detail: {} }, { decision: "REDUCE", comment: null }, 0)).toBe("reduceNotAllowed");
    expect(decisionProblem({ kind: "OTHER_ACCESS", detail: { role: "ADMIN" } }, { decision: "REDUCE", comment: null, role: "VIEWER" }, 0)).toBeNull();
    expect(decisionProblem({ kind: "OTHER_ACCESS", detail: { role: "VIEWER" } }, { decision: "REDUCE", comment: null, role: "EDITOR" }, 0)).toBe("reduceAbove");
    expect(loweredGrants([{ tool: "A", marketplace: null, level: "ADMIN" }, { tool: "B", marketplace: null, level: "VIEW" }], [{ tool: "A", marketplace: null, level: "VIEW" }, { tool: "B", marketplace: null, level: "VIEW" }])).toEqual([{ tool: "A", marketplace: null, level: "VIEW" }]);
  });

  it("says what changed since the last campaign: added, gone, changed (migrated items compare as unknown)", () => {
    const prev = [
      { kind: "LOGIN" as const, subjectId: "1", label: "a", detail: { grants: [1] } },
      { kind: "APP" as const, subjectId: "2", label: "app", detail: {} },
      { kind: "LOGIN" as const, subjectId: "4", label: "old", detail: { migrated: true } },
    ];
    const now = [
      { kind: "LOGIN" as const, subjectId: "1", label: "a", detail: { grants: [2] } },
      { kind: "PARTNER" as const, subjectId: "3", label: "new", detail: {} },
      { kind: "LOGIN" as const, subjectId: "4", label: "old", detail: { role: "SECONDARY" } },
    ];
    const diff = diffSinceLast(now, prev);
    expect({ added: diff.added.map((i) => i.label), removed: diff.removed.map((i) => i.label), changed: diff.changed.map((i) => i.label) }).toEqual({ added: ["new"], removed: ["app"], changed: ["a"] });
    // The items themselves, so the page can name them in the reader's words.
    expect(diff.changed[0]).toBe(now[0]);
  });
});

describe("schedule and task text", () => {
  it("repeats on the same day of the month, clamped to the month's end", () => {
    expect(nextDueOn("QUARTERLY", "2026-11-30")).toBe("2027-02-28");
    expect(nextDueOn("ANNUAL", "2028-02-29")).toBe("2029-02-28");
    expect(nextDueOn("NONE", "2026-11-30")).toBeNull();
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("links the right marketplace's Seller Central and says exactly what to change", () => {
    expect(taskUrlFor("REMOVE_LOGIN", "JP", ["JP"])).toBe("https://sellercentral-japan.amazon.com/gp/account-manager/home.html");
    expect(taskUrlFor("REMOVE_APP", "EU", ["DE"])).toBe("https://sellercentral-europe.amazon.com/");
    expect(taskUrlFor("REDUCE_LOGIN", "XX", ["MX"])).toBe("https://sellercentral.amazon.com/gp/account-manager/home.html");
    const reduce = { kind: "REDUCE_LOGIN" as const, subjectLabel: "vendor@ads.example", target: { levels: [{ tool: "INVENTORY", marketplace: "JP", level: "VIEW" }] } };
    expect(taskInstruction(reduce, "ja")).toBe("設定 > ユーザー権限 で「vendor@ads.example」の権限を次のとおり下げてください: INVENTORY (JP) → 表示");
    expect(taskInstruction(reduce, "en")).toBe('In Settings > User Permissions, lower the permissions of "vendor@ads.example" to: INVENTORY (JP) → View');
  });

  it("names a finding's risk by its title in the reader's language, not by its code", () => {
    const finding = { kind: "FINDING" as const, subjectLabel: "owner@kumo.example", target: null, ruleId: "NO_2SV" };
    expect(taskInstruction(finding, "ja")).toBe("リスク「2段階認証が未設定」（owner@kumo.example）を解消してください。手順はアカウントページの指摘事項にあります。");
    expect(taskInstruction(finding, "en")).toMatch(/^Resolve the risk "No 2-Step Verification" \(owner@kumo\.example\)/);
  });
});
