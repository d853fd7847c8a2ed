import { describe, expect, it } from "vitest";
import { evaluateSnapshot, RULE_IDS } from "@/lib/risk";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { snapshotSchema } from "@/lib/validation/snapshot";
import { consolesJa, evidenceIds, evidenceJa, grantsJa } from "./evidence-ja";

const names: Record<string, string> = { "p-1": "佐藤 花", "p-2": "伊藤 健", "d-1": "iPhone" };
const name = (id: string) => names[id] ?? id;

describe("Japanese evidence", () => {
  it("renders a login finding with its dates and threshold", () => {
    expect(evidenceJa("STALE_PASSWORD", { role: "PRIMARY", email: "owner@sakura.example", ageDays: 212, passwordChangedAt: "2026-04-25", thresholdDays: 90 }, name)).toBe(
      "プライマリーユーザーのログイン owner@sakura.example のパスワードは 2026-04-25 から 212 日間変更されていません（しきい値 90 日）",
    );
  });

  it("names people and devices through the lookup, lists included", () => {
    const text = evidenceJa("SHARED_2SV_DEVICE", { deviceId: "d-1", holderId: "p-1", people: "p-1, p-2" }, name);
    expect(text).toBe("端末 iPhone（所持者: 佐藤 花）が、佐藤 花、伊藤 健 のログインの2段階認証に使われています");
    expect(evidenceIds({ deviceId: "d-1", holderId: "p-1", people: "p-1, p-2" }).sort()).toEqual(["d-1", "p-1", "p-2"]);
  });

  it("tells an expired authorisation from one about to expire", () => {
    expect(evidenceJa("APP_AUTH_EXPIRING", { appName: "RepricerX", expiresAt: "2026-11-17", daysToExpiry: -6 }, name)).toContain("期限切れになっています（6 日前）");
    expect(evidenceJa("APP_AUTH_EXPIRING", { appName: "RepricerX", expiresAt: "2026-12-13", daysToExpiry: 20 }, name)).toContain("あと 20 日");
  });

  it("says which primary login is not active, or that none is recorded", () => {
    expect(evidenceJa("NO_ACTIVE_PRIMARY", { primaryCount: 1, role: "PRIMARY", email: "owner@sakura.example", loginStatus: "DISABLED", primaryLogins: "l-1:DISABLED" }, name)).toBe(
      "プライマリーユーザーのログイン owner@sakura.example が「無効」で、有効なプライマリーユーザーのログインがありません",
    );
    expect(evidenceJa("NO_ACTIVE_PRIMARY", { primaryCount: 2, role: "PRIMARY", primaryLogins: "l-1:DISABLED,l-2:INVITED" }, name)).toBe(
      "有効なプライマリーユーザーのログインがありません: l-1（無効）、l-2（招待中）",
    );
    expect(evidenceJa("NO_ACTIVE_PRIMARY", { primaryCount: 0, primaryLogins: "" }, name)).toBe("この有効なアカウントにはプライマリーユーザーのログインが登録されていません");
  });

  it("says 会社不明 for an outsider of no recorded company, never empty brackets (stop 42)", () => {
    const login = { personId: "p-2", role: "SECONDARY", email: "va@vendor.example" };
    const admin = evidenceJa("EXTERNAL_ADMIN", { ...login, company: null, grants: "USER_PERMISSIONS:VIEW_EDIT" }, name);
    expect(admin).toBe("外部の 伊藤 健（会社不明）の サブユーザーのログイン va@vendor.example が管理者権限を持っています（ユーザー権限: 表示と編集）");
    const sensitive = evidenceJa("EXTERNAL_SENSITIVE_ACCESS", { ...login, company: null, grants: "PAYMENTS@JP:VIEW, DEPOSIT_METHODS:ADMIN" }, name);
    expect(sensitive).toBe("外部の 伊藤 健（会社不明）の サブユーザーのログイン va@vendor.example が重要な設定にアクセスできます（ペイメント（JP）: 表示、入金方法: 管理者）");
    expect(evidenceJa("PRIMARY_HELD_BY_OUTSIDER", { ...login, role: "PRIMARY", external: true, departed: false, company: null }, name)).toContain("外部の人（会社不明）です");
    expect(evidenceJa("EXTERNAL_ADMIN", { ...login, company: "Blue Agency", grants: "INVENTORY:ADMIN" }, name)).toContain("（Blue Agency）");
    for (const text of [admin, sensitive]) expect(text).not.toMatch(/（）|[A-Z]{2,}_[A-Z]/);
  });

  it("does not say an outsider's company again when their name already says it (new-user pass 44, F10)", () => {
    const shared = (id: string) => (id === "p-blue" ? "Blue Ocean Ads (shared)" : id);
    const login = { personId: "p-blue", role: "SECONDARY", email: "ads@blue-ocean.example", company: "Blue Ocean Ads" };
    expect(evidenceJa("EXTERNAL_ADMIN", { ...login, grants: "ADVERTISING:ADMIN" }, shared)).toBe(
      "外部の Blue Ocean Ads (shared) の サブユーザーのログイン ads@blue-ocean.example が管理者権限を持っています（広告キャンペーンマネージャー: 管理者）",
    );
    expect(evidenceJa("CONTRACTOR_AS_USER", login, shared)).toBe("外部の Blue Ocean Ads (shared) がサブユーザーとして追加されていますが、認定パートナーではありません");
    expect(evidenceJa("EXTERNAL_SENSITIVE_ACCESS", { ...login, personId: "p-2", grants: "PAYMENTS:VIEW" }, name)).toContain("外部の 伊藤 健（Blue Ocean Ads）の サブユーザー");
  });

  it("says a primary login's outsider is 外部の人 without the company when their name already says it, as the others (decision 099)", () => {
    const shared = (id: string) => (id === "p-blue" ? "Blue Ocean Ads (shared)" : id === "p-2" ? "伊藤 健" : id);
    const primary = { personId: "p-blue", role: "PRIMARY", email: "ads@blue-ocean.example", company: "Blue Ocean Ads", external: true, departed: false };
    const text = evidenceJa("PRIMARY_HELD_BY_OUTSIDER", primary, shared);
    expect(text).toContain("の使用者 Blue Ocean Ads (shared) は外部の人です");
    expect(text).not.toContain("（Blue Ocean Ads）");
    // A name that does not say it keeps the company; a departed person is said as before.
    expect(evidenceJa("PRIMARY_HELD_BY_OUTSIDER", { ...primary, personId: "p-2" }, shared)).toContain("の使用者 伊藤 健 は外部の人（Blue Ocean Ads）です");
    expect(evidenceJa("PRIMARY_HELD_BY_OUTSIDER", { ...primary, departed: true }, shared)).toContain("は退職済みです");
  });

  it("names tools, levels, consoles and roles in Japanese, and keeps what it does not know as it is", () => {
    expect(grantsJa("USER_PERMISSIONS:ADMIN, ORDERS@US:VIEW_EDIT")).toBe("ユーザー権限: 管理者、注文管理（US）: 表示と編集");
    expect(grantsJa("NEW_TOOL:ADMIN")).toBe("NEW_TOOL: 管理者");
    expect(grantsJa("")).toBe("");
    expect(consolesJa("Amazon Ads (ADMIN), Brand Registry (VIEWER)")).toBe("Amazon広告（管理者）、ブランド登録（閲覧者）");
    expect(consolesJa("Amazon Ads (Campaign manager, JP)")).toBe("Amazon広告（Campaign manager, JP）");
    expect(evidenceJa("LEFTOVER_ACCESS", { personId: "p-1", departed: true, consoles: "Amazon Ads (EDITOR)" }, name)).toBe("佐藤 花 は退職済みですが、Amazon広告（編集者） へのアクセスが残っています");
  });

  it("has a template for every rule, and every demo finding renders without gaps", () => {
    const result = evaluateSnapshot(snapshotSchema.parse(buildDemoPortfolio("2026-11-23").snapshot), { asOf: "2026-11-23" });
    const findings = result.accounts.flatMap((a) => a.findings);
    expect(new Set(findings.map((f) => f.rule)).size).toBe(RULE_IDS.length);
    for (const f of findings) {
      const text = evidenceJa(f.rule, f.evidenceData, name);
      expect(text, f.rule).toBeTruthy();
      expect(text, `${f.rule}: ${text}`).not.toMatch(/undefined|null|NaN/);
    }
  });
});
