import { Fragment, isValidElement, type ReactNode } from "react";

// Server-only markup as one string: the HTML React's renderToStaticMarkup would write for a small, static
// subset of React nodes (host elements with string, number and data-/aria- boolean attributes; text; arrays;
// fragments; plain synchronous function components without hooks). The DataTable writes its rows with it
// (decision 033, stop 29): a row rendered by React travels twice, as HTML and as elements in the flight
// payload, and the server spends its time building, serialising, re-reading and rendering that tree; as one
// string it is written once into the HTML and carried once as text in the flight. Anything outside the
// subset (a client component, an async component, an event handler, a style object, a `javascript:` URL)
// throws rather than rendering something different from what React would.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text or an attribute value, escaped as React escapes it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const VOID = new Set(["br", "hr", "wbr"]);
/** Elements React writes with rules of its own (form values, document and resource hoisting, raw text): not static. */
const REFUSED = new Set(["html", "head", "body", "title", "meta", "link", "base", "script", "style", "noscript", "template", "iframe", "object", "embed", "img", "input", "select", "option", "textarea", "svg", "math"]);
/** React's own renames; every other attribute is written as it is named. */
const RENAMED: Record<string, string> = { className: "class", htmlFor: "for" };
const SAFE_NAME = /^[a-zA-Z][a-zA-Z0-9:._-]*$/;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formAction", "xlinkHref"]);
// As React detects it: leading control characters and spaces, and tabs or line breaks inside the scheme.
// eslint-disable-next-line no-control-regex -- the control characters are what the test is about
const JAVASCRIPT_URL = /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;
const CLIENT_REFERENCE = Symbol.for("react.client.reference");

function attributes(tag: string, props: Record<string, unknown>): string {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || value === undefined || value === null) continue;
    if (!SAFE_NAME.test(name)) throw new Error(`staticHtml: attribute name ${JSON.stringify(name)} on <${tag}>`);
    const dataOrAria = name.startsWith("data-") || name.startsWith("aria-");
    let text: string;
    if (typeof value === "string") text = value;
    else if (typeof value === "number") text = String(value);
    else if (typeof value === "boolean" && dataOrAria) text = String(value);
    else throw new Error(`staticHtml: attribute ${name} on <${tag}> is a ${typeof value}, not a string or number`);
    if (URL_ATTRIBUTES.has(name) && JAVASCRIPT_URL.test(text)) throw new Error(`staticHtml: a javascript: URL in ${name} on <${tag}>`);
    out += ` ${RENAMED[name] ?? name}="${escapeHtml(text)}"`;
  }
  return out;
}

/** The HTML of `node`, as renderToStaticMarkup writes it, for the static subset described above. */
export function staticHtml(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map(staticHtml).join("");
  if (!isValidElement(node)) throw new Error(`staticHtml: cannot write a ${typeof node}`);
  const { type } = node;
  const props = node.props as Record<string, unknown> & { children?: ReactNode };
  if (type === Fragment) return staticHtml(props.children);
  if (typeof type === "string") {
    if (!SAFE_NAME.test(type) || REFUSED.has(type.toLowerCase())) throw new Error(`staticHtml: element name ${JSON.stringify(type)}`);
    if ("dangerouslySetInnerHTML" in props || "style" in props || "ref" in props) throw new Error(`staticHtml: <${type}> with dangerouslySetInnerHTML, style or ref`);
    const open = `<${type}${attributes(type, props)}>`;
    if (VOID.has(type)) {
      if (props.children !== undefined && props.children !== null) throw new Error(`staticHtml: <${type}> cannot have children`);
      return `${open.slice(0, -1)}/>`; // as React writes it
    }
    return `${open}${staticHtml(props.children)}</${type}>`;
  }
  if (typeof type === "function" && (type as { $$typeof?: symbol }).$$typeof !== CLIENT_REFERENCE) {
    const rendered = (type as (p: unknown) => unknown)(props);
    if (rendered instanceof Promise) throw new Error("staticHtml: an async component");
    return staticHtml(rendered as ReactNode);
  }
  throw new Error("staticHtml: only host elements, fragments and plain function components");
}
