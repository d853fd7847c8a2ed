// Markup built as a string, for the few large, static parts of a page (a table's rows) that React would
// otherwise render twice per request: once into the flight, once more from it as HTML (decision 051).
//
// Every interpolated value is escaped unless it is SafeHtml made here, so a value from the database can never
// become markup. Each template is checked once for the places where escaping is not enough: a value must sit
// in text between tags, or inside a quoted attribute value that is neither an event handler, `style` nor
// `srcdoc`, and in a URL attribute only after a fixed same-origin path (`href="/accounts/${id}"`). Raw-text
// elements (script, style, textarea, title …) and comments take no values at all.

/** Markup known to be safe: made only by `html` and `joinHtml`. */
export interface SafeHtml {
  readonly markup: string;
}

// Not exported: only this module makes one, and the private field is a brand that neither a cast, a copy nor
// `Object.create(prototype)` carries.
class Markup implements SafeHtml {
  readonly #brand = true;
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
  static is(value: unknown): value is Markup {
    return typeof value === "object" && value !== null && #brand in value;
  }
}

function safe(markup: string): SafeHtml {
  return new Markup(markup);
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return Markup.is(value);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

/** Text or a quoted attribute value: the five characters that could end either are escaped. */
export function escapeHtml(text: string): string {
  // Most values (ids, dates, counts, names) need nothing: skip the replace and its allocation.
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : text;
}

/** A value in text: markup made here is kept, anything else is escaped. */
function textMarkup(value: HtmlValue): string {
  if (isSafeHtml(value)) return value.markup;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeHtml(value);
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value) out += textMarkup(item);
    return out;
  }
  // A React element or any other object is a mistake in a template, not text: refuse it.
  throw new TypeError("html: cannot interpolate an object that is not SafeHtml");
}

/** A value in a quoted attribute: text and numbers only; markup there could close the quote it sits in. */
function attributeMarkup(value: HtmlValue): string {
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined || value === false) return "";
  throw new TypeError("html: an attribute value takes text or a number, not markup, an array or true");
}

type Context = "text" | "attribute";
const contexts = new WeakMap<TemplateStringsArray, readonly Context[]>();

const RAW_TEXT = /^<\/?(script|style|textarea|title|xmp|iframe|noscript|noembed|noframes|plaintext)\b/i;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data", "background", "ping"]);

/** Where each value of a template goes; throws if any goes where escaping is not enough. */
function checkTemplate(strings: TemplateStringsArray): readonly Context[] {
  const refuse = (why: string, s: string): never => {
    throw new Error(`html: ${why}, after ${JSON.stringify(s.slice(-40))}`);
  };
  const result: Context[] = [];
  let state: "text" | "tag" | "dq" | "sq" | "comment" = "text";
  let attribute = ""; // the name of the attribute being read, or whose value is open
  let valueStart = ""; // the value's fixed text so far (for URL attributes)
  let afterEquals = false;
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i]!;
    for (let j = 0; j < s.length; j++) {
      const c = s[j]!;
      if (state === "text") {
        if (c !== "<") continue;
        if (s.startsWith("<!--", j)) state = "comment";
        else if (RAW_TEXT.test(s.slice(j))) refuse("a raw-text element (script, style, textarea, title …) is not for this builder", s.slice(0, j + 1));
        else {
          state = "tag";
          attribute = "";
          afterEquals = false;
        }
      } else if (state === "tag") {
        if (c === '"' || c === "'") {
          // A quote opens a value only right after `=`; anywhere else the browser reads it as part of a name.
          if (!afterEquals) refuse("a quote that does not open an attribute value", s.slice(0, j + 1));
          state = c === '"' ? "dq" : "sq";
          valueStart = "";
          afterEquals = false;
        } else if (c === ">") state = "text";
        else if (c === "=") afterEquals = true;
        else if (/\s/.test(c)) {
          if (!afterEquals) attribute = "";
        } else if (c === "/") attribute = "";
        else {
          if (afterEquals) refuse("an unquoted attribute value", s.slice(0, j + 1));
          attribute += c.toLowerCase();
        }
      } else if (state === "dq" || state === "sq") {
        if (c === (state === "dq" ? '"' : "'")) {
          state = "tag";
          attribute = "";
        } else valueStart += c;
      } else if (state === "comment") {
        if (s.startsWith("-->", j)) {
          state = "text";
          j += 2;
        }
      }
    }
    if (i === strings.length - 1) break;
    if (state === "text") {
      result.push("text");
      continue;
    }
    if (state === "dq" || state === "sq") {
      if (attribute.startsWith("on") || attribute === "style" || attribute === "srcdoc")
        refuse(`a value in the ${attribute} attribute (script or style)`, s);
      // A URL attribute: only after a fixed same-origin path, so no value can choose the scheme or the host.
      if (URL_ATTRIBUTES.has(attribute) && !/^\/[^/\\]/.test(valueStart)) refuse(`a value in ${attribute} not after a fixed path starting "/"`, s);
      result.push("attribute");
      valueStart += "x"; // the value is part of the attribute from here on
      continue;
    }
    refuse(state === "tag" ? "a value in a tag outside a quoted attribute value" : "a value in a comment", s);
  }
  if (state !== "text") throw new Error(`html: the template ends inside ${state === "comment" ? "a comment" : "a tag"}`);
  return result;
}

/** Tagged template: `html\`<td title="${title}">${name}</td>\`` escapes `title` and `name`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let context = contexts.get(strings);
  if (!context) {
    // A template literal's strings array is frozen and has `raw`: a plain array passed as one could change later.
    if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) throw new TypeError("html: use it as a tagged template");
    context = checkTemplate(strings);
    contexts.set(strings, context);
  }
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += (context[i] === "attribute" ? attributeMarkup(values[i]!) : textMarkup(values[i]!)) + strings[i + 1]!;
  return safe(out);
}

/** A host element's content, as React's `dangerouslySetInnerHTML` takes it: `<td dangerouslySetInnerHTML={innerHtml(h)} />`. */
export function innerHtml(h: SafeHtml): { __html: string } {
  return { __html: h.markup };
}

/** Several fragments as one, with `separator` (text, escaped) between them. */
export function joinHtml(parts: readonly HtmlValue[], separator = ""): SafeHtml {
  const sep = escapeHtml(separator);
  let out = "";
  for (let i = 0; i < parts.length; i++) out += (i > 0 ? sep : "") + textMarkup(parts[i]!);
  return safe(out);
}
