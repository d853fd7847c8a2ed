import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "@playwright/test";
import { createTenant, type Tenant } from "./fixtures";
import { signIn } from "./support";

// Every page and route handler × every role (and signed out) × own / other tenant, from one table.
// A new route without an entry fails the first test.
// CLIENT_OWNER is a user of the client company's own organisation (the client-owner portal).
type Who = "anon" | "OWNER" | "ADMIN" | "MANAGER" | "VIEWER" | "CLIENT_OWNER";
type Outcome = "ok" | "signin" | "404" | "401" | "405" | "422" | "accounts";
const WHO: Who[] = ["anon", "OWNER", "ADMIN", "MANAGER", "VIEWER", "CLIENT_OWNER"];
const member = (others: Outcome = "ok", portal: Outcome = others): Record<Who, Outcome> => ({ anon: "signin", OWNER: "ok", ADMIN: "ok", MANAGER: others, VIEWER: others, CLIENT_OWNER: portal });
const everyone = (outcome: Outcome, signedIn: Outcome = outcome): Record<Who, Outcome> => ({ anon: outcome, OWNER: signedIn, ADMIN: signedIn, MANAGER: signedIn, VIEWER: signedIn, CLIENT_OWNER: signedIn });
const nobodyElse: Record<Who, Outcome> = everyone("signin", "404");

interface Entry {
  /** Path to request; {account} / {person} are the tenant's own ids, {otherAccount} / {otherPerson} another tenant's,
   *  {siblingAccount} the tenant's account under another client (the portal's agency's other client). */
  paths: { path: string; expect: Record<Who, Outcome>; post?: string }[];
}

const MATRIX: Record<string, Entry> = {
  "/": { paths: [{ path: "/", expect: member() }] },
  "/accounts": { paths: [{ path: "/accounts", expect: member() }] },
  "/accounts/[id]": {
    paths: [
      { path: "/accounts/{account}", expect: member() },
      { path: "/accounts/{otherAccount}", expect: nobodyElse },
      { path: "/accounts/{siblingAccount}", expect: member("ok", "404") },
    ],
  },
  "/people": { paths: [{ path: "/people", expect: member() }] },
  "/people/[id]": {
    paths: [
      { path: "/people/{person}", expect: member() },
      { path: "/people/{otherPerson}", expect: nobodyElse },
    ],
  },
  "/settings": { paths: [{ path: "/settings", expect: member("ok", "404") }] },
  "/security": { paths: [{ path: "/security", expect: member() }] },
  "/members": { paths: [{ path: "/members", expect: member("404") }] },
  "/import": { paths: [{ path: "/import", expect: member("404") }] },
  "/members/outbox": { paths: [{ path: "/members/outbox", expect: member("404") }] },
  "/signin": { paths: [{ path: "/signin", expect: everyone("ok", "accounts") }] },
  "/invite/[token]": { paths: [{ path: "/invite/not-a-real-token-0123456789", expect: everyone("ok") }] },
  "/api/health": { paths: [{ path: "/api/health", expect: everyone("ok") }] },
  "/api/auth/[...nextauth]": { paths: [{ path: "/api/auth/session", expect: everyone("ok") }] },
  "/api/accounts/export": { paths: [{ path: "/api/accounts/export", expect: everyone("401", "ok") }] },
  "/api/clients": { paths: [{ path: "/api/clients?q=E2E", expect: everyone("401", "ok") }] },
  // /api/v1 takes API tokens only: a session cookie is no token (the token matrix: lib/api/api-matrix.int.test.ts).
  "/api/docs": { paths: [{ path: "/api/docs", expect: everyone("ok") }] },
  "/api/v1/openapi.json": { paths: [{ path: "/api/v1/openapi.json", expect: everyone("ok") }] },
  "/api/v1/accounts": { paths: [{ path: "/api/v1/accounts", expect: everyone("401") }] },
  "/api/v1/accounts/[id]": { paths: [{ path: "/api/v1/accounts/kumo", expect: everyone("401") }] },
  "/api/v1/findings": { paths: [{ path: "/api/v1/findings", expect: everyone("401") }] },
  "/api/v1/snapshot": { paths: [{ path: "/api/v1/snapshot", expect: everyone("401") }] },
  "/api/v1/snapshots": { paths: [{ path: "/api/v1/snapshots", expect: everyone("405") }] },
  "/api/v1/audit": { paths: [{ path: "/api/v1/audit", expect: everyone("405") }] },
  "/api/import/template": {
    paths: [
      { path: "/api/import/template?lang=en", expect: everyone("401", "ok") },
      { path: "/api/import/template?lang=ja&format=xlsx", expect: everyone("401", "ok") },
    ],
  },
  "/api/snapshot": {
    paths: [
      { path: "/api/snapshot", expect: everyone("401", "ok") },
      { path: "/api/snapshot?view=1&q=Kumo", expect: everyone("401", "ok") },
      { path: "/api/snapshot?view=1&format=xlsx&lang=en", expect: everyone("401", "ok") },
      // The caller's own client; one they may not see (the portal's agency's other client) or that does not exist is 404.
      { path: "/api/snapshot?client=E2E%20Client", expect: everyone("401", "ok") },
      { path: "/api/snapshot?client=E2E%20Other%20Client", expect: everyone("401", "404") },
    ],
  },
};

/** Routes as Next sees them: route groups "(x)" vanish from the URL. */
function discoverRoutes(dir = "app"): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...discoverRoutes(full));
    else if (name === "page.tsx" || name === "route.ts") {
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

test.describe.configure({ mode: "serial" });

let other: Tenant;
test.beforeAll(async () => {
  other = await createTenant("OWNER");
});

for (const who of WHO) {
  test(`authorisation matrix: ${who}`, async ({ page }) => {
    test.setTimeout(120_000);
    const tenant = await createTenant(who === "anon" ? "OWNER" : who);
    if (who !== "anon") await signIn(page, tenant.email, tenant.password);
    const ids: Record<string, string> = {
      account: tenant.accountId("kumo"), person: tenant.personId("p-owner"),
      otherAccount: other.accountId("kumo"), otherPerson: other.personId("p-owner"), siblingAccount: tenant.accountId("clean"),
    };
    const failures: string[] = [];
    for (const [route, entry] of Object.entries(MATRIX)) {
      for (const { path: template, expect: expected, post } of entry.paths) {
        const path = template.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]);
        const response =
          post === undefined
            ? await page.request.get(path, { maxRedirects: 0 })
            : await page.request.post(path, { maxRedirects: 0, data: post, headers: { "content-type": "application/json" } });
        const location = response.headers()["location"] ?? "";
        const got: Outcome | string =
          response.status() === 200 ? "ok"
          : [302, 303, 307, 308].includes(response.status()) && location.includes("/signin") ? "signin"
          : [302, 303, 307, 308].includes(response.status()) && /\/accounts$/.test(location) ? "accounts"
          : response.status() === 404 ? "404"
          : response.status() === 401 ? "401"
          : response.status() === 405 ? "405"
          : response.status() === 422 ? "422"
          : `${response.status()} ${location}`;
        if (got !== expected[who]) failures.push(`${route} ${template}: expected ${expected[who]}, got ${got}`);
        if (got === "404" || got === "401") expect(await response.text()).not.toContain("Kumo Books"); // nothing of the object leaks
      }
    }
    expect(failures).toEqual([]);
  });
}
