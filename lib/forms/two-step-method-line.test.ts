import { describe, expect, it } from "vitest";
import { twoStepMethodLine } from "./two-step-method-line";

const choices = {
  kinds: [{ value: "AUTHENTICATOR_APP", label: "認証アプリ" }, { value: "SMS", label: "テキストメッセージ(SMS)" }, { value: "VOICE", label: "音声通話" }],
  roles: [{ value: "PRIMARY", label: "第一手段" }, { value: "BACKUP", label: "バックアップ手段" }],
};

describe("twoStepMethodLine", () => {
  it("names the kind, the phone's last digits and the role, as the server wrote it", () => {
    expect(twoStepMethodLine({ kind: "SMS", role: "PRIMARY", phoneLast4: "1234" }, choices)).toBe("テキストメッセージ(SMS) ••••1234 · 第一手段");
  });
  it("leaves the digits out when there are none", () => {
    expect(twoStepMethodLine({ kind: "AUTHENTICATOR_APP", role: "BACKUP", phoneLast4: "" }, choices)).toBe("認証アプリ · バックアップ手段");
  });
  it("shows the stored value when a choice has no label", () => {
    expect(twoStepMethodLine({ kind: "FIDO", role: "BACKUP" }, choices)).toBe("FIDO · バックアップ手段");
  });
});
