import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Day, dayHtml } from "@/components/day";
import { LevelBadge, levelBadgeHtml } from "@/components/level-badge";
import { SeverityBadge, severityBadgeHtml } from "@/components/severity-badge";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import { html } from "@/lib/html/safe-html";
import { translatorFor } from "@/lib/i18n/per-locale";
import { factsHtml, findingEvidenceHtml, findingHeadHtml, findingHtml, loginRowHtml, matrixHtml, personHtml, provenanceLineHtml, remediationHtml, reviewHtml, twoStepHtml } from "./account-html";
import { ProvenanceLine } from "./provenance-line";

const t = translatorFor("en");
const HOSTILE = `<script>alert("x")</script> & 'q'`;
const ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;";
type Login = AccountDetail["logins"][number];

function login(overrides: Partial<Record<string, unknown>> = {}): Login {
  return {
    id: "l1",
    email: HOSTILE,
    role: "SECONDARY",
    status: "ACTIVE",
    person: { name: HOSTILE, external: true, departedAt: new Date("2026-01-02T00:00:00Z") },
    usedBy: [{ person: { name: "A" } }, { person: { name: HOSTILE } }],
    twoStepMethods: [
      { id: "m1", kind: "SMS", role: "PRIMARY", phoneLast4: "12<3", label: HOSTILE, device: { id: "d1", kind: "PHONE", label: HOSTILE, holder: { name: HOSTILE }, skipOtpOnBrowser: true } },
      { id: "m2", kind: "AUTHENTICATOR_APP", role: "BACKUP", phoneLast4: null, label: null, device: null },
    ],
    permissions: [
      { toolId: "orders", level: "VIEW_EDIT", marketplace: "JP" },
      { toolId: "orders", level: "VIEW", marketplace: null },
      { toolId: "reports", level: "NONE", marketplace: null },
    ],
    ...overrides,
  } as unknown as Login;
}

describe("the html renderers write what the React components write", () => {
  it.each([[null], ["2026-03-04T10:00:00Z"], [new Date("2025-12-31T23:59:59Z")]])("Day %s", (value) => {
    expect(dayHtml(value).markup).toBe(renderToStaticMarkup(createElement(Day, { value })));
  });

  it("the badges, with hostile labels", () => {
    for (const level of ["NONE", "VIEW", "VIEW_EDIT", "ADMIN", "?"]) expect(levelBadgeHtml(level, HOSTILE).markup).toBe(renderToStaticMarkup(createElement(LevelBadge, { level, label: HOSTILE })));
    for (const severity of ["critical", "high", "medium", "low", "?"]) expect(severityBadgeHtml(severity, HOSTILE).markup).toBe(renderToStaticMarkup(createElement(SeverityBadge, { severity, label: HOSTILE })));
  });

  it("the provenance line, verified by a hostile name or not", () => {
    for (const provenance of [
      { source: "IMPORT" as const, meaning: "recorded" as const, verifiedAt: new Date("2026-02-03T00:00:00Z"), verifiedBy: HOSTILE },
      { source: "FORM" as const, meaning: "checked" as const, verifiedAt: new Date("2026-02-03T00:00:00Z"), verifiedBy: null },
      { source: "SEED" as const, meaning: "checked" as const, verifiedAt: null, verifiedBy: null },
    ]) {
      expect(provenanceLineHtml(provenance, t)!.markup).toBe(renderToStaticMarkup(createElement(ProvenanceLine, { provenance, t })));
      expect(provenanceLineHtml(provenance, t)!.markup).not.toContain("<script>");
    }
    expect(provenanceLineHtml(undefined, t)).toBeNull();
  });
});

describe("a login row's cells", () => {
  it("escape every value typed by people or imported", () => {
    const l = login();
    const person = personHtml(l, t).markup;
    expect(person).toBe(
      `${ESCAPED}<span class="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-900">External</span><span class="ml-1 rounded bg-red-100 px-1 text-xs text-red-900">Departed</span><div class="text-xs text-slate-500">Also used by: A, ${ESCAPED}</div>`.replace("External", t("person.external")).replace("Departed", t("person.departed")).replace("Also used by", t("login.usedBy")),
    );
    const twoStep = twoStepHtml(l, t, new Map([["m1", { source: "API", meaning: "recorded", verifiedAt: null, verifiedBy: null }]])).markup;
    expect(twoStep).not.toMatch(/<script|'q'|"x"/);
    expect(twoStep.match(/data-testid="two-step-method"/g)).toHaveLength(2);
    expect(twoStep).toContain(`<span class="tabular-nums"> ••••12&lt;3</span><span> · ${ESCAPED}</span>`);
    expect(twoStep).toContain(`<div class="text-xs text-slate-500">${t("device.label")}: ${ESCAPED} · ${t("device.holder")}: ${ESCAPED} · ${t("device.skipOtp")}</div>`);
    expect(twoStep).toContain('data-testid="provenance"');
    expect(twoStepHtml(login({ twoStepMethods: [] }), t, new Map()).markup).toBe(`<span class="font-medium text-red-700">${t("twoStep.none")}</span>`);
  });

  it("the latest review, with a hostile note and reviewer", () => {
    const review = reviewHtml({ decision: "REMOVE", note: HOSTILE, by: HOSTILE, decidedAt: new Date("2026-05-06T00:00:00Z") }, t).markup;
    expect(review).toBe(
      `<span class="font-medium text-red-800">${t("reviews.decision.REMOVE")}</span> <span class="text-slate-500">${ESCAPED} · <time dateTime="2026-05-06" class="whitespace-nowrap tabular-nums">2026-05-06</time></span><div class="text-slate-600 [overflow-wrap:anywhere]">“${ESCAPED}”</div>`,
    );
  });
});

describe("the findings, the facts and the matrix", () => {
  it("escape evidence, titles and remediation", () => {
    expect(findingHeadHtml({ severity: "high", ruleId: "R<1>" }, HOSTILE, t).markup).toBe(`${severityBadgeHtml("high", t("severity.high")).markup}<h3 class="font-semibold">${ESCAPED}</h3><code class="text-xs text-slate-500">R&lt;1&gt;</code>`);
    expect(findingEvidenceHtml(HOSTILE, t).markup).toBe(`<span class="font-medium">${t("finding.evidence")}:</span> ${ESCAPED}`);
    expect(remediationHtml(undefined, t).markup).toContain('<p class="mt-1 whitespace-pre-line text-slate-800"></p>');
    expect(remediationHtml(HOSTILE, t).markup).toContain(ESCAPED);
  });

  it("put an open finding's parts in one string, the remediation closed, every value escaped", () => {
    const finding = { severity: "high", ruleId: "R<1>", firstSeenAt: new Date("2026-11-02T03:04:05Z") } as const;
    const markup = findingHtml(finding, HOSTILE, `${HOSTILE}!`, `${HOSTILE}?`, t).markup;
    expect(markup).toBe(
      `<div class="flex flex-wrap items-center gap-2">${findingHeadHtml(finding, HOSTILE, t).markup}</div><p class="mt-1 text-slate-700">${findingEvidenceHtml(`${HOSTILE}!`, t).markup}</p><details class="mt-2">${remediationHtml(`${HOSTILE}?`, t).markup}</details><p class="mt-1 text-xs text-slate-500">${t("finding.firstSeen")}: 2026-11-02</p>`,
    );
    expect(markup).not.toContain(HOSTILE);
  });

  it("leave the client out in a seller's portal", () => {
    const account = { sellerId: HOSTILE, client: { name: HOSTILE }, region: "FE", marketplaces: ["JP", "SG"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: null } as unknown as AccountDetail;
    const agency = factsHtml(account, t, false).markup;
    // Not a merchant token's shape: the quiet note under it.
    const advice = html`<p class="text-xs text-slate-600" data-testid="seller-id-advice">${t("account.sellerIdAdvice")}</p>`.markup;
    expect(agency).toContain(`<dd><code>${ESCAPED}</code>${advice}</dd><dt class="text-slate-500">${t("account.client")}</dt><dd>${ESCAPED}</dd>`);
    expect(agency).toContain("<dd>FE (JP, SG)</dd>");
    expect(factsHtml(account, t, true).markup).not.toContain(t("account.client"));
  });

  it("note a seller ID only when it is not shaped like a merchant token", () => {
    const facts = (sellerId: string | null) => factsHtml({ sellerId, client: null, region: "FE", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: null } as unknown as AccountDetail, t, false).markup;
    expect(facts("A2EXAMPLE0001")).toContain("<dd><code>A2EXAMPLE0001</code></dd>");
    expect(facts(null)).toContain("<dd><code></code></dd>");
    expect(facts("123-456")).toContain(html`<dd><code>123-456</code><p class="text-xs text-slate-600" data-testid="seller-id-advice">${t("account.sellerIdAdvice")}</p></dd>`.markup);
    expect(facts("123-456")).toContain("Amazon&#x27;s seller IDs (merchant tokens) are usually 13–14 upper-case letters and digits starting with A.");
  });

  it("the matrix: the primary holds all, a grant per marketplace, None where nothing is held", () => {
    const tools = [
      { id: "orders", nameEn: HOSTILE, nameJa: "注文", group: "g" },
      { id: "reports", nameEn: "Reports", nameJa: "レポート", group: "g" },
    ];
    const account = { logins: [login({ role: "PRIMARY", email: "owner@x" }), login()] } as unknown as AccountDetail;
    const markup = matrixHtml(account, tools, t, "en").markup;
    expect(markup).toContain(`<th scope="col" class="matrix-tool">${ESCAPED}</th>`);
    expect(markup).toContain(`<tr><th scope="row" class="matrix-login">${ESCAPED}</th>`);
    expect(markup.split(t("level.primaryAll")).length - 1).toBe(2);
    expect(markup).toContain(`<td>${levelBadgeHtml("VIEW_EDIT", `${t("level.VIEW_EDIT")} (JP)`, true).markup}${levelBadgeHtml("VIEW", t("level.VIEW"), true).markup}</td>`);
    expect(levelBadgeHtml("VIEW", "v", true).markup).toBe(`<span class="level-VIEW mr-1">v</span>`);
    expect(markup).toContain(`<td>${levelBadgeHtml("NONE", t("level.NONE")).markup}</td></tr></tbody>`);
    expect(matrixHtml(account, tools, t, "ja").markup).toContain(">注文</th>");
  });
});

describe("a login's row of the logins table (decision 062)", () => {
  const provenance = new Map([["l1", { source: "IMPORT", verifiedAt: null, verifiedBy: null }]]) as unknown as Parameters<typeof loginRowHtml>[4];
  const review = { decision: "REDUCE", note: HOSTILE, decidedAt: new Date("2026-11-02T00:00:00Z"), by: HOSTILE };

  it("writes the eight cells React wrote, with the links as plain anchors and every value escaped", () => {
    const row = loginRowHtml(login({ lastLoginAt: new Date("2026-12-01T00:00:00Z"), passwordChangedAt: null }), "acc/1", t, review, provenance).markup;
    expect(row.match(/<td[ >]/g)).toHaveLength(8);
    expect(row).toContain(`<td class="font-medium">${ESCAPED}${provenanceLineHtml(provenance.get("l1"), t)!.markup}</td>`);
    expect(row).toContain(`data-label="${t("login.role")}" data-testid="login-role">${t("loginRole.SECONDARY")}</td>`);
    expect(row).toContain(`<a href="/accounts/acc/1/triage?login=l1" class="text-blue-800 underline" data-testid="login-triage-link">Can&#x27;t log in?</a>`);
    expect(row).toContain(dayHtml(new Date("2026-12-01T00:00:00Z")).markup);
    expect(row).toContain(`data-testid="login-two-step">${twoStepHtml(login(), t, provenance).markup}</td>`);
    expect(row).toContain(`<div class="text-xs">${reviewHtml(review, t).markup}</div><a href="/reviews"`);
    expect(row).not.toContain("<script>");
  });

  it("leaves the review's line out when the login has none, but keeps the way to the reviews", () => {
    const row = loginRowHtml(login({ email: null }), "a", t, undefined, new Map()).markup;
    // A login without a recorded e-mail says so in words, not a bare dash.
    expect(row.startsWith(`<td class="font-medium">${t("login.noEmail")}</td>`)).toBe(true);
    expect(row).toContain(`data-testid="access-review"><a href="/reviews"`);
  });
});
