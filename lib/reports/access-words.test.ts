import { describe, expect, it } from "vitest";
import { appDetail, otherRoleLabel, partnerDetail } from "./access-words";
import { reportT } from "./labels";

describe("report access rows in words (decision 090)", () => {
  it("names an Ads role as the UI does, keeps a hand-typed role", () => {
    expect(otherRoleLabel(reportT("ja"), "EDITOR")).toBe("編集者");
    expect(otherRoleLabel(reportT("en"), "EDITOR")).toBe("Editor");
    expect(otherRoleLabel(reportT("en"), "Campaign lead")).toBe("Campaign lead");
  });
  it("labels a partner's date instead of printing it bare", () => {
    expect(partnerDetail({ acceptedAt: new Date("2026-10-01T00:00:00Z"), linkSentAt: null }, "en")).toBe("Accepted 2026-10-01");
    expect(partnerDetail({ acceptedAt: null, linkSentAt: null }, "ja")).toBe("リンク未送付（未承認）");
  });
  it("never leaves a dangling arrow or separator on an app", () => {
    expect(appDetail({ developer: "Kaede Commerce Partners", expiresAt: new Date("2027-08-29T00:00:00Z") }, "en")).toBe("Kaede Commerce Partners · Expires 2027-08-29");
    expect(appDetail({ developer: "Kaede Commerce Partners", expiresAt: null }, "ja")).toBe("Kaede Commerce Partners");
    expect(appDetail({ developer: null, expiresAt: new Date("2027-08-29T00:00:00Z") }, "ja")).toBe("有効期限 2027-08-29");
  });
});
