import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { unsafeCreateApiTokenForOrganisation } from "@/lib/db/api-tokens/tokens";
import { messages } from "@/lib/i18n/messages";
import { tenantFingerprint } from "@/tests/support/tenant-fingerprint";
import { buildWorld, e2eDb, type World } from "./authz-world";
import { actionIdFromPage, outcomeOf as actionOutcome, postAction, signedInRequest } from "./server-action-http";

// Every page and route handler × every role (and signed out) × own / other tenant / unassigned client,
// from one table. A new route without an entry fails the first test. Each answer is checked twice: its
// status (the table), and its body — nothing of another organisation (its marker, see authz-world.ts)
// on any page, route or export, and for Managers, Viewers and the client owner nothing of the client
// they are not given. Requests go over HTTP with each member's session cookie (no browser: fast).
// CLIENT_OWNER is a user of the client company's own organisation (the client-owner portal).
type Who = "anon" | "OWNER" | "ADMIN" | "MANAGER" | "VIEWER" | "CLIENT_OWNER";
type Outcome = "ok" | "signin" | "400" | "404" | "401" | "405" | "422" | "overview";
const WHO: Who[] = ["anon", "OWNER", "ADMIN", "MANAGER", "VIEWER", "CLIENT_OWNER"];
const member = (others: Outcome = "ok", portal: Outcome = others): Record<Who, Outcome> => ({ anon: "signin", OWNER: "ok", ADMIN: "ok", MANAGER: others, VIEWER: others, CLIENT_OWNER: portal });
const everyone = (outcome: Outcome, signedIn: Outcome = outcome): Record<Who, Outcome> => ({ anon: outcome, OWNER: signedIn, ADMIN: signedIn, MANAGER: signedIn, VIEWER: signedIn, CLIENT_OWNER: signedIn });
const nobodyElse: Record<Who, Outcome> = everyone("signin", "404");
/** What Owners and Admins (every client) must see where the others must see nothing. */
const ifAdmin = (who: Who, text: string) => (who === "OWNER" || who === "ADMIN" ? text : null);

/** An id no record has: a NUL (which PostgreSQL refuses in text, 22021) and markup. Never a 500. */
const BAD = "%00%3Cnot%20an%20id%3E";

interface Entry {
  /**
   * Path to request: {account} / {person} are the tenant's own ids (its first client), {otherAccount} /
   * {otherPerson} another tenant's, {unassignedAccount} / {unassignedPerson} the tenant's second client's
   * (which Managers, Viewers and the client owner are not given), {unassignedClient} its client's id and
   * {unassignedMarker} the marker in its names (a search for them). `shows`: what an answer of 200 must
   * contain, so that an empty page cannot pass the leak checks.
   */
  paths: { path: string; expect: Record<Who, Outcome>; shows?: (w: World, who: Who) => string | null }[];
}

const MATRIX: Record<string, Entry> = {
  "/": { paths: [{ path: "/", expect: member(), shows: (w) => w.assigned.storeName }] },
  "/accounts": {
    paths: [
      { path: "/accounts", expect: member(), shows: (w) => w.assigned.storeName },
      // Asking for the unassigned client by id or by name must not widen the scope. Those not given it get the filter
      // dropped and named (decision 093): their own accounts, not an empty table.
      { path: "/accounts?client={unassignedClient}", expect: member(), shows: (w, who) => ifAdmin(who, w.unassigned.storeName) ?? w.assigned.storeName },
      { path: "/accounts?q={unassignedMarker}", expect: member(), shows: (w, who) => ifAdmin(who, w.unassigned.storeName) },
      // Another organisation's client: dropped and named as one nobody has (decision 093).
      { path: "/accounts?client={otherClient}", expect: member(), shows: (w) => w.assigned.storeName },
      // A filter that names nothing is dropped: the table still opens.
      { path: `/accounts?client=${BAD}&q=${BAD}`, expect: member(), shows: (w) => w.assigned.storeName },
    ],
  },
  "/accounts/[id]": {
    paths: [
      { path: "/accounts/{account}", expect: member(), shows: (w) => w.assigned.storeName },
      { path: "/accounts/{otherAccount}", expect: nobodyElse },
      { path: "/accounts/{unassignedAccount}", expect: member("404"), shows: (w) => w.unassigned.storeName },
      { path: `/accounts/${BAD}`, expect: nobodyElse },
    ],
  },
  // The account page's editors, read when opened (decision 063): for those who may write (not a Viewer, not the client
  // owner in their portal), on the accounts they see.
  "/accounts/[id]/editing": {
    paths: [
      { path: "/accounts/{account}/editing", expect: { ...member(), anon: "401", VIEWER: "404", CLIENT_OWNER: "404" }, shows: (w) => w.assigned.storeName },
      { path: "/accounts/{otherAccount}/editing", expect: everyone("401", "404") },
      { path: "/accounts/{unassignedAccount}/editing", expect: { ...member("404"), anon: "401" }, shows: (w) => w.unassigned.storeName },
      // A malformed id is not an account: 404 with a message, never a 500.
      { path: `/accounts/${BAD}/editing`, expect: everyone("401", "404") },
    ],
  },
  // Any member who can see the account walks the checklist (decision 019); a login must be the account's own.
  "/accounts/[id]/triage": {
    paths: [
      { path: "/accounts/{account}/triage", expect: member(), shows: (w) => w.assigned.storeName },
      { path: "/accounts/{account}/triage?login={login}", expect: member(), shows: (w) => w.assigned.storeName },
      { path: "/accounts/{otherAccount}/triage", expect: nobodyElse },
      { path: "/accounts/{account}/triage?login={otherLogin}", expect: nobodyElse },
      { path: "/accounts/{account}/triage?login={unassignedLogin}", expect: nobodyElse },
      { path: "/accounts/{unassignedAccount}/triage", expect: member("404"), shows: (w) => w.unassigned.storeName },
      { path: `/accounts/${BAD}/triage`, expect: nobodyElse },
      { path: `/accounts/{account}/triage?login=${BAD}`, expect: nobodyElse },
    ],
  },
  // Access reviews (decision 018): everyone has the list (their own campaigns); a campaign's page is for its
  // manager and its reviewers (a reviewer sees only their items); its evidence pack for its manager only.
  "/reviews": { paths: [{ path: "/reviews", expect: member(), shows: (w, who) => (who === "VIEWER" ? null : `Review ${w.marker}`) }] },
  "/reviews/[id]": {
    paths: [
      { path: "/reviews/{campaign}", expect: { ...member(), VIEWER: "404" }, shows: (w) => w.assigned.storeName },
      { path: "/reviews/{otherCampaign}", expect: nobodyElse },
      // A parameter the page does not read is named on it, never a way past the 404 (decision 075).
      { path: "/reviews/{otherCampaign}?utm_source=mail", expect: nobodyElse },
      { path: `/reviews/${BAD}`, expect: nobodyElse },
    ],
  },
  "/api/reviews/[id]/evidence": {
    paths: [
      { path: "/api/reviews/{campaign}/evidence?format=csv", expect: { ...everyone("401", "404"), OWNER: "ok", ADMIN: "ok" }, shows: (w) => w.unassigned.storeName },
      { path: "/api/reviews/{campaign}/evidence?format=xlsx&client={unassignedClient}", expect: { ...everyone("401", "404"), OWNER: "ok", ADMIN: "ok" } },
      { path: "/api/reviews/{campaign}/evidence?format=pdf", expect: { ...everyone("401", "404"), OWNER: "ok", ADMIN: "ok" } },
      { path: "/api/reviews/{otherCampaign}/evidence?format=csv", expect: everyone("401", "404") },
      // A campaign or client id that cannot exist is not found (a NUL in either answered 500).
      { path: `/api/reviews/${BAD}/evidence?format=csv`, expect: everyone("401", "404") },
      { path: `/api/reviews/{campaign}/evidence?format=csv&client=${BAD}`, expect: everyone("401", "404") },
    ],
  },
  "/tasks": {
    paths: [
      { path: "/tasks", expect: member(), shows: (w) => w.assigned.storeName },
      // Dropped and named for a member it does not reach, who then sees their own tasks (decision 099).
      { path: "/tasks?client={unassignedClient}&status=ALL", expect: member(), shows: (w, who) => ifAdmin(who, w.unassigned.storeName) ?? w.assigned.storeName },
      // A client id that names nothing is no filter (a NUL answered 500).
      { path: `/tasks?client=${BAD}&status=ALL`, expect: member(), shows: (w) => w.assigned.storeName },
    ],
  },
  "/people": {
    paths: [
      { path: "/people", expect: member(), shows: (w) => `Lead ${w.marker}` },
      { path: "/people?q={unassignedMarker}", expect: member(), shows: (w, who) => ifAdmin(who, `Lead ${w.marker} ${w.unassignedMarker}`) },
      { path: `/people?q=${BAD}`, expect: member(), shows: (w) => `Lead ${w.marker}` },
    ],
  },
  "/people/[id]": {
    paths: [
      { path: "/people/{person}", expect: member(), shows: (w) => `Lead ${w.marker}` },
      { path: "/people/{otherPerson}", expect: nobodyElse },
      { path: "/people/{unassignedPerson}", expect: member("404"), shows: (w) => `Lead ${w.marker} ${w.unassignedMarker}` },
      // The Owner person holds logins under both clients: their page must hold back the unassigned one's.
      { path: "/people/{sharedPerson}", expect: member(), shows: (w) => `Owner ${w.marker}` },
      { path: `/people/${BAD}`, expect: nobodyElse },
    ],
  },
  "/rules": { paths: [{ path: "/rules", expect: member() }] },
  "/settings": { paths: [{ path: "/settings", expect: member("ok", "404") }] },
  "/security": { paths: [{ path: "/security", expect: member() }] },
  "/members": { paths: [{ path: "/members", expect: member("404"), shows: (w) => w.unassigned.clientName }, { path: `/members?edit=${BAD}`, expect: member("404"), shows: (w) => w.unassigned.clientName }] },
  "/settings/jobs": { paths: [{ path: "/settings/jobs", expect: member("404"), shows: (w) => `Failure of ${w.orgId}` }] },
  "/import": { paths: [{ path: "/import", expect: member("404"), shows: (w) => w.unassigned.clientName }] },
  "/members/outbox": { paths: [{ path: "/members/outbox", expect: member("404") }] },
  "/signin": { paths: [{ path: "/signin", expect: everyone("ok", "overview") }] },
  "/invite/[token]": { paths: [{ path: "/invite/not-a-real-token-0123456789", expect: everyone("ok") }, { path: `/invite/${BAD}-0123456789`, expect: everyone("ok") }] },
  "/accounts/new": { paths: [{ path: "/accounts/new", expect: { ...member("ok", "404"), VIEWER: "404" } }] },
  "/clients": { paths: [{ path: "/clients", expect: member("404") }, { path: "/clients?utm_source=mail", expect: member("404") }] },
  // A client's page and its reports: Owners and Admins, as /clients (decision 017).
  "/clients/[id]": {
    paths: [
      { path: "/clients/{client}", expect: member("404"), shows: (w) => w.assigned.clientName },
      { path: "/clients/{otherClient}", expect: nobodyElse },
      { path: "/clients/{otherClient}?utm_source=mail", expect: nobodyElse },
      { path: "/clients/{client}?sev=critical", expect: member("404"), shows: (w) => w.assigned.clientName },
      { path: "/clients/{unassignedClient}", expect: member("404"), shows: (w) => w.unassigned.clientName },
      { path: `/clients/${BAD}`, expect: nobodyElse },
    ],
  },
  "/api/reports/[id]": { paths: [{ path: "/api/reports/not-a-report", expect: everyone("401", "404") }, { path: `/api/reports/${BAD}`, expect: everyone("401", "404") }] },
  // Only an Owner of the organisation holding the demo agency (these tenants are not it).
  "/organisations/new": { paths: [{ path: "/organisations/new", expect: everyone("signin", "404") }] },
  // Organisations exist here: the first-run setup page is gone for everybody, with or without a token.
  "/setup": { paths: [{ path: "/setup?token=not-a-real-token-0123456789", expect: everyone("404") }, { path: `/setup?token=${BAD}-0123456789`, expect: everyone("404") }, { path: "/setup", expect: everyone("404") }] },
  "/api/health": { paths: [{ path: "/api/health", expect: everyone("ok") }] },
  "/api/auth/[...nextauth]": { paths: [{ path: "/api/auth/session", expect: everyone("ok") }] },
  "/api/accounts/export": {
    paths: [
      { path: "/api/accounts/export", expect: everyone("401", "ok"), shows: (w) => w.assigned.storeName },
      // A client the caller is not given is no client of theirs: 404 naming the filter, not a file with a header alone (decision 093).
      { path: "/api/accounts/export?client={unassignedClient}", expect: { ...everyone("401", "404"), OWNER: "ok", ADMIN: "ok" }, shows: (w, who) => ifAdmin(who, w.unassigned.storeName) },
      { path: "/api/accounts/export?client={otherClient}", expect: everyone("401", "404") },
      // A filter the table would drop refuses the file (it would otherwise hold every account the caller sees).
      { path: `/api/accounts/export?client=${BAD}&q=${BAD}`, expect: everyone("401", "400") },
      // So does a parameter it does not read (a misspelt filter would otherwise export every account).
      { path: "/api/accounts/export?sevrity=critical", expect: everyone("401", "400") },
    ],
  },
  // /api/v1 takes API tokens only: a session cookie is no token (the token matrix: lib/api/api-matrix.int.test.ts).
  "/api/docs": { paths: [{ path: "/api/docs", expect: everyone("ok") }] },
  "/api/v1/openapi.json": { paths: [{ path: "/api/v1/openapi.json", expect: everyone("ok") }] },
  "/api/v1/accounts": { paths: [{ path: "/api/v1/accounts", expect: everyone("401") }] },
  // With a token, a malformed id or filter on /api/v1 is checked by "/api/v1 refuses …" below.
  "/api/v1/accounts/[id]": { paths: [{ path: "/api/v1/accounts/kumo", expect: everyone("401") }, { path: `/api/v1/accounts/${BAD}`, expect: everyone("401") }] },
  "/api/v1/findings": { paths: [{ path: "/api/v1/findings", expect: everyone("401") }] },
  "/api/v1/snapshot": { paths: [{ path: "/api/v1/snapshot", expect: everyone("401") }] },
  "/api/v1/snapshots": { paths: [{ path: "/api/v1/snapshots", expect: everyone("405") }] },
  "/api/v1/audit": { paths: [{ path: "/api/v1/audit", expect: everyone("405") }] },
  "/api/import/large": { paths: [{ path: "/api/import/large", expect: everyone("405") }] },
  "/api/import/template": {
    paths: [
      { path: "/api/import/template?lang=en", expect: everyone("401", "ok") },
      { path: "/api/import/template?lang=ja&format=xlsx", expect: everyone("401", "ok") },
      { path: "/api/import/template?lang=en&kind=partners", expect: everyone("401", "ok") },
    ],
  },
  "/api/snapshot": {
    paths: [
      { path: "/api/snapshot", expect: everyone("401", "ok"), shows: (w) => w.assigned.storeName },
      { path: "/api/snapshot?view=1&format=csv&lang=en", expect: everyone("401", "ok"), shows: (w) => w.assigned.storeName },
      { path: "/api/snapshot?view=1&format=xlsx&lang=en", expect: everyone("401", "ok") },
      // A client name holding a control character is invalid input (a NUL answered 500).
      { path: `/api/snapshot?client=${BAD}`, expect: everyone("401", "422") },
      { path: `/api/snapshot?view=1&client=${BAD}`, expect: everyone("401", "422") },
      // A parameter it does not read, in a view's download or the organisation's (`clinet=` is not one client).
      { path: "/api/snapshot?view=1&sev=critical", expect: everyone("401", "422") },
      { path: "/api/snapshot?clinet={unassignedClient}", expect: everyone("401", "422") },
      // The view's client filter is an id: the unassigned client's is no wider than the caller's scope, and is 404 for
      // those not given it, as in the accounts export (decision 093).
      { path: "/api/snapshot?view=1&client={unassignedClient}", expect: { ...everyone("401", "404"), OWNER: "ok", ADMIN: "ok" }, shows: (w, who) => ifAdmin(who, w.unassigned.storeName) },
    ],
  },
  "/api/clients": {
    paths: [
      { path: "/api/clients?q=Client", expect: everyone("401", "ok"), shows: (w) => w.assigned.clientName },
      { path: "/api/clients?q={unassignedMarker}", expect: everyone("401", "ok"), shows: (w, who) => ifAdmin(who, w.unassigned.clientName) },
      // The account form's client choices, fetched when its select is opened: the same scope as the search.
      { path: "/api/clients?all=1", expect: everyone("401", "ok"), shows: (w, who) => ifAdmin(who, w.unassigned.clientName) },
    ],
  },
  // The edit forms' person picker: only the people the caller's /people page lists.
  "/api/people": {
    paths: [
      { path: "/api/people?q=Lead", expect: everyone("401", "ok"), shows: (w) => `Lead ${w.marker}` },
      { path: "/api/people?q={unassignedMarker}", expect: everyone("401", "ok"), shows: (w, who) => ifAdmin(who, `Lead ${w.marker} ${w.unassignedMarker}`) },
      // A search holding a control character is refused as one too long is (a NUL answered 500).
      { path: `/api/people?q=${BAD}`, expect: everyone("401", "400") },
    ],
  },
};

/** Routes as Next sees them: route groups "(x)" vanish from the URL. */
function discoverRoutes(dir = "app"): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...discoverRoutes(full));
    else if (/^(page|route)\.(tsx?|jsx?)$/.test(name)) {
      const route = "/" + relative("app", dir).split("/").filter((s) => s && !/^\(.*\)$/.test(s)).join("/");
      out.push(route === "/" ? "/" : route.replace(/\/$/, ""));
    }
  }
  return out;
}

test("every page and route handler has an entry in the authorisation matrix", () => {
  const routes = [...new Set(discoverRoutes())].sort();
  expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
  expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
});

// Not serial: every role reports its own failures (a failed test restarts the worker, which builds new organisations).
let a: World;
let b: World;
const clients = new Map<string, APIRequestContext>();

const idsFor = (w: World, other: World): Record<string, string> => ({
  account: w.assigned.account, person: w.assigned.person, otherAccount: other.assigned.account, otherPerson: other.assigned.person,
  unassignedAccount: w.unassigned.account, unassignedPerson: w.unassigned.person, sharedPerson: w.sharedPerson,
  unassignedClient: w.unassigned.client, unassignedMarker: w.unassignedMarker, client: w.assigned.client, otherClient: other.assigned.client,
  login: w.assigned.login, otherLogin: other.assigned.login, unassignedLogin: w.unassigned.login,
  campaign: w.campaign, otherCampaign: other.campaign,
});

function outcomeOf(response: APIResponse): Outcome | string {
  const location = response.headers()["location"] ?? "";
  const redirect = [302, 303, 307, 308].includes(response.status());
  return response.status() === 200 ? "ok"
    : redirect && location.includes("/signin") ? "signin"
    : redirect && new URL(location, "http://localhost").pathname === "/" ? "overview"
    : response.status() === 400 ? "400"
    : response.status() === 404 ? "404"
    : response.status() === 401 ? "401"
    : response.status() === 405 ? "405"
    : response.status() === 422 ? "422"
    : `${response.status()} ${location}`;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  [a, b] = [await buildWorld("A"), await buildWorld("B")];
  const origin = new URL(baseURL!).origin;
  const newContext = () => playwright.request.newContext({ baseURL });
  clients.set("anon", await newContext());
  for (const who of WHO.filter((w): w is Exclude<Who, "anon"> => w !== "anon")) clients.set(who, await signedInRequest(newContext, origin, a.users[who].email, a.password));
  // B's Owner, sending an organisation cookie that names A (as if copied from a member of A).
  const forged = await signedInRequest(newContext, origin, b.users.OWNER.email, b.password);
  await forged.storageState().then(async (state) => {
    clients.set("FORGED", await playwright.request.newContext({ baseURL, storageState: { ...state, cookies: [...state.cookies, { name: "gh_org", value: a.orgId, domain: new URL(origin).hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }] } }));
  });
  await forged.dispose();
});

test.afterAll(async () => {
  for (const client of clients.values()) await client.dispose();
});

for (const who of WHO) {
  test(`authorisation matrix: ${who}`, async () => {
    const request = clients.get(who)!;
    const ids = idsFor(a, b);
    const restricted = who === "MANAGER" || who === "VIEWER" || who === "CLIENT_OWNER";
    const failures: string[] = [];
    for (const [route, entry] of Object.entries(MATRIX)) {
      for (const { path: template, expect: expected, shows } of entry.paths) {
        const path = template.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]);
        const response = await request.get(path, { maxRedirects: 0 });
        const got = outcomeOf(response);
        const body = await response.text();
        if (got !== expected[who]) failures.push(`${route} ${template}: expected ${expected[who]}, got ${got}`);
        // Nothing of another organisation, on any answer (pages, routes, the CSV export, error pages).
        if (body.includes(b.marker)) failures.push(`${route} ${template}: shows organisation B's ${b.marker}`);
        // Its names hold both markers ("tX uY"; "tX.uY" in e-mails), so a search box echoing "uY" is no leak.
        for (const leak of [`${a.marker} ${a.unassignedMarker}`, `${a.marker}.${a.unassignedMarker}`]) if (restricted && body.includes(leak)) failures.push(`${route} ${template}: shows the unassigned client's ${leak}`);
        if (got === "404" || got === "401" || got === "400" || got === "422") for (const name of [a.assigned.storeName, a.unassigned.storeName]) if (body.includes(name)) failures.push(`${route} ${template}: a refusal shows ${name}`);
        const shown = got === "ok" && expected[who] === "ok" ? shows?.(a, who) : null;
        if (shown && !body.includes(shown)) failures.push(`${route} ${template}: does not show ${shown} (an empty answer would hide a leak)`);
      }
    }
    expect(failures).toEqual([]);
  });
}

test("a forged organisation cookie naming another tenant shows nothing of it", async () => {
  const request = clients.get("FORGED")!;
  const ids = idsFor(a, b);
  const failures: string[] = [];
  for (const [route, entry] of Object.entries(MATRIX)) {
    for (const { path: template } of entry.paths) {
      const path = template.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]);
      const response = await request.get(path, { maxRedirects: 0 });
      const body = await response.text();
      if (body.includes(a.marker)) failures.push(`${route} ${template}: shows organisation A's ${a.marker} (${response.status()})`);
      // A's objects stay unknown; B's own lists are what the cookie's owner sees.
      if (/\{(account|person|unassigned\w+|sharedPerson|campaign)\}/.test(template.split("?")[0]) && response.status() !== 404) failures.push(`${route} ${template}: expected 404, got ${response.status()}`);
    }
  }
  for (const path of ["/accounts", "/api/accounts/export"]) expect(await (await request.get(path)).text(), path).toContain(b.assigned.storeName);
  expect(failures).toEqual([]);
});

// The same malformed ids where only a token gets in: a path id that cannot exist is 404 not_found, a query value
// holding a control character a 422 invalid_request naming it; both in the API's error format. A NUL answered 500.
test("/api/v1 with a token: an id or filter holding a control character is refused in the API's error format, nothing written", async ({ playwright, baseURL }) => {
  const db = e2eDb();
  try {
    const created = await unsafeCreateApiTokenForOrganisation(db, { orgName: a.orgName, name: `Probe ${a.marker}`, scope: "write" });
    if (!created.ok) throw new Error(created.problem);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${created.token}`, "Accept-Language": "en" } });
    const clientsBefore = await db.client.count({ where: { orgId: a.orgId } });
    const failures: string[] = [];
    // Each control character alone: PostgreSQL takes the others, but they name nothing either.
    for (const c of ["%00", "%01", "%1F", "%7F", "%C2%85", "%E2%80%AE"]) {
      const notFound = await api.get(`/api/v1/accounts/${c}%3Cnot%20an%20id%3E`);
      const body = await notFound.text();
      if (notFound.status() !== 404 || body !== JSON.stringify({ error: { code: "not_found", message: messages.en["api.error.not_found"] } })) failures.push(`/api/v1/accounts/${c}…: ${notFound.status()} ${body}`);
      for (const [method, path, name] of [["GET", "/api/v1/findings?account=", "account"], ["GET", "/api/v1/accounts?client=", "client"], ["GET", "/api/v1/snapshot?client=", "client"], ["POST", "/api/v1/snapshots?client=", "client"]] as const) {
        const url = `${path}${c}%3Cnot%20an%20id%3E`;
        const answer = method === "GET" ? await api.get(url) : await api.post(url, { data: { format: "gatehouse.snapshot/v1", people: [], devices: [], accounts: [] } });
        const json = (await answer.json().catch(() => null)) as unknown;
        const expected = { error: { code: "invalid_request", message: messages.en["api.error.invalid_request"], problems: [{ path: `query.${name}`, message: messages.en["validation.controlChars"] }] } };
        if (answer.status() !== 422 || JSON.stringify(json) !== JSON.stringify(expected)) failures.push(`${method} ${url}: ${answer.status()} ${JSON.stringify(json)}`);
      }
    }
    // The same request with a clean value is read: the 422 is the control character's. An id of no account is then
    // 404 not_found, as the account's own path answers it, not an empty list (decision 093).
    const clean = await api.get(`/api/v1/findings?account=${encodeURIComponent("no such account")}`);
    expect([clean.status(), await clean.text()]).toEqual([404, JSON.stringify({ error: { code: "not_found", message: messages.en["api.error.not_found"] } })]);
    expect(failures).toEqual([]);
    expect(await db.client.count({ where: { orgId: a.orgId } })).toBe(clientsBefore);
    await api.dispose();
  } finally {
    await db.$disconnect();
  }
});

test("/api/v1 with a token: a parameter an endpoint does not read is refused naming it, nothing read or written", async ({ playwright, baseURL }) => {
  const db = e2eDb();
  try {
    const created = await unsafeCreateApiTokenForOrganisation(db, { orgName: a.orgName, name: `Params ${a.marker}`, scope: "write" });
    if (!created.ok) throw new Error(created.problem);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${created.token}`, "Accept-Language": "en" } });
    const clientsBefore = await db.client.count({ where: { orgId: a.orgId } });
    const failures: string[] = [];
    const empty = { format: "gatehouse.snapshot/v1", people: [], devices: [], accounts: [] };
    for (const [method, path, name] of [
      ["GET", "/api/v1/accounts?limit=5&utm_source=cron", "utm_source"],
      ["GET", "/api/v1/findings?severty=critical", "severty"],
      ["GET", "/api/v1/snapshot?clinet=Nobody", "clinet"],
      ["POST", `/api/v1/snapshots?client=${encodeURIComponent(`New ${a.marker}`)}&dry_run=1`, "dry_run"],
    ] as const) {
      const answer = method === "GET" ? await api.get(path) : await api.post(path, { data: empty });
      const json = (await answer.json().catch(() => null)) as { error?: { code?: string; problems?: { path: string }[] }; data?: unknown } | null;
      if (answer.status() !== 422 || json?.error?.code !== "invalid_request" || json.error.problems?.[0]?.path !== `query.${name}` || json.data !== undefined) failures.push(`${method} ${path}: ${answer.status()} ${JSON.stringify(json)}`);
    }
    expect(failures).toEqual([]);
    // The POST named a new client: refused, it was not created. The documented parameters still work.
    expect(await db.client.count({ where: { orgId: a.orgId } })).toBe(clientsBefore);
    expect((await api.get("/api/v1/accounts?limit=5")).status()).toBe(200);
    expect((await api.get("/api/v1/findings?status=open&severity=high")).status()).toBe(200);
    await api.dispose();
  } finally {
    await db.$disconnect();
  }
});

// The import's Seller Central paste names its account in a form field the import reads itself (not defineAction,
// whose control-character check every other form has): a NUL there reached PostgreSQL and answered 500.
test("the import's pasted account id holding a NUL is an unknown account, and nothing changes", async ({ baseURL }) => {
  const request = clients.get("OWNER")!;
  const origin = new URL(baseURL!).origin;
  const id = await actionIdFromPage(request, "/import", "importSnapshotAction");
  const db = e2eDb();
  try {
    const before = await tenantFingerprint(db, [a.orgId]);
    const paste = "Name\tEmail address\tStatus\nSato Hana\towner@sakura.example\tActive\n";
    for (const scAccountId of [`\u0000${a.assigned.account}`, `${a.assigned.account.slice(0, 8)}\u0000`, "\u001f"]) {
      const answer = await postAction(request, origin, "/import", id, { intent: "apply", scPaste: paste, scAccountId }, { seq: 0, stage: "input" });
      expect(actionOutcome(answer), JSON.stringify(scAccountId)).toBe("INVALID_INPUT");
      expect(JSON.stringify(answer.value)).toContain(messages.ja["bulk.paste.unknownAccount"]);
    }
    expect(await tenantFingerprint(db, [a.orgId])).toEqual(before);
  } finally {
    await db.$disconnect();
  }
});
