import { describe, expect, it } from "vitest";
import { evidenceTable, type EvidenceRow } from "./evidence";
import { itemDetailText, itemLabel } from "./item-detail-text";

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

  describe("an Ads / Brand Registry access's name", () => {
    // As freeze.ts stores it: the label keeps the console's code, the detail holds the person and the console.
    const ads = { kind: "OTHER_ACCESS" as const, label: "Vendor (ADS)", detail: { console: "ADS", role: "ADMIN", person: "Vendor" } };
    const brand = { kind: "OTHER_ACCESS" as const, label: "山田 一郎 (BRAND_REGISTRY)", detail: { console: "BRAND_REGISTRY", role: "VIEWER", person: "山田 一郎" } };

    it("is its person and the console in the reader's words", () => {
      expect(itemLabel(ads, "ja")).toBe("Vendor（Amazon広告）");
      expect(itemLabel(ads, "en")).toBe("Vendor (Amazon Ads)");
      expect(itemLabel(brand, "ja")).toBe("山田 一郎（ブランド登録）");
      expect(itemLabel(brand, "en")).toBe("山田 一郎 (Brand Registry)");
    });

    it("a person whose name holds brackets or braces is named as stored", () => {
      expect(itemLabel({ ...ads, label: "A {person} (x) (ADS)", detail: { ...ads.detail, person: "A {person} (x)" } }, "en")).toBe("A {person} (x) (Amazon Ads)");
    });

    it("an item without the detail keeps its stored label; other kinds keep theirs", () => {
      expect(itemLabel({ ...ads, detail: {} }, "ja")).toBe("Vendor (ADS)");
      expect(itemLabel({ ...ads, detail: { console: "ADS", person: "" } }, "en")).toBe("Vendor (ADS)");
      expect(itemLabel({ kind: "LOGIN", label: "sato@shop.example", detail: login }, "ja")).toBe("sato@shop.example");
      expect(itemLabel({ kind: "PARTNER", label: "Blue Agency", detail: { person: "x", console: "ADS" } }, "en")).toBe("Blue Agency");
    });

    it("a console the catalogue does not know is shown by its code", () => {
      expect(itemLabel({ ...ads, detail: { ...ads.detail, console: "VENDOR_CENTRAL" } }, "en")).toBe("Vendor (VENDOR_CENTRAL)");
    });

    it("the evidence pack names the item and its task in words, in both languages", () => {
      const task = { kind: "REDUCE_OTHER_ACCESS" as const, subjectLabel: "Vendor (ADS)", target: { role: "VIEWER" }, status: "OPEN", closedAt: null, closeNote: null, url: "https://sellercentral-japan.amazon.com/" };
      const row: EvidenceRow = { clientName: null, storeName: "Shop", sellerId: null, ...ads, reviewer: null, decision: "REDUCE", comment: null, decidedBy: null, decidedAt: null, task };
      const expected = {
        ja: { access: "Vendor（Amazon広告）", task: "Amazon広告コンソール（またはブランド登録）のユーザー管理で「Vendor（Amazon広告）」の役割を「閲覧者」に下げてください。 https://sellercentral-japan.amazon.com/" },
        en: { access: "Vendor (Amazon Ads)", task: 'In the Amazon Ads console (or Brand Registry) user management, lower the role of "Vendor (Amazon Ads)" to Viewer. https://sellercentral-japan.amazon.com/' },
      };
      for (const locale of ["ja", "en"] as const) {
        const [header, body] = evidenceTable([row], locale);
        expect(body[header.indexOf(locale === "ja" ? "アクセス" : "Access")]).toBe(expected[locale].access);
        expect(body[header.indexOf(locale === "ja" ? "タスク" : "Task")]).toBe(expected[locale].task);
        expect(body.join("\n")).not.toMatch(/\(ADS\)|\bADS\b|VIEWER/);
      }
    });

    it("a task named otherwise than its item keeps its own words", () => {
      const task = { kind: "REMOVE_OTHER_ACCESS" as const, subjectLabel: "Someone else", target: null, status: "OPEN", closedAt: null, closeNote: null, url: "https://x.example/" };
      const [header, body] = evidenceTable([{ clientName: null, storeName: "Shop", sellerId: null, ...ads, reviewer: null, decision: "REMOVE", comment: null, decidedBy: null, decidedAt: null, task }], "en");
      expect(body[header.indexOf("Task")]).toContain('"Someone else"');
    });
  });
});
