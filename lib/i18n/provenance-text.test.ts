import { describe, expect, it } from "vitest";
import { interpolate } from "./format";
import { messages, type MessageKey } from "./messages";
import { apiTokenActorText, provenanceText } from "./provenance-text";

const tIn = (locale: "ja" | "en") => (key: MessageKey, vars: Record<string, string | number> = {}) => interpolate(messages[locale][key], vars, locale);
const at = new Date("2026-12-07T09:00:00Z");

describe("provenance words: a check against Seller Central only where one was made", () => {
  it("an account checked, or not yet", () => {
    expect(provenanceText({ meaning: "checked", verifiedAt: at, verifiedBy: "佐藤 花" }, tIn("ja"))).toBe("2026-12-07 に 佐藤 花 がSeller Centralと照合");
    expect(provenanceText({ meaning: "checked", verifiedAt: null, verifiedBy: null }, tIn("ja"))).toBe("Seller Centralとまだ照合されていません");
    expect(provenanceText({ meaning: "checked", verifiedAt: at, verifiedBy: null }, tIn("en"))).toBe("verified against Seller Central on 2026-12-07");
  });

  it("a login or person typed in says who recorded it, never that it was verified", () => {
    for (const locale of ["ja", "en"] as const) {
      const text = provenanceText({ meaning: "recorded", verifiedAt: at, verifiedBy: "佐藤 花" }, tIn(locale));
      expect(text).toContain("2026-12-07");
      expect(text).toContain("佐藤 花");
      expect(text).not.toMatch(/照合|verified/);
    }
    expect(provenanceText({ meaning: "recorded", verifiedAt: at, verifiedBy: "佐藤 花" }, tIn("ja"))).toBe("2026-12-07 に 佐藤 花 が記録");
    expect(provenanceText({ meaning: "recorded", verifiedAt: at, verifiedBy: null }, tIn("en"))).toBe("recorded on 2026-12-07");
    expect(provenanceText({ meaning: "recorded", verifiedAt: null, verifiedBy: null }, tIn("en"))).toBe("date recorded unknown");
  });

  it("a date written through an API token names the token, not the member who made it (decision 094)", () => {
    const token = { name: "nightly", revoked: false };
    expect(provenanceText({ meaning: "checked", verifiedAt: at, verifiedBy: null, verifiedByToken: token }, tIn("ja"))).toBe("2026-12-07 に APIトークン「nightly」 がSeller Centralと照合");
    expect(provenanceText({ meaning: "checked", verifiedAt: at, verifiedBy: null, verifiedByToken: token }, tIn("en"))).toBe("verified against Seller Central on 2026-12-07 by API token “nightly”");
    expect(provenanceText({ meaning: "recorded", verifiedAt: at, verifiedBy: null, verifiedByToken: { name: "nightly", revoked: true } }, tIn("en"))).toBe(
      "recorded on 2026-12-07 by API token “nightly” (revoked)",
    );
    expect(apiTokenActorText({ name: "nightly", revoked: true }, tIn("ja"))).toBe("APIトークン「nightly」（失効済み）");
  });
});
