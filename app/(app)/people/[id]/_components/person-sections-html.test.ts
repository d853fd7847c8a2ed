import { describe, expect, it } from "vitest";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Translate } from "@/lib/i18n/server";
import { personDevicesHtml, personFindingsHtml, personLoginsTableHtml } from "./person-sections-html";

const HOSTILE = `<script>alert("x")</script> & 'q'`;
const ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;";
// Every label carries the hostile text too: the catalogue is ours, but a label may quote a value (people.uses).
const t: Translate = (key, vars) => `${key}${vars ? ` ${Object.values(vars).join(",")}` : ""}${HOSTILE}`;

const account = { id: `acc"1`, storeName: HOSTILE, sellerId: HOSTILE };
const login = (over: Partial<PersonDetail["logins"][number]>): PersonDetail["logins"][number] => ({
  id: "l1", role: "SECONDARY", email: HOSTILE, status: "ACTIVE", lastLoginAt: new Date("2026-12-02T10:00:00Z"), personId: "p1",
  person: { id: "p1", name: HOSTILE }, account, permissions: [], ...over,
});

/** No tag but those the templates write: the hostile `<script>` never survives as markup. */
function expectNoInjectedMarkup(markup: string) {
  expect(markup).not.toContain("<script");
  expect(markup).not.toMatch(/="[^"]*"[^ >]/); // every attribute value closed by its own quote
  expect(markup).toContain(ESCAPED);
}

describe("personLoginsTableHtml", () => {
  it("escapes every value, in text and in attributes, and groups the logins by account", () => {
    const markup = personLoginsTableHtml(
      {
        id: "p1",
        logins: [
          login({ permissions: [{ level: "VIEW", marketplace: HOSTILE, tool: { id: "t1", nameJa: HOSTILE, nameEn: "Orders", sortOrder: 1 } }] }),
          login({ id: "l2", personId: "p2", person: { id: "p2", name: HOSTILE }, lastLoginAt: null }),
          login({ id: "l3", role: "PRIMARY", account: { id: "acc2", storeName: "Two", sellerId: null } }),
        ],
      },
      t,
      "ja",
    ).markup;
    expectNoInjectedMarkup(markup);
    expect(markup).toContain(`href="/accounts/acc&quot;1"`);
    expect(markup.match(/data-testid="person-account"/g)).toHaveLength(2);
    expect(markup.match(/data-testid="person-login"/g)).toHaveLength(3);
    expect(markup).toContain(`data-label="login.role${ESCAPED}"`);
    expect(markup).toContain(`<time dateTime="2026-12-02" class="whitespace-nowrap tabular-nums">2026-12-02</time>`);
    expect(markup).toContain(`<span class="text-slate-500">—</span>`);
    expect(markup).toContain(`>people.uses ${ESCAPED}${ESCAPED}</td>`);
    expect(markup).toContain(`level-ADMIN">people.primaryAllTools${ESCAPED}</span>`);
    expect(markup).not.toContain(`<code class="ml-2 text-xs font-normal text-slate-500"></code>`);
  });
});

describe("personFindingsHtml", () => {
  it("escapes the evidence, the account and the rule id", () => {
    const finding: PersonDetail["findings"][number] = {
      id: "f1", ruleId: HOSTILE, severity: "high", evidence: HOSTILE, evidenceData: {}, firstSeenAt: new Date(0),
      subjectType: "login", subjectId: "l1", account: { id: "acc1", storeName: HOSTILE },
    };
    const markup = personFindingsHtml([finding], t, "en", new Map()).markup;
    expectNoInjectedMarkup(markup);
    expect(markup).toContain(`data-rule="${ESCAPED}"`);
    expect(markup).toContain(`<a href="/accounts/acc1#findings">${ESCAPED}</a>`);
    expect(markup).toContain(`<span class="inline-block rounded px-1.5 py-0.5 text-xs font-semibold bg-orange-700 text-white">`);
  });
});

describe("personDevicesHtml", () => {
  it("escapes the device's label and the carried logins' values", () => {
    const method = { id: "m1", kind: "SMS", role: "PRIMARY", login: { id: "l9", email: HOSTILE, status: "ACTIVE", person: { id: "p9", name: HOSTILE }, account } };
    const device = { id: "d1", kind: "PHONE", label: HOSTILE, skipOtpOnBrowser: true, methods: [method], othersLogins: [method] } as unknown as PersonDetail["devices"][number];
    const markup = personDevicesHtml([device], t).markup;
    expectNoInjectedMarkup(markup);
    expect(markup).toContain(`<a href="/accounts/acc&quot;1">${ESCAPED}</a>`);
    expect(markup).toContain(`device.skipOtp${ESCAPED}`);
  });
});
