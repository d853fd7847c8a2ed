import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml, staticHtml } from "./static-html";

function Badge({ score, testId }: { score: number; testId?: string }) {
  return createElement("span", { className: `score-badge ${score < 40 ? "bg-red-100" : "bg-emerald-100"}`, "aria-label": undefined, "data-testid": testId }, score);
}

// The cells the accounts and people tables render, and the awkward values they may hold.
const cells: [string, ReactNode][] = [
  ["a link with text", createElement("a", { href: "/accounts/c1" }, "Store <One> & \"Two\" 'x'")],
  ["a code element", createElement("code", { className: "text-xs" }, "A1B2C3")],
  ["a dash", "—"],
  ["a number", 42],
  ["zero", 0],
  ["text and numbers side by side", ["NA (", "US, CA", ")", 3]],
  ["a function component", createElement(Badge, { score: 12, testId: "account-score" })],
  ["a time", createElement("time", { dateTime: "2026-12-01T00:00:00.000Z" }, "2026-12-01")],
  ["a title attribute", createElement("span", { className: "whitespace-nowrap", title: "2026-01-01" }, "12 days")],
  ["nothing", null],
  ["false and undefined", [false, undefined, "x"]],
  ["a fragment with a line break", createElement(Fragment, null, "a", createElement("br"), "b")],
  ["data and aria attributes", createElement("span", { "data-testid": "person-row", "data-person": "O'Brien <&>", "aria-hidden": true }, "n")],
  ["nested spans", createElement("span", null, createElement("a", { href: "/people/p1" }, "Sato"), createElement("span", { className: "ml-1" }, "External"), createElement("span", { className: "block" }, "a@b.example"))],
  ["Japanese text", "佐藤 花子"],
  ["a cell as the table writes it", createElement("tr", null, createElement("th", { scope: "row" }, "x"), createElement("td", { colSpan: 2 }, "y"))],
];

describe("staticHtml", () => {
  it.each(cells)("writes %s exactly as React's renderToStaticMarkup", (_name, node) => {
    expect(staticHtml(node)).toBe(renderToStaticMarkup(createElement(Fragment, null, node)));
  });

  it("escapes what could open a tag or end an attribute", () => {
    expect(escapeHtml(`<script>"'&`)).toBe("&lt;script&gt;&quot;&#x27;&amp;");
    expect(staticHtml(createElement("a", { href: `/x"><script>` }, "</a><script>"))).toBe('<a href="/x&quot;&gt;&lt;script&gt;">&lt;/a&gt;&lt;script&gt;</a>');
  });

  it("refuses what it cannot write as React would", () => {
    expect(() => staticHtml(createElement("a", { href: "javascript:alert(1)" }, "x"))).toThrow(/javascript/);
    expect(() => staticHtml(createElement("a", { href: " \tJava\nScript:alert(1)" }, "x"))).toThrow(/javascript/);
    expect(() => staticHtml(createElement("button", { onClick: () => undefined }, "x"))).toThrow(/function/);
    expect(() => staticHtml(createElement("span", { style: { color: "red" } }, "x"))).toThrow(/style/);
    expect(() => staticHtml(createElement("div", { dangerouslySetInnerHTML: { __html: "<b>x</b>" } }))).toThrow(/dangerouslySetInnerHTML/);
    expect(() => staticHtml(createElement("script", null, "alert(1)"))).toThrow(/element name/);
    expect(() => staticHtml(createElement("input", { defaultValue: "x" }))).toThrow(/element name/);
    expect(() => staticHtml(createElement("span", { hidden: true }))).toThrow(/boolean/);
    expect(() => staticHtml(createElement("span", { "x onmouseover": "a" }))).toThrow(/attribute name/);
    const Async = async () => createElement("span", null, "x");
    expect(() => staticHtml(createElement(Async))).toThrow(/async/);
    const clientReference = Object.assign(() => null, { $$typeof: Symbol.for("react.client.reference") });
    expect(() => staticHtml(createElement(clientReference))).toThrow(/only host elements/);
  });
});
