import { describe, expect, it } from "vitest";
import { evaluateSnapshot } from "@/lib/risk";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { snapshotSchema } from "@/lib/validation/snapshot";
import { consolesEn, evidenceEn, evidenceText, grantsEn } from "./evidence-en";

// A code as the engine writes it: a tool or level id, a 2SV kind, a status in capitals.
// ("Text message (SMS)" is the catalogue's own words for SMS.)
const CODE = /[A-Z]{2,}_[A-Z]|:(VIEW|ADMIN)\b|(?<!message )\((SMS|VOICE|AUTHENTICATOR_APP)\b|\((ADMIN|EDITOR|VIEWER|ANALYST)\)|is (INVITED|DISABLED|REMOVED|SUSPENDED|DEACTIVATED)\b/;

describe("English evidence in words (decision 087)", () => {
  it("names tools and levels as the permission table does, and keeps a code it does not know", () => {
    expect(grantsEn("USER_PERMISSIONS:VIEW_EDIT, PAYMENTS@JP:VIEW")).toBe("User Permissions: View & Edit, Payments (JP): View");
    expect(grantsEn("NEW_TOOL:ADMIN")).toBe("NEW_TOOL: Admin");
    expect(consolesEn("Amazon Ads (ADMIN), Brand Registry (VIEWER)")).toBe("Amazon Ads (Admin), Brand Registry (Viewer)");
    expect(consolesEn("Amazon Ads (Campaign manager, JP)")).toBe("Amazon Ads (Campaign manager, JP)");
  });

  it("keeps the stored sentence and replaces only its codes", () => {
    const stored = "secondary login va@vendor.example belongs to external Ito Ken (Blue Agency) and can administer the account (USER_PERMISSIONS:VIEW_EDIT)";
    expect(evidenceEn("EXTERNAL_ADMIN", { grants: "USER_PERMISSIONS:VIEW_EDIT" }, stored)).toBe(
      "secondary login va@vendor.example belongs to external Ito Ken (Blue Agency) and can administer the account (User Permissions: View & Edit)",
    );
    expect(evidenceEn("NO_ACTIVE_PRIMARY", {}, "no active primary login: primary login a@x is DISABLED; primary login b@x is INVITED")).toBe(
      "no active primary login: primary login a@x is disabled; primary login b@x is invited",
    );
    expect(evidenceEn("SUSPENDED", { status: "SUSPENDED" }, "account status is SUSPENDED")).toBe("account status is suspended");
    // The rule's code, not a "(SMS" in the device's label after it (review 43).
    expect(evidenceEn("SINGLE_2SV_METHOD", { methodKind: "SMS" }, "secondary login a@x has a single 2SV method (SMS on device Old phone (SMS only)) and no backup")).toBe(
      "secondary login a@x has a single 2SV method (Text message (SMS) on device Old phone (SMS only)) and no backup",
    );
    expect(evidenceEn("DORMANT_USER", {}, "secondary login a@x last logged in 120 days ago on 2026-08-01")).toBe("secondary login a@x last logged in 120 days ago on 2026-08-01");
  });

  it("leaves no code in any demo finding's English, and the Japanese is still rebuilt whole", () => {
    const result = evaluateSnapshot(snapshotSchema.parse(buildDemoPortfolio("2026-11-23").snapshot), { asOf: "2026-11-23" });
    const findings = result.accounts.flatMap((a) => a.findings);
    const coded = findings.filter((f) => CODE.test(f.evidence));
    // The demo has findings whose stored sentence carries codes, else this test would prove nothing.
    expect(coded.map((f) => f.rule)).toContain("EXTERNAL_ADMIN");
    for (const f of findings) {
      const finding = { ruleId: f.rule, evidence: f.evidence, evidenceData: f.evidenceData };
      const en = evidenceText("en", finding, (id) => id);
      expect(en, `${f.rule}: ${en}`).not.toMatch(CODE);
      expect(evidenceText("ja", finding, (id) => id)).not.toBe(f.evidence);
    }
  });
});
