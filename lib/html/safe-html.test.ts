import { describe, expect, it } from "vitest";
import { escapeHtml, html, isSafeHtml, joinHtml } from "./safe-html";

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
    expect(() => html`<script>var a = ${v}</script>`).toThrow(/raw-text/);
    expect(() => html`<style>a { color: ${v} }</style>`).toThrow(/raw-text/);
    expect(() => html`<a href="x"`).toThrow(/ends inside a tag/);
  });

  it("allows values after a tag, a quoted attribute or a finished comment", () => {
    expect(html`<!-- c --><a title="t" href="/x?a=${"1&b=2"}">${"q"}</a>`.markup).toBe('<!-- c --><a title="t" href="/x?a=1&amp;b=2">q</a>');
  });

  it("cannot be forged: a look-alike object, a copy of the prototype or a plain array as the strings", () => {
    const made = html`<i>ok</i>`;
    expect(isSafeHtml(made)).toBe(true);
    expect(String(html`<i>${"<"}</i>`)).toBe("<i>&lt;</i>");
    for (const fake of [{ markup: "<img src=x onerror=alert(1)>" }, Object.create(Object.getPrototypeOf(made) as object), { ...made }]) {
      expect(isSafeHtml(fake)).toBe(false);
      expect(() => html`<td>${fake as never}</td>`).toThrow(/cannot interpolate/);
    }
    const strings = ["<img src=x onerror=alert(1)>"] as unknown as TemplateStringsArray;
    expect(() => html(strings)).toThrow(/tagged template/);
    const withRaw = Object.assign(["<a ", ">"], { raw: ["<a ", ">"] }) as unknown as TemplateStringsArray;
    expect(() => html(withRaw, "onclick=alert(1)")).toThrow(/tagged template/);
  });

  it("refuses a value in an event handler, style or srcdoc attribute, and a URL attribute not after a fixed path", () => {
    const v = "x";
    expect(() => html`<a onclick="f('${v}')">x</a>`).toThrow(/onclick/);
    expect(() => html`<a ONMOUSEOVER="${v}">x</a>`).toThrow(/onmouseover/);
    expect(() => html`<a style="${v}">x</a>`).toThrow(/style/);
    expect(() => html`<p srcdoc="${v}">x</p>`).toThrow(/srcdoc/);
    expect(() => html`<a href="${v}">x</a>`).toThrow(/href/);
    expect(() => html`<a href="//${v}">x</a>`).toThrow(/href/);
    expect(() => html`<a href="/\\${v}">x</a>`).toThrow(/href/);
    expect(() => html`<img src='${v}/a'>`).toThrow(/src/);
    expect(() => html`<form action="https://x/${v}"></form>`).toThrow(/action/);
    expect(html`<a href="/accounts/${"javascript:alert(1)"}">x</a>`.markup).toBe('<a href="/accounts/javascript:alert(1)">x</a>');
  });

  it("refuses quotes that do not open a value, and raw-text elements", () => {
    const v = "x onmouseover=alert(1)// ";
    expect(() => html`<a title"${v}">x</a>`).toThrow(/quote that does not open/);
    expect(() => html`<a title=x"${v}">x</a>`).toThrow(/unquoted attribute value/);
    expect(() => html`<a data-x=it's title="${v}">x</a>`).toThrow(/unquoted attribute value/);
    expect(() => html`<textarea><a title='</textarea><b title=${v}>'></textarea>`).toThrow(/raw-text/);
    for (const tag of ["title", "TEXTAREA", "xmp", "iframe", "noscript", "noembed", "noframes", "plaintext"]) {
      const strings = Object.freeze(Object.assign([`<${tag}>`, `</${tag}>`], { raw: [`<${tag}>`, `</${tag}>`] })) as unknown as TemplateStringsArray;
      expect(() => html(strings, "x")).toThrow(/raw-text/);
    }
  });

  it("takes only text or numbers in an attribute value: markup there could close its quote", () => {
    const v = "x onmouseover=alert(1)// ";
    expect(() => html`<span title="${html`<a title="${v}">`}">x</span>`).toThrow(/attribute value takes text/);
    expect(() => html`<span title="${["a", "b"]}">x</span>`).toThrow(/attribute value takes text/);
    expect(html`<span title="${'"><b>'}" data-n="${3}">x</span>`.markup).toBe('<span title="&quot;&gt;&lt;b&gt;" data-n="3">x</span>');
  });
});

describe("joinHtml", () => {
  it("joins fragments and text with an escaped separator", () => {
    expect(joinHtml([html`<b>a</b>`, "c<d", 3], " & ").markup).toBe("<b>a</b> &amp; c&lt;d &amp; 3");
    expect(joinHtml([]).markup).toBe("");
  });
});
