import { readFileSync } from "node:fs";
import { expect, type APIRequestContext } from "@playwright/test";

// Server actions over plain HTTP, as anyone holding a page could send them: no browser, no React.
// A Next.js server action is a POST to a page with a `Next-Action: <id>` header and the arguments
// encoded as React's encodeReply does: the argument list as JSON in the multipart field "0", where a
// FormData argument is the reference "$K<n>" and its fields travel as "_<n>_<name>". The answer is the
// RSC (flight) stream: row 0 names the row of the action's return value ("a": "$@<row>").

export type Fields = Record<string, string>;

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };
const buildManifest = () => JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;

/** id → exported name of every server action of the build being served (written by `next build`). */
export function actionNamesOfBuild(): Map<string, string> {
  return new Map(Object.entries(buildManifest().node).map(([id, entry]) => [id, entry.exportedName ?? "?"]));
}

/** "file#name" of every server action the build holds: inline ones and re-exports included, however written. */
export function actionsOfBuild(): string[] {
  return Object.values(buildManifest().node).map((entry) => `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}`).sort();
}

const chunkCache = new Map<string, string>();

/**
 * The server-action ids a page hands to the browser: in its HTML (flight payload, form fields) and in
 * the scripts it loads. This is all an attacker needs: the ids are the same for every visitor.
 */
export async function actionIdsOnPage(request: APIRequestContext, path: string): Promise<Set<string>> {
  const response = await request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  const html = await response.text();
  const ids = new Set(html.match(/\b[0-9a-f]{42}\b/g) ?? []);
  for (const src of new Set(html.match(/\/_next\/static\/chunks\/[\w.-]+\.js/g) ?? [])) {
    if (!chunkCache.has(src)) chunkCache.set(src, await (await request.get(src)).text());
    for (const match of chunkCache.get(src)!.matchAll(/createServerReference\)\("([0-9a-f]{42})"/g)) ids.add(match[1]);
  }
  return ids;
}

export interface ActionAnswer {
  status: number;
  /** The action's return value, or undefined when it redirected or failed before returning. */
  value: unknown;
  redirect: string | undefined;
  setCookies: string[];
}

/**
 * Posts one server action. `prev` is the first argument of a useActionState action (omit it for a
 * plain form action); `fields` is the form.
 */
export async function postAction(request: APIRequestContext, origin: string, path: string, id: string, fields: Fields, prev?: unknown): Promise<ActionAnswer> {
  return postArguments(request, origin, path, id, prev === undefined ? [FORM] : [prev, FORM], fields);
}

/** Where the form goes in an argument list given to postArguments. */
export const FORM = "$K1";

/**
 * Posts one server action with an argument list written by hand, as a caller who ignores the action's
 * signature could: FORM stands for the form (`fields`); anything else is sent as it is.
 */
export async function postArguments(request: APIRequestContext, origin: string, path: string, id: string, args: unknown[], fields: Fields = {}): Promise<ActionAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  // The argument list goes last, as the browser sends it: the server resolves "$K1" when "0" arrives.
  form.append("0", JSON.stringify(args));
  const response = await request.post(path, {
    multipart: form,
    maxRedirects: 0,
    headers: { "next-action": id, accept: "text/x-component", origin },
  });
  const text = await response.text();
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  let value: unknown;
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const row = typeof root?.a === "string" && root.a.startsWith("$@") ? rows.get(root.a.slice(2)) : undefined;
    value = row === undefined ? undefined : JSON.parse(row);
  } catch {
    value = undefined;
  }
  const headers = response.headersArray();
  return {
    status: response.status(),
    value,
    redirect: response.headers()["x-action-redirect"],
    setCookies: headers.filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value),
  };
}

/** The answer in the matrices' terms: "ok", or the refusal's error code. */
export function outcomeOf(answer: ActionAnswer): string {
  const value = answer.value as { ok?: boolean; error?: string; stage?: string } | undefined;
  if (answer.status !== 200 || value === undefined) return `HTTP ${answer.status}${answer.redirect ? ` → ${answer.redirect}` : ""}`;
  if (value.error) return value.error;
  // The import's state: a problem report leaves it at "input"; a preview or a done import went through.
  if ("stage" in value) return value.stage === "input" ? "INVALID_INPUT" : "ok";
  return value.ok ? "ok" : "?";
}

/** The id of the named action among those a page hands out; fails when the page does not. */
export async function actionIdFromPage(request: APIRequestContext, path: string, name: string): Promise<string> {
  const names = actionNamesOfBuild();
  const id = [...(await actionIdsOnPage(request, path))].find((candidate) => names.get(candidate) === name);
  expect(id, `${name} on ${path}`).toBeTruthy();
  return id!;
}

/**
 * A signed-in HTTP client: the sign-in form's own server action, replayed. The session cookie it sets
 * is kept by the request context for every later request.
 */
export async function signedInRequest(newContext: () => Promise<APIRequestContext>, origin: string, email: string, password: string): Promise<APIRequestContext> {
  const request = await newContext();
  const id = await actionIdFromPage(request, "/signin", "signInAction");
  const answer = await postAction(request, origin, "/signin", id, { email, password }, { error: null, email: "", needsCode: false, seq: 0 });
  // Signing in lands on the overview ("/"; Next appends ";push" to the redirect it hands the browser).
  expect(answer.redirect?.split(";")[0], `sign-in of ${email}: ${JSON.stringify(answer.value)}`).toMatch(/^https?:\/\/[^/]+\/$/);
  return request;
}
