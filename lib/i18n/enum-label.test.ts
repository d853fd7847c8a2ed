import { describe, expect, it } from "vitest";
import { interpolate } from "./format";
import { enumLabel, historyDetail } from "./enum-label";
import { messages, type MessageKey } from "./messages";

const tIn = (locale: "ja" | "en") => (key: MessageKey) => interpolate(messages[locale][key], {}, locale);
const en = tIn("en");
const ja = tIn("ja");

describe("enumLabel", () => {
  it("labels known values in the reader's language and keeps unknown free text as it is", () => {
    expect(enumLabel(en, "otherRole", "EDITOR")).toBe("Editor");
    expect(enumLabel(ja, "otherRole", "EDITOR")).toBe("編集者");
    expect(enumLabel(en, "otherRole", "Campaign manager")).toBe("Campaign manager");
    expect(enumLabel(en, "review", undefined)).toBe("");
  });
});

describe("historyDetail", () => {
  it("names the review decision instead of APPROVED", () => {
    const entry = { action: "access.reviewed", before: null, after: { decision: "APPROVED", note: "still needed" } };
    expect(historyDetail(entry, en)).toBe("Approved “still needed”");
    expect(historyDetail(entry, ja)).toBe("承認 “still needed”");
  });

  it("names a triage's outcome and cause in words", () => {
    const after = { outcome: "RESOLVED", cause: "lost-phone", note: "new SIM" };
    expect(historyDetail({ action: "triage.completed", before: null, after }, en)).toBe("Resolved · The 2SV phone is lost or changed · “new SIM”");
    expect(historyDetail({ action: "triage.completed", before: null, after: { outcome: "LOCKED_OUT", cause: null, note: null } }, ja)).toBe("まだログインできない");
  });

  it("names a 2SV method's kind and role", () => {
    const after = { kind: "SMS", phoneLast4: "4321", role: "PRIMARY" };
    expect(historyDetail({ action: "twoStepMethod.added", before: null, after }, en)).toBe("Text message (SMS) · ••••4321 · Primary method");
    expect(historyDetail({ action: "twoStepMethod.removed", before: { kind: "AUTHENTICATOR_APP", role: "BACKUP" }, after: null }, ja)).toBe("認証アプリ · バックアップ手段");
  });

  it("names login statuses and says nothing when the status did not change", () => {
    expect(historyDetail({ action: "login.updated", before: { status: "ACTIVE" }, after: { status: "DISABLED" } }, en)).toBe("Active → Disabled");
    expect(historyDetail({ action: "login.updated", before: { status: "ACTIVE" }, after: { status: "ACTIVE" } }, en)).toBe("");
  });
});
