import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/db/history";
import { translatorFor } from "@/lib/i18n/per-locale";
import { HistorySection } from "./history-section";

// Decision 094 (new-user pass 45, F2): a change that came through an API token is credited to the token in the
// account's history, not to the member who made the token.
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({ id: "1", at: new Date("2026-12-07T09:00:00Z"), action: "account.created", actor: null, ruleId: null, before: null, after: null, ...over });
const render = (history: HistoryEntry[], locale: "ja" | "en") => renderToStaticMarkup(createElement(HistorySection, { history, t: translatorFor(locale), locale }));

describe("the history names who made each change", () => {
  it("a token's change names the token, revoked or not; a member's names the member; the recompute's is automatic", () => {
    const history = [
      entry({ id: "1", actor: "Fujita Akane", actorToken: { name: "nightly", revoked: false } }),
      entry({ id: "2", actor: "Fujita Akane", actorToken: { name: "<b>old</b>", revoked: true } }),
      entry({ id: "3", action: "account.verified", actor: "Fujita Akane", actorToken: null }),
      entry({ id: "4", action: "finding.resolved", actor: null }),
    ];
    const en = render(history, "en");
    expect(en).toContain("API token “nightly”");
    expect(en).toContain("API token “&lt;b&gt;old&lt;/b&gt;” (revoked)");
    expect(en.match(/Fujita Akane/g)).toHaveLength(1);
    expect(en).toContain("automatic (recompute)");
    expect(render(history, "ja")).toContain("APIトークン「nightly」");
  });
});
