import { describe, expect, it } from "vitest";
import { TRIAGE_CAUSES, TRIAGE_REASONS } from "@/lib/triage/types";
import { TRIAGE_OUTCOMES } from "@/lib/triage/outcome";
import { triageSteps } from "@/lib/triage/steps";
import { interpolate } from "./format";
import { messages, type MessageKey } from "./messages";
import { triageStepText } from "./triage-texts";

describe("triage texts", () => {
  it("every cause, reason, outcome and likelihood has its words in both languages", () => {
    const keys = [
      ...TRIAGE_CAUSES.flatMap((c) => ["title", "check", "do"].map((part) => `triage.step.${c}.${part}`)),
      ...TRIAGE_REASONS.map((r) => `triage.reason.${r}`),
      ...TRIAGE_OUTCOMES.map((o) => `triage.outcome.${o}`),
      ...["high", "medium", "low"].map((l) => `triage.likelihood.${l}`),
    ];
    for (const locale of ["ja", "en"] as const) for (const key of keys) expect(messages[locale][key as MessageKey], `${locale} ${key}`).toBeTruthy();
  });

  it("a reason's facts are in its sentence: the phone's last digits, the days", () => {
    const t = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(messages.en[key], vars, "en");
    const now = new Date("2026-12-04T00:00:00Z");
    const login = {
      email: "a@b.example", role: "SECONDARY" as const, status: "ACTIVE" as const, personName: "Aki", personDeparted: false, usedBy: 1, invitedAt: null, acceptedAt: null,
      lastLoginAt: new Date("2026-05-18T00:00:00Z"), passwordChangedAt: null, passwordReused: false,
      methods: [{ kind: "SMS" as const, role: "PRIMARY" as const, phoneLast4: "4821", label: null, deviceId: null, deviceLabel: null, holderName: null, holderIsLoginPerson: null, holderDeparted: false, skipOtpOnBrowser: false }],
    };
    const texts = triageSteps({ region: "JP", marketplaces: ["JP"], status: "ACTIVE", lastLoginAt: null }, login, now).map((s) => triageStepText(t, s));
    expect(texts[0].reasons[0]).toContain("ending 4821");
    expect(texts.find((s) => s.id === "inactivity")!.reasons[0]).toBe("No sign-in for 200 days.");
    expect(texts.find((s) => s.id === "wrong-sign-in-page")!.url).toBe("https://sellercentral-japan.amazon.com/");
    for (const s of texts) for (const r of s.reasons) expect(r).not.toMatch(/\{\w+\}/);
  });
});
