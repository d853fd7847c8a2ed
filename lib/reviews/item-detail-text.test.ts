import { describe, expect, it } from "vitest";
import { evidenceTable, type EvidenceRow } from "./evidence";
import { itemDetailText } from "./item-detail-text";

// As freeze.ts stores it: codes, kept as evidence.
const login = { email: "sato@shop.example", person: "佐藤 一郎", role: "SECONDARY", status: "ACTIVE", grants: [{ tool: "ADVERTISING", marketplace: "DE", level: "VIEW_EDIT" }, { tool: "USER_PERMISSIONS", marketplace: null, level: "ADMIN" }] };
const RAW = /SECONDARY|ACTIVE|ADVERTISING|USER_PERMISSIONS|VIEW_EDIT|ADMIN\b/;

describe("a review item's detail in the reader's words", () => {
  it("a login: role, status, person and each tool by name with its level, in Japanese", () => {
    const text = itemDetailText("LOGIN", login, "ja");
    expect(text).toBe("サブユーザー · 有効 · 佐藤 一郎 · 広告キャンペーンマネージャー (DE): 表示と編集, ユーザー権限: 管理者");
    expect(text).not.toMatch(RAW);
  });

  it("a login in English", () => {
    expect(itemDetailText("LOGIN", login, "en")).toBe("Secondary user · Active · 佐藤 一郎 · Campaign Manager (DE): View & Edit, User Permissions: Admin");
  });

  it("a code the catalogue no longer knows is shown as stored rather than dropped", () => {
    expect(itemDetailText("LOGIN", { role: "PRIMARY", status: "ACTIVE", grants: [{ tool: "RETIRED_TOOL", marketplace: null, level: "VIEW" }] }, "en")).toBe("Primary user · Active · RETIRED_TOOL: View");
  });

  it("partners, apps and console access", () => {
    expect(itemDetailText("PARTNER", { acceptedAt: "2026-10-01", linkSentAt: "2026-09-30" }, "en")).toBe("Accepted 2026-10-01");
    expect(itemDetailText("PARTNER", { acceptedAt: null, linkSentAt: null }, "ja")).toBe("リンク未送付（未承認）");
    expect(itemDetailText("PARTNER", { acceptedAt: null, linkSentAt: "2026-09-30" }, "en")).toBe("Link sent 2026-09-30 (not accepted)");
    expect(itemDetailText("APP", { developer: "Acme", expiresAt: "2027-01-01" }, "ja")).toBe("Acme · 有効期限 2027-01-01");
    expect(itemDetailText("OTHER_ACCESS", { console: "ADS", role: "EDITOR" }, "ja")).toBe("Amazon広告 · 編集者");
    expect(itemDetailText("OTHER_ACCESS", { console: "BRAND_REGISTRY", role: "CUSTOM ROLE" }, "en")).toBe("Brand Registry · CUSTOM ROLE");
  });

  it("the evidence pack's column shows the same words, not the codes", () => {
    const row: EvidenceRow = { clientName: null, storeName: "Shop", sellerId: null, kind: "LOGIN", label: "sato@shop.example", detail: login, reviewer: null, decision: null, comment: null, decidedBy: null, decidedAt: null, task: null };
    for (const locale of ["ja", "en"] as const) {
      const [header, body] = evidenceTable([row], locale);
      const column = header.indexOf(locale === "ja" ? "開始時点の内容" : "As at the start");
      expect(body[column]).toBe(itemDetailText("LOGIN", login, locale));
      expect(body[column]).not.toMatch(RAW);
    }
  });
});
