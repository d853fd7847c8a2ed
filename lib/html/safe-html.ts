// Markup built as a string, for the few large, static parts of a page (a table's rows) that React would
// otherwise render twice per request: once into the flight, once more from it as HTML (decision 050).
//
// Every interpolated value is escaped unless it is itself SafeHtml made by `html`, so a value from the
// database can never become markup. The templates are checked once each for the two ways escaping is not
// enough: an unquoted attribute value, and a value in a tag name, attribute name, comment, script or style.

/** Markup known to be safe: made only by `html` (and `joinHtml`), never from a plain string. */
export class SafeHtml {
  /** @internal Use `html`. */
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
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

function valueMarkup(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeHtml(value);
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value) out += valueMarkup(item);
    return out;
  }
  // A React element or any other object is a mistake in a template, not text: refuse it.
  throw new TypeError(`html: cannot interpolate a ${typeof value === "object" ? "non-SafeHtml object" : typeof value}`);
}

// Each template literal's strings array is one object for the life of the process: checked once.
const checked = new WeakSet<TemplateStringsArray>();

/** Where in a template a value may go: text between tags, or a double- or single-quoted attribute value. */
function checkTemplate(strings: TemplateStringsArray): void {
  let state: "text" | "tag" | "dq" | "sq" | "comment" | "raw" = "text";
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i]!;
    for (let j = 0; j < s.length; j++) {
      const c = s[j]!;
      if (state === "text") {
        if (c === "<") {
          if (s.startsWith("<!--", j)) state = "comment";
          else if (/^<(script|style)\b/i.test(s.slice(j))) state = "raw";
          else state = "tag";
        }
      } else if (state === "tag") {
        if (c === '"') state = "dq";
        else if (c === "'") state = "sq";
        else if (c === ">") state = "text";
      } else if (state === "dq") {
        if (c === '"') state = "tag";
      } else if (state === "sq") {
        if (c === "'") state = "tag";
      } else if (state === "comment") {
        if (s.startsWith("-->", j)) state = "text";
      }
    }
    if (i === strings.length - 1) break;
    if (state === "text" || state === "dq" || state === "sq") continue;
    const where = state === "tag" ? "a tag outside a quoted attribute value" : state === "comment" ? "a comment" : "a script or style";
    throw new Error(`html: a value in ${where}, after ${JSON.stringify(s.slice(-40))}`);
  }
  if (state !== "text") throw new Error(`html: the template ends inside ${state === "tag" || state === "dq" || state === "sq" ? "a tag" : "a comment, script or style"}`);
  checked.add(strings);
}

/** Tagged template: `html\`<td title="${title}">${name}</td>\`` escapes `title` and `name`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  if (!checked.has(strings)) checkTemplate(strings);
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += valueMarkup(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Several fragments as one, with `separator` (text, escaped) between them. */
export function joinHtml(parts: readonly HtmlValue[], separator = ""): SafeHtml {
  const sep = escapeHtml(separator);
  let out = "";
  for (let i = 0; i < parts.length; i++) out += (i > 0 ? sep : "") + valueMarkup(parts[i]!);
  return new SafeHtml(out);
}
