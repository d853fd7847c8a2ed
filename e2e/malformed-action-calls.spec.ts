import { expect, test, type APIRequestContext } from "@playwright/test";
import { tenantFingerprint } from "@/tests/support/tenant-fingerprint";
import { buildWorld, e2eDb, type World } from "./authz-world";
import { actionIdFromPage, FORM, postArguments, signedInRequest, type ActionAnswer, type Fields } from "./server-action-http";

// A server action's argument list is the caller's to write: anyone holding a page can post an action
// with no form, a string, a number or an object where the form goes, or the form where the previous
// state goes. Each such call must get the action's ordinary refusal (a useActionState form's
// INVALID_INPUT, a plain form's usual no-op answer) and change nothing; these answered 500 (a TypeError:
// `formData.entries is not a function`).

const state = { ok: false, seq: 0 };
/** Argument lists that are not (previous state, form), named for the failure message. */
const STATEFUL_SHAPES: Record<string, unknown[]> = {
  "no arguments": [],
  "a string for the form": [state, "not a form"],
  "a number for the form": [state, 42],
  "a plain object for the form": [state, { name: "x", query: "severity=high" }],
  "null for the form": [state, null],
  "an array for the form": [state, ["name", "x"]],
  "the form first, nothing second": [FORM],
  "the form first, a string second": [FORM, "not a form"],
};
/** Argument lists that are not (form) for a plain `<form action>`. */
const PLAIN_SHAPES: Record<string, unknown[]> = {
  "a previous state before the form": [state, FORM],
  "a string for the form": ["not a form"],
  "a plain object for the form": [{ locale: "en", orgId: "x" }],
  "null for the form": [null],
  "no arguments": [],
};

let a: World;
let origin: string;
let owner: APIRequestContext;
let secondOrg: string;
const contexts: APIRequestContext[] = [];

const status = (answer: ActionAnswer) => `HTTP ${answer.status}${answer.redirect ? ` → ${answer.redirect.split(";")[0]}` : ""}`;
const cookieNames = (answer: ActionAnswer) => answer.setCookies.map((c) => c.split("=")[0]);

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  a = await buildWorld("M");
  origin = new URL(baseURL!).origin;
  // The organisation switcher is only served to members of several organisations: give the Owner a second one.
  const db = e2eDb();
  try {
    secondOrg = (await db.organization.create({ data: { name: `Second ${a.marker}` } })).id;
    await db.membership.create({ data: { orgId: secondOrg, userId: a.users.OWNER.userId, role: "OWNER" } });
  } finally {
    await db.$disconnect();
  }
  owner = await signedInRequest(async () => playwright.request.newContext({ baseURL }), origin, a.users.OWNER.email, a.password);
  contexts.push(owner);
});

test.afterAll(async () => {
  for (const context of contexts) await context.dispose();
});

test("a useActionState action posted with any other argument list answers INVALID_INPUT, and nothing changes", async () => {
  const db = e2eDb();
  try {
    const before = await tenantFingerprint(db, [a.orgId, secondOrg]);
    const failures: string[] = [];
    // A valid form each time, so that an action taking the wrong argument for its form would act (and be seen to).
    const targets: { name: string; page: string; fields: Fields; prevFor?: unknown }[] = [
      { name: "saveViewAction", page: "/accounts", fields: { name: `Malformed ${a.marker}`, query: "severity=high" } },
      { name: "setDigestOptOutAction", page: "/security", fields: { optOut: "yes" } },
      { name: "importSnapshotAction", page: "/import", fields: { intent: "apply", json: JSON.stringify({ format: "gatehouse.snapshot/v1", people: [], accounts: [] }) } },
    ];
    for (const target of targets) {
      const id = await actionIdFromPage(owner, target.page, target.name);
      for (const [shape, args] of Object.entries(STATEFUL_SHAPES)) {
        const answer = await postArguments(owner, origin, target.page, id, args, target.fields);
        const value = answer.value as { ok?: boolean; error?: string; seq?: unknown; stage?: string } | undefined;
        const refused = answer.status === 200 && value?.error === "INVALID_INPUT" && typeof value.seq === "number" && (value.ok === false || value.stage === "input");
        if (!refused) failures.push(`${target.name} with ${shape}: ${status(answer)} ${JSON.stringify(value)}`);
      }
    }
    // A previous state that is not one (a string, an object with a string for seq) still numbers the answer.
    const id = await actionIdFromPage(owner, "/accounts", "saveViewAction");
    for (const prev of ["not a state", { seq: "x" }, null]) {
      const answer = await postArguments(owner, origin, "/accounts", id, [prev, FORM], { name: "", query: "" });
      const value = answer.value as { ok?: boolean; error?: string; seq?: unknown } | undefined;
      if (value?.ok !== false || value.error !== "INVALID_INPUT" || value.seq !== 1) failures.push(`saveViewAction after ${JSON.stringify(prev)}: ${status(answer)} ${JSON.stringify(value)}`);
    }
    expect(failures).toEqual([]);
    expect(await tenantFingerprint(db, [a.orgId, secondOrg])).toEqual(before);
  } finally {
    await db.$disconnect();
  }
});

test("the language switch posted with anything but its form sets no cookie; its form still does", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL });
  contexts.push(anon);
  const failures: string[] = [];
  for (const request of [owner, anon]) {
    const page = request === owner ? "/accounts" : "/signin";
    const id = await actionIdFromPage(request, page, "setLocaleAction");
    for (const [shape, args] of Object.entries(PLAIN_SHAPES)) {
      const answer = await postArguments(request, origin, page, id, args, { locale: "en" });
      if (answer.status !== 200 || cookieNames(answer).includes("gh_locale")) failures.push(`${page} setLocaleAction with ${shape}: ${status(answer)} cookies ${cookieNames(answer).join(",")}`);
    }
  }
  expect(failures).toEqual([]);
  // Still Japanese (the default): no call above chose English.
  expect(await (await owner.get("/accounts")).text()).toContain('lang="ja"');
  // The form itself, as the browser posts it, sets the cookie: the calls above did reach the action.
  const id = await actionIdFromPage(anon, "/signin", "setLocaleAction");
  const answer = await postArguments(anon, origin, "/signin", id, [FORM], { locale: "en" });
  expect(answer.setCookies.find((c) => c.startsWith("gh_locale="))).toMatch(/^gh_locale=en;/);
});

test("the organisation switch posted with anything but its form goes back to the overview and switches nothing", async () => {
  const db = e2eDb();
  try {
    const before = await tenantFingerprint(db, [a.orgId, secondOrg]);
    const id = await actionIdFromPage(owner, "/accounts", "switchOrgAction");
    const failures: string[] = [];
    for (const [shape, args] of Object.entries({ ...PLAIN_SHAPES, "the organisation's id alone": [secondOrg], "an object naming it": [{ orgId: secondOrg }] })) {
      const answer = await postArguments(owner, origin, "/accounts", id, args, { orgId: secondOrg });
      const home = answer.redirect !== undefined && new URL(answer.redirect.split(";")[0], origin).pathname === "/";
      if (answer.status >= 400 || !home || cookieNames(answer).includes("gh_org")) failures.push(`switchOrgAction with ${shape}: ${status(answer)} cookies ${cookieNames(answer).join(",")}`);
    }
    expect(failures).toEqual([]);
    // Still in the first organisation, its session not rotated.
    expect(await (await owner.get("/accounts")).text()).toContain(a.assigned.storeName);
    expect(await tenantFingerprint(db, [a.orgId, secondOrg])).toEqual(before);
  } finally {
    await db.$disconnect();
  }
});

test("sign-in posted with anything but (state, form) is an invalid form: nobody is signed in", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL });
  contexts.push(anon);
  const id = await actionIdFromPage(anon, "/signin", "signInAction");
  const failures: string[] = [];
  for (const [shape, args] of Object.entries(STATEFUL_SHAPES)) {
    const answer = await postArguments(anon, origin, "/signin", id, args, { email: a.users.OWNER.email, password: a.password });
    const value = answer.value as { error?: string; seq?: unknown } | undefined;
    if (answer.status !== 200 || value?.error !== "invalid" || typeof value.seq !== "number" || answer.redirect) failures.push(`signInAction with ${shape}: ${status(answer)} ${JSON.stringify(value)}`);
  }
  expect(failures).toEqual([]);
  expect((await anon.get("/accounts", { maxRedirects: 0 })).headers()["location"]).toContain("/signin");
});

// Sign-out reads no argument: whatever list it is posted with, it does what its form does (ends the
// caller's own session and goes to the sign-in page), never a 500.
test("sign-out posted with any argument list signs the caller out, never a 500", async ({ playwright, baseURL }) => {
  const failures: string[] = [];
  for (const [shape, args] of Object.entries(PLAIN_SHAPES)) {
    const request = await signedInRequest(async () => playwright.request.newContext({ baseURL }), origin, a.users.ADMIN.email, a.password);
    contexts.push(request);
    const id = await actionIdFromPage(request, "/accounts", "signOutAction");
    const answer = await postArguments(request, origin, "/accounts", id, args, {});
    if (answer.status >= 500 || !answer.redirect?.includes("/signin")) failures.push(`signOutAction with ${shape}: ${status(answer)}`);
  }
  expect(failures).toEqual([]);
});
