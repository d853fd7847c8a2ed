import { describe, expect, it } from "vitest";
import { escapeHtml, html, joinHtml, SafeHtml } from "./safe-html";

describe("escapeHtml", () => {
  it("escapes the five characters that can end text or a quoted attribute, and nothing else", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;amp;&lt;/a&gt;");
    expect(escapeHtml("Store 1234 — 東京 ✓")).toBe("Store 1234 — 東京 ✓");
    expect(escapeHtml("")).toBe("");
  });
});

describe("html", () => {
  it("escapes interpolated text and attribute values", () => {
    const name = `<script>alert("x")</script>`;
    const id = `" onmouseover="alert(1)`;
    expect(html`<a href="/accounts/${id}">${name}</a>`.markup).toBe(
      '<a href="/accounts/&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>',
    );
    expect(html`<span title='${"it's"}'>x</span>`.markup).toBe("<span title='it&#x27;s'>x</span>");
  });

  it("keeps SafeHtml made by html as markup, and flattens arrays", () => {
    const cells = [html`<td>${"a&b"}</td>`, html`<td>${2}</td>`];
    expect(html`<tr>${cells}</tr>`.markup).toBe("<tr><td>a&amp;b</td><td>2</td></tr>");
    expect(html`<p>${[["x", [html`<br>`]], "y"]}</p>`.markup).toBe("<p>x<br>y</p>");
  });

  it("writes nothing for null, undefined and booleans, and numbers as they print", () => {
    expect(html`<b>${null}${undefined}${false}${true}${0}${-1.5}</b>`.markup).toBe("<b>0-1.5</b>");
  });

  it("refuses objects that are not SafeHtml, such as React elements", () => {
    const element = { $$typeof: Symbol.for("react.transitional.element"), type: "span", props: {} };
    expect(() => html`<td>${element as never}</td>`).toThrow(/cannot interpolate/);
    expect(() => html`<td>${{ markup: "<b>" } as never}</td>`).toThrow(/cannot interpolate/);
  });

  it("refuses a template with a value where escaping is not enough", () => {
    const v = "x";
    expect(() => html`<a href=${v}>x</a>`).toThrow(/outside a quoted attribute/);
    expect(() => html`<a ${v}>x</a>`).toThrow(/outside a quoted attribute/);
    expect(() => html`<${v}>x</a>`).toThrow(/outside a quoted attribute/);
    expect(() => html`<!-- ${v} -->`).toThrow(/comment/);
    expect(() => html`<script>var a = ${v}</script>`).toThrow(/script or style/);
    expect(() => html`<style>a { color: ${v} }</style>`).toThrow(/script or style/);
    expect(() => html`<a href="x"`).toThrow(/ends inside a tag/);
  });

  it("allows values after a tag, a quoted attribute or a finished comment", () => {
    expect(html`<!-- c --><a title="t" href="${"/x?a=1&b=2"}">${"q"}</a>`.markup).toBe('<!-- c --><a title="t" href="/x?a=1&amp;b=2">q</a>');
  });

  it("cannot be given markup by constructing SafeHtml from a checked value only", () => {
    // SafeHtml is a class anyone may construct; what keeps it safe is that only html and joinHtml do.
    expect(html`${new SafeHtml("<i>ok</i>")}`.markup).toBe("<i>ok</i>");
    expect(String(html`<i>${"<"}</i>`)).toBe("<i>&lt;</i>");
  });
});

describe("joinHtml", () => {
  it("joins fragments and text with an escaped separator", () => {
    expect(joinHtml([html`<b>a</b>`, "c<d", 3], " & ").markup).toBe("<b>a</b> &amp; c&lt;d &amp; 3");
    expect(joinHtml([]).markup).toBe("");
  });
});
