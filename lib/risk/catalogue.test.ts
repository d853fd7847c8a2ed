import { describe, expect, it } from "vitest";
import { RULES, REMEDIATION, RULE_IDS, ruleTitle, SENSITIVE_TOOLS, TOOL_CATALOGUE, TOOL_IDS } from "./index";
import { ALL_RULES } from "./rules";

describe("rule catalogue", () => {
  it("has the 26 rules of DOMAIN.md, each once", () => {
    expect(RULES.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    expect(new Set(ALL_RULES.map((rule) => rule.id)).size).toBe(26);
  });

  it.each(RULE_IDS.map((id) => [id]))("%s has titles, descriptions and remediation in ja and en", (id) => {
    const rule = RULES.find((r) => r.id === id)!;
    for (const text of [rule.title, rule.description, rule.severityLabel, REMEDIATION[id]]) {
      expect(text.en.length).toBeGreaterThan(0);
      expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
    }
    expect(rule.severities.length).toBeGreaterThan(0);
  });

  it("grades STALE_PASSWORD and APP_AUTH_EXPIRING, and places the device rules at organisation scope", () => {
    expect(RULES.find((r) => r.id === "STALE_PASSWORD")!.severities).toEqual(["high", "medium"]);
    expect(RULES.find((r) => r.id === "APP_AUTH_EXPIRING")!.severities).toEqual(["medium", "low"]);
    expect(RULES.filter((r) => r.scope === "organisation").map((r) => r.id)).toEqual(["SHARED_2SV_DEVICE", "OTP_SKIP_ON_SHARED_DEVICE"]);
  });

  it("gives each rule's title in the reader's language, and an id no longer in the catalogue as itself", () => {
    for (const rule of RULES) {
      expect(ruleTitle(rule.id, "ja")).toBe(rule.title.ja);
      expect(ruleTitle(rule.id, "en")).toBe(rule.title.en);
    }
    expect(ruleTitle("SINGLE_2SV_METHOD", "en")).not.toBe(ruleTitle("SINGLE_2SV_METHOD", "ja"));
    expect(ruleTitle("RETIRED_RULE", "ja")).toBe("RETIRED_RULE");
  });

  it("uses Seller Central Japan's terms in the 2SV remediation and explains the recovery delay", () => {
    expect(REMEDIATION.SINGLE_2SV_METHOD.ja).toContain("2段階認証");
    expect(REMEDIATION.SINGLE_2SV_METHOD.ja).toContain("認証アプリ");
    expect(REMEDIATION.SINGLE_2SV_METHOD.ja).toContain("バックアップ手段");
    expect(REMEDIATION.SINGLE_2SV_METHOD.en).toMatch(/12–48 hours/);
    expect(REMEDIATION.CONTRACTOR_AS_USER.ja).toContain("認定パートナー");
    expect(REMEDIATION.EXTERNAL_ADMIN.ja).toContain("ユーザー権限");
  });
});

describe("tool catalogue", () => {
  it("is versioned data with the 26 tool ids of SNAPSHOT.md", () => {
    expect(TOOL_CATALOGUE.version).toBe("2026-11");
    expect([...TOOL_IDS].sort()).toEqual(
      [
        "INVENTORY", "FBA", "PRICING", "ORDERS", "REFUNDS", "RETURNS", "SAFET_CLAIMS", "REPORTS", "BUSINESS_REPORTS", "PAYMENTS",
        "PERFORMANCE", "ADVERTISING", "A_PLUS_CONTENT", "COUPONS", "DEALS", "PROMOTIONS", "VINE", "MEDIA_UPLOAD", "STORE_DESIGN",
        "BRAND_ANALYTICS", "USER_PERMISSIONS", "LOGIN_SETTINGS", "DEPOSIT_METHODS", "ACCOUNT_INFO", "MANAGE_APPS", "AUTHORIZED_PARTNERS",
      ].sort(),
    );
    expect(SENSITIVE_TOOLS).toEqual(["PAYMENTS", "DEPOSIT_METHODS", "LOGIN_SETTINGS", "ACCOUNT_INFO"]);
    expect(TOOL_CATALOGUE.tools.find((t) => t.id === "USER_PERMISSIONS")).toMatchObject({ nameJa: "ユーザー権限", scope: "GLOBAL" });
  });
});
