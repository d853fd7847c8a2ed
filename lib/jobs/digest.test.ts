import { describe, expect, it } from "vitest";
import { composeDigest } from "./digest";

describe("the weekly digest", () => {
  const sections = [
    { heading: "digest.findings" as const, lines: [{ subject: "Tokyo Store", text: "No 2-step verification", severity: "critical" as const }] },
    { heading: "digest.apps" as const, lines: [{ subject: "Tokyo Store", text: "Repricer", due: "2026-12-10" }] },
    { heading: "digest.invitations" as const, lines: [] },
  ];

  it("is written in the member's language, with only the sections that have items", () => {
    const ja = composeDigest({ locale: "ja", memberName: "佐藤", orgName: "A社", period: "2026-12-07", sections });
    expect(ja.subject).toBe("Gatehouse 週次ダイジェスト（A社・2026-12-07の週）");
    expect(ja.body).toContain("■ 新しい重大・高リスクの指摘（1件）\n- [重大] Tokyo Store: No 2-step verification");
    expect(ja.body).toContain("- Tokyo Store: Repricer (期限 2026-12-10)");
    expect(ja.body).not.toContain("招待");
    const en = composeDigest({ locale: "en", memberName: "Sato", orgName: "A", period: "2026-12-07", sections });
    expect(en.body).toContain("New critical and high findings (1)");
  });

  it("says so when there is nothing", () => {
    expect(composeDigest({ locale: "en", memberName: "Sato", orgName: "A", period: "2026-12-07", sections: [] }).body).toContain("Nothing to report this week.");
  });
});
