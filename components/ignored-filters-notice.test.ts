import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/per-locale";
import { parseAccountListPage } from "@/lib/validation/accounts";
import { IgnoredFiltersNotice } from "./ignored-filters-notice";

const notice = (raw: Record<string, string>) => renderToStaticMarkup(createElement(IgnoredFiltersNotice, { ignored: parseAccountListPage(raw).ignored, t: translatorFor("en") }));

describe("the notice naming what a list did not apply", () => {
  it("isolates each name and value from the URL in a <bdi>, so right-to-left letters cannot reorder the sentence", () => {
    const html = notice({ severity: "عالي", "סינון": "critical" });
    expect(html).toContain("<li>Ignored filter <bdi>severity</bdi>=<bdi>عالي</bdi>: not one of critical, high, medium, low.</li>");
    expect(html).toContain("<li>Ignored link parameter <bdi>סינון</bdi>=<bdi>critical</bdi>: no parameter of that name is used here.</li>");
    expect(html).toMatch(/^<div role="status"[^>]*data-testid="ignored-filters"><p>2 parameters in this link could not be used/);
  });

  it("escapes markup in a name, as in a value", () => {
    const html = notice({ "<b>x</b>": "<i>y</i>" });
    expect(html).toContain("<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>=<bdi>&lt;i&gt;y&lt;/i&gt;</bdi>");
    expect(html).not.toContain("<b>");
  });

  it("renders nothing when nothing was ignored", () => {
    expect(notice({ severity: "high", sort: "score" })).toBe("");
  });
});
