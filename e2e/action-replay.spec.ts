import { expect, test, type APIRequestContext } from "@playwright/test";
import { addDays } from "@/lib/dates";
import { DEFAULT_RISK_SETTINGS } from "@/lib/validation/risk-settings";
import { ACTIONS, ALLOWED_WHILE_TWO_FACTOR_PENDING } from "@/tests/support/server-actions";
import { tenantFingerprint } from "@/tests/support/tenant-fingerprint";
import { DEMO } from "./support";
import { buildWorld, e2eDb, type ClientObjects, type World } from "./authz-world";
import { actionIdsOnPage, actionNamesOfBuild, actionsOfBuild, outcomeOf, postAction, signedInRequest, type Fields } from "./server-action-http";

// Every server action replayed over real HTTP, the way anyone holding a page could: its id read from
// the pages an Owner is served, its POST formed by hand (server-action-http.ts), and sent signed out,
// with another role's session, with another organisation's session (naming this one's objects), with
// that session plus a forged organisation cookie (gh_org naming this organisation), and by Managers,
// Viewers and the client owner against the client they are not given. Every attempt must get the
// documented refusal, and the database must be exactly as before (tests/support/tenant-fingerprint.ts).
// The same matrix without HTTP, over every role's allowed work too: lib/actions/action-matrix.int.test.ts.

/**
 * writer: edits an account's data (Owner, Admin, Manager); reviewer: any member may (access reviews);
 * admin: Owners and Admins only; self: acts on the caller's own user (a view, a session, sign-in);
 * campaign: starts an access review (agency Owners/Admins, and a client's own Owner/Admin for that client; decision 018).
 */
type Kind = "writer" | "reviewer" | "admin" | "self" | "campaign";

interface Replay {
  /** A page that hands the action to the browser (and where it is posted). */
  page: (w: World) => string;
  kind: Kind;
  /** The form, naming objects of client `o` of organisation `w`; null when it names none (acts on the caller's own things). */
  input: ((o: ClientObjects, w: World) => Fields) | null;
  /** A valid form for an action that names no object, so a refusal cannot be mistaken for a validation error. */
  form?: Fields;
  /** The first argument of a useActionState action. */
  prev?: unknown;
  /** What another organisation's member gets for this organisation's objects; NOT_FOUND unless said. */
  other?: string;
  /** What a Manager gets for the objects of a client they are not given; NOT_FOUND unless said. */
  unassigned?: string;
  /** What the Owner of this organisation gets; not sent unless said (an Owner may do the rest). */
  owner?: string;
  /** Whose pages hand the action out when an Owner of this organisation's are not: the demo organisation's Owner (e2e/support.ts). */
  servedTo?: "demo";
}

const today = () => new Date().toISOString().slice(0, 10);
const state = { ok: false, seq: 0 };
const version = new Map<string, string>();
const withVersion = (o: ClientObjects, fields: Fields): Fields => ({ accountId: o.account, version: version.get(o.account)!, ...fields });
const accountPage = (w: World) => `/accounts/${w.assigned.account}`;
const personPage = (w: World) => `/people/${w.assigned.person}`;
/** The version of a client, person or device (accounts: withVersion); a world not loaded here has none, and is refused before it matters. */
const v = (id: string) => version.get(id) ?? "0";

const REPLAY: Record<string, Replay | { notReplayed: string }> = {
  acceptFindingAction: { page: accountPage, kind: "writer", input: (o) => ({ findingId: o.openFinding, reason: "Replayed by someone else", until: addDays(today(), 30) }) },
  reopenFindingAction: { page: accountPage, kind: "writer", input: (o) => ({ findingId: o.acceptedFinding }) },
  addTwoStepMethodAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { loginId: o.login, kind: "AUTHENTICATOR_APP", role: "BACKUP" }) },
  updateTwoStepMethodAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { methodId: o.method, kind: "SMS", role: "BACKUP", phoneLast4: "4321" }) },
  removeTwoStepMethodAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { methodId: o.method, confirm: "yes" }) },
  updateLoginAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { loginId: o.login, status: "DISABLED", passwordChangedAt: today() }) },
  markVerifiedAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { confirm: "yes" }) },
  createFindingTaskAction: { page: accountPage, kind: "reviewer", input: (o) => ({ findingId: o.openFinding }) },
  startCampaignAction: { page: () => "/reviews", kind: "campaign", input: (o, w) => ({ name: `Replayed ${w.marker}`, clientIds: o.client, reviewerIds: w.users.OWNER.userId, dueOn: addDays(today(), 30) }) },
  decideItemAction: { page: (w) => `/reviews/${w.campaign}`, kind: "reviewer", input: (o) => ({ itemId: o.reviewItem, decision: "REMOVE", comment: "Replayed" }) },
  decideItemsAction: { page: (w) => `/reviews/${w.campaign}`, kind: "reviewer", input: (o, w) => ({ campaignId: w.campaign, itemIds: o.reviewItem, decision: "KEEP", comment: "Replayed", confirm: "yes" }) },
  closeTaskAction: { page: () => "/tasks", kind: "writer", input: (o) => ({ taskId: o.remediationTask, note: "Replayed" }) },
  recordTriageAction: { page: (w) => `/accounts/${w.assigned.account}/triage`, kind: "reviewer", input: (o) => ({ accountId: o.account, loginId: o.login, outcome: "ESCALATED", note: "Replayed" }) },
  offboardPersonAction: { page: (w) => `/people/${w.assigned.person}`, kind: "writer", input: (o) => ({ personId: o.person, departedAt: today(), confirm: "yes" }) },
  completeOffboardingTaskAction: { page: (w) => `/people/${w.assigned.departed}`, kind: "writer", input: (o) => ({ taskId: o.task }) },
  saveViewAction: { page: () => "/accounts", kind: "self", input: null },
  deleteViewAction: { page: () => "/accounts", kind: "self", input: (_, w) => ({ id: w.savedView }) },
  inviteMemberAction: { page: () => "/members", kind: "admin", input: (o, w) => ({ email: `replay.${w.marker}@test.example`, role: "VIEWER", clientIds: o.client }), other: "INVALID_INPUT" },
  changeMemberAction: { page: (w) => `/members?edit=${w.targetMembership}`, kind: "admin", input: (o, w) => ({ membershipId: w.targetMembership, role: "VIEWER", clientIds: o.client }) },
  removeMemberAction: { page: (w) => `/members?edit=${w.targetMembership}`, kind: "admin", input: (_, w) => ({ membershipId: w.targetMembership, confirm: "yes" }) },
  revokeInvitationAction: { page: () => "/members", kind: "admin", input: (_, w) => ({ invitationId: w.invitation }) },
  inviteClientOwnerAction: { page: () => "/members", kind: "admin", input: (o, w) => ({ clientId: o.client, email: `portal.${w.marker}@client.example` }), other: "INVALID_INPUT" },
  closeClientPortalAction: { page: () => "/members", kind: "admin", input: (o) => ({ clientId: o.client, confirm: "yes" }) },
  updateRiskSettingsAction: { page: () => "/settings", kind: "admin", input: null, form: Object.fromEntries(Object.entries(DEFAULT_RISK_SETTINGS).map(([k, v]) => [k, String(v)])) },
  setRequireTwoFactorAction: { page: () => "/settings", kind: "admin", input: null, form: { required: "yes" } },
  retryJobAction: { page: () => "/settings/jobs", kind: "admin", input: (_, w) => ({ jobId: w.failedJob }) },
  importSnapshotAction: {
    page: () => "/import", kind: "admin", prev: { seq: 0, stage: "input" }, other: "INVALID_INPUT", // another organisation's client: "unknown client", nothing written
    input: (o, w) => ({ clientId: o.client, json: JSON.stringify({ format: "gatehouse.snapshot/v1", people: [{ id: "p", name: `Replayed ${w.marker}` }], accounts: [{ id: "replayed", storeName: `Replayed ${w.marker}`, region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", logins: [] }] }) }),
  },
  revokeSessionAction: { page: () => "/security", kind: "self", input: (_, w) => ({ sessionId: w.ownerSession }) },
  revokeOtherSessionsAction: { page: () => "/security", kind: "self", input: null },
  changePasswordAction: { page: () => "/security", kind: "self", input: null },
  setDigestOptOutAction: { page: () => "/security", kind: "self", input: null },
  startEnrolmentAction: { page: () => "/security", kind: "self", input: null },
  confirmEnrolmentAction: { notReplayed: "acts on the caller's own pending enrolment only; lib/actions/action-matrix.int.test.ts and e2e/two-factor.spec.ts" },
  disableTwoFactorAction: { notReplayed: "only handed to a user with two-factor on, and acts on their own sign-in; lib/actions/action-matrix.int.test.ts and e2e/two-factor.spec.ts" },
  signInAction: { notReplayed: "public; replayed by every sign-in of this spec (server-action-http.ts) and e2e/sign-in-security.spec.ts" },
  switchOrgAction: { notReplayed: "a plain form action (no state); replayed with another organisation's id by its own test below" },
  signOutAction: { notReplayed: "ends the caller's own session only; e2e/sign-in-security.spec.ts" },
  setLocaleAction: { notReplayed: "public, sets the language cookie only; e2e/foundation.spec.ts" },
  createApiTokenAction: { page: () => "/settings", kind: "admin", input: null, form: { name: "Replayed script", scope: "read" } },
  revokeApiTokenAction: { page: () => "/settings", kind: "admin", input: (_, w) => ({ tokenId: w.apiToken, confirm: "yes" }) },
  completeSetupAction: { notReplayed: "public, authorised by the single-use setup link while no organisation exists (never in this database); e2e/day-one.spec.ts and lib/db/setup/setup.int.test.ts" },
  acceptAsNewUserAction: { notReplayed: "public, authorised by the single-use invitation token; e2e/members.spec.ts" },
  reopenOffboardingTaskAction: { page: (w) => `/people/${w.assigned.departed}`, kind: "writer", input: (o) => ({ taskId: o.doneTask }) },
  cancelOffboardingAction: { page: (w) => `/people/${w.assigned.departed}`, kind: "writer", input: (o) => ({ personId: o.departed, confirm: "yes" }) },
  updatePersonAction: { page: personPage, kind: "admin", input: (o, w) => ({ personId: o.person, version: v(o.person), name: `Replayed ${w.marker}`, email: "", company: "Replayed KK", external: "yes", departedAt: "" }) },
  mergePeopleAction: { page: personPage, kind: "admin", input: (o) => ({ personId: o.person, version: v(o.person), duplicateId: o.departed, confirm: "yes" }) },
  // Another organisation's person as the holder is an unknown person (a field error), as in the integration matrix.
  // The marker's digits left out: a random run of seven would read as a phone number, refused before any authorisation.
  saveDeviceAction: { page: personPage, kind: "admin", input: (o, w) => ({ personId: o.person, kind: "PHONE", label: `Replayed ${w.marker.replace(/\d/g, "")}`, holderId: o.person, skipOtpOnBrowser: "no" }), other: "INVALID_INPUT" },
  createPersonAction: { page: () => "/people", kind: "admin", input: null, form: { name: "Replayed person", external: "no" } },
  removePersonAction: { page: personPage, kind: "admin", input: (o) => ({ personId: o.person, version: v(o.person), confirm: "yes" }) },
  removeDeviceAction: { page: personPage, kind: "admin", input: (o) => ({ personId: o.person, deviceId: o.device, version: v(o.device), confirm: "yes" }) },
  produceReportAction: { page: (w) => `/clients/${w.assigned.client}`, kind: "admin", input: (o) => ({ clientId: o.client, accountId: "", format: "CSV", locale: "en" }) },
  createClientAction: { page: () => "/clients", kind: "admin", input: null, form: { name: "Replayed client" } },
  renameClientAction: { page: () => "/clients", kind: "admin", input: (o, w) => ({ clientId: o.client, version: v(o.client), name: `Renamed ${w.marker}` }) },
  removeClientAction: { page: () => "/clients", kind: "admin", input: (o) => ({ clientId: o.client, version: v(o.client), confirm: "yes" }) },
  // A client that is not the caller's (another organisation's, or one a Manager is not given) is an unknown client (a field error).
  createAccountAction: {
    page: () => "/accounts/new", kind: "writer", other: "INVALID_INPUT", unassigned: "INVALID_INPUT",
    input: (o, w) => ({ storeName: `Replayed ${w.marker}`, sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: o.client }),
  },
  updateAccountAction: { page: accountPage, kind: "writer", input: (o, w) => withVersion(o, { storeName: `Replayed ${w.marker}`, sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: o.client }) },
  removeAccountAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { confirm: "yes" }) },
  createLoginAction: { page: accountPage, kind: "writer", input: (o, w) => withVersion(o, { role: "SECONDARY", email: `replayed.${w.marker}@store.example`, personId: o.person, status: "ACTIVE" }) },
  removeLoginAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { loginId: o.login, confirm: "yes" }) },
  setPermissionsAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { loginId: o.login, "g.USER_PERMISSIONS": "ADMIN", "g.INVENTORY.JP": "VIEW" }) },
  savePartnerAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { company: "Replayed agency", linkSentAt: today() }) },
  saveAppAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { appName: "Replayed app", expiresAt: addDays(today(), 100) }) },
  saveOtherAccessAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { personId: o.person, console: "ADS", role: "VIEWER" }) },
  removeAccountChildAction: { page: accountPage, kind: "writer", input: (o) => withVersion(o, { kind: "app", id: o.app, confirm: "yes" }) },
  // Only the demo organisation's Owner is handed it; an Owner of any other organisation is refused too.
  createOrganisationAction: { page: () => "/organisations/new", servedTo: "demo", kind: "admin", input: null, form: { orgName: "Replayed agency", locale: "ja", name: "Replayed Owner", email: "replayed.owner@agency.example", password: "replayed lantern harbour 2026", confirmPassword: "replayed lantern harbour 2026" }, owner: "FORBIDDEN" },
  acceptAsUserAction: { notReplayed: "joins with the signed-in user's own e-mail only; e2e/members.spec.ts" },
};

/** Who sends the action, with which organisation's objects, and what every kind of action must answer. */
interface Attempt {
  who: string;
  objects: (w: World) => ClientObjects;
  expect: (row: Replay) => string | "skip";
}
const ALWAYS_UNAUTHENTICATED = () => "UNAUTHENTICATED";
// Only objects of A are named; what an attempt may legitimately do (a Manager editing an assigned
// account) is the allowed side, run by the integration matrix, and skipped here so the database stays put.
const ATTEMPTS: Attempt[] = [
  { who: "A OWNER", objects: (w) => w.assigned, expect: (r) => r.owner ?? "skip" },
  { who: "anon", objects: (w) => w.assigned, expect: ALWAYS_UNAUTHENTICATED },
  { who: "B OWNER", objects: (w) => w.assigned, expect: (r) => (r.input ? (r.other ?? "NOT_FOUND") : "skip") },
  { who: "B OWNER + gh_org=A", objects: (w) => w.assigned, expect: (r) => (r.input ? (r.other ?? "NOT_FOUND") : "skip") },
  { who: "A VIEWER", objects: (w) => w.assigned, expect: (r) => ({ writer: "FORBIDDEN", admin: "FORBIDDEN", reviewer: "skip", self: r.input ? "NOT_FOUND" : "skip", campaign: "FORBIDDEN" })[r.kind] },
  { who: "A MANAGER", objects: (w) => w.assigned, expect: (r) => ({ writer: "skip", admin: "FORBIDDEN", reviewer: "skip", self: r.input ? "NOT_FOUND" : "skip", campaign: "FORBIDDEN" })[r.kind] },
  { who: "A CLIENT_OWNER", objects: (w) => w.assigned, expect: (r) => ({ writer: "FORBIDDEN", admin: "FORBIDDEN", reviewer: "skip", self: r.input ? "NOT_FOUND" : "skip", campaign: "skip" })[r.kind] },
  { who: "A MANAGER", objects: (w) => w.unassigned, expect: (r) => ({ writer: r.unassigned ?? "NOT_FOUND", admin: "FORBIDDEN", reviewer: "NOT_FOUND", self: "skip", campaign: "FORBIDDEN" })[r.kind] },
  { who: "A VIEWER", objects: (w) => w.unassigned, expect: (r) => ({ writer: "FORBIDDEN", admin: "FORBIDDEN", reviewer: "NOT_FOUND", self: "skip", campaign: "FORBIDDEN" })[r.kind] },
  { who: "A CLIENT_OWNER", objects: (w) => w.unassigned, expect: (r) => ({ writer: "FORBIDDEN", admin: "FORBIDDEN", reviewer: "NOT_FOUND", self: "skip", campaign: "NOT_FOUND" })[r.kind] },
];

test.describe.configure({ mode: "serial" });

let a: World;
let b: World;
let origin: string;
let newContext: () => Promise<APIRequestContext>;
const clients = new Map<string, APIRequestContext>();
const actionId = new Map<string, string>();

test("every registered server action is replayed, or says where it is tested instead", () => {
  const registered = Object.values(ACTIONS).flatMap((actions) => Object.keys(actions)).sort();
  expect(Object.keys(REPLAY).sort()).toEqual(registered);
});

test("every server action in the build is in the registry (an inline or re-exported action cannot slip past it)", () => {
  const registered = new Set(Object.entries(ACTIONS).flatMap(([file, actions]) => Object.keys(actions).map((name) => `${file}#${name}`)));
  expect(actionsOfBuild().filter((action) => !registered.has(action))).toEqual([]);
});

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  [a, b] = [await buildWorld("A"), await buildWorld("B")];
  origin = new URL(baseURL!).origin;
  newContext = () => playwright.request.newContext({ baseURL });
  clients.set("anon", await newContext());
  for (const role of ["OWNER", "MANAGER", "VIEWER", "CLIENT_OWNER"] as const) clients.set(`A ${role}`, await signedInRequest(newContext, origin, a.users[role].email, a.password));
  const bOwner = await signedInRequest(newContext, origin, b.users.OWNER.email, b.password);
  clients.set("B OWNER", bOwner);
  clients.set("demo", await signedInRequest(newContext, origin, DEMO.email, DEMO.password));
  const state = await bOwner.storageState();
  const forgedCookie = { name: "gh_org", value: a.orgId, domain: new URL(origin).hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const };
  clients.set("B OWNER + gh_org=A", await playwright.request.newContext({ baseURL, storageState: { ...state, cookies: [...state.cookies, forgedCookie] } }));
  const db = e2eDb();
  try {
    const where = { where: { orgId: a.orgId }, select: { id: true, version: true } };
    const rows = [...(await db.sellerAccount.findMany(where)), ...(await db.client.findMany(where)), ...(await db.person.findMany(where)), ...(await db.device.findMany(where))];
    for (const row of rows) version.set(row.id, String(row.version));
  } finally {
    await db.$disconnect();
  }
});

test.afterAll(async () => {
  for (const client of clients.values()) await client.dispose();
});

test("the pages an Owner is served hand out the id of every replayed action", async () => {
  const names = actionNamesOfBuild();
  const owner = clients.get("A OWNER")!;
  const pages = new Map(Object.values(REPLAY).flatMap((row) => ("page" in row ? [[row.page(a), row.servedTo ? clients.get(row.servedTo)! : owner] as const] : [])));
  for (const [page, client] of pages) for (const id of await actionIdsOnPage(client, page)) if (names.has(id)) actionId.set(names.get(id)!, id);
  const replayed = Object.entries(REPLAY).filter(([, row]) => "page" in row).map(([name]) => name);
  expect(replayed.filter((name) => !actionId.has(name))).toEqual([]);
});

test("replayed actions get the documented refusal and change nothing", async () => {
  test.setTimeout(180_000);
  const db = e2eDb();
  try {
    const before = await tenantFingerprint(db, [a.orgId, b.orgId]);
    const organisations = await db.organization.count();
    const failures: string[] = [];
    let sent = 0;
    for (const attempt of ATTEMPTS) {
      const request = clients.get(attempt.who)!;
      const objects = attempt.objects(a);
      const where = objects === a.unassigned ? " on the unassigned client" : "";
      for (const [name, row] of Object.entries(REPLAY)) {
        if (!("page" in row)) continue;
        const expected = attempt.expect(row);
        if (expected === "skip") continue;
        const fields = row.input ? row.input(objects, a) : (row.form ?? {});
        const answer = await postAction(request, origin, row.page(a), actionId.get(name)!, fields, row.prev ?? state);
        sent++;
        const got = outcomeOf(answer);
        if (got !== expected) failures.push(`${attempt.who}${where}: ${name} expected ${expected}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    // Row for row, both organisations (and their members' users and sessions) are as they were.
    expect(await tenantFingerprint(db, [a.orgId, b.orgId])).toEqual(before);
    // …and no organisation was started beside them.
    expect(await db.organization.count()).toBe(organisations);
  } finally {
    await db.$disconnect();
  }
});

test("switching to another tenant's organisation by replaying the switch is ignored", async () => {
  const names = actionNamesOfBuild();
  const bOwner = clients.get("B OWNER")!;
  // The switcher is only shown to members of several organisations: give B's Owner a second one.
  const db = e2eDb();
  try {
    const second = await db.organization.create({ data: { name: `Second ${b.marker}` } });
    await db.membership.create({ data: { orgId: second.id, userId: b.users.OWNER.userId, role: "OWNER" } });
  } finally {
    await db.$disconnect();
  }
  const id = [...(await actionIdsOnPage(bOwner, "/accounts"))].find((candidate) => names.get(candidate) === "switchOrgAction");
  expect(id).toBeTruthy();
  const answer = await postAction(bOwner, origin, "/accounts", id!, { orgId: a.orgId });
  expect(answer.setCookies.filter((c) => c.startsWith("gh_org="))).toEqual([]);
  const accounts = await (await bOwner.get("/accounts")).text();
  expect(accounts).toContain(b.assigned.storeName);
  expect(accounts).not.toContain(a.marker);
});

test("where two-factor sign-in is required, a member without it is refused every action but those that set it up", async () => {
  const c = await buildWorld("C", { requireTwoFactor: true });
  const owner = await signedInRequest(newContext, origin, c.users.OWNER.email, c.password);
  const db = e2eDb();
  try {
    const before = await tenantFingerprint(db, [c.orgId]);
    const failures: string[] = [];
    for (const [name, row] of Object.entries(REPLAY)) {
      if (!("page" in row) || name in ALLOWED_WHILE_TWO_FACTOR_PENDING) continue;
      const fields = row.input ? row.input(c.assigned, c) : (row.form ?? {});
      const got = outcomeOf(await postAction(owner, origin, row.page(c), actionId.get(name)!, fields, row.prev ?? state));
      if (got !== "FORBIDDEN") failures.push(`${name}: expected FORBIDDEN, got ${got}`);
    }
    expect(failures).toEqual([]);
    expect(await tenantFingerprint(db, [c.orgId])).toEqual(before);
  } finally {
    await db.$disconnect();
    await owner.dispose();
  }
});

test("a cross-site POST (another Origin) of an action the caller may use is refused and changes nothing", async () => {
  const db = e2eDb();
  try {
    const before = await tenantFingerprint(db, [a.orgId]);
    const fields = { name: `Cross-site ${a.marker}`, query: "severity=high" };
    const answer = await postAction(clients.get("A OWNER")!, "https://evil.example", "/accounts", actionId.get("saveViewAction")!, fields, state);
    expect(outcomeOf(answer)).not.toBe("ok");
    expect(await tenantFingerprint(db, [a.orgId])).toEqual(before);
    // The same POST from the app's own origin does what it says: the refusal above was the Origin's.
    expect(outcomeOf(await postAction(clients.get("A OWNER")!, origin, "/accounts", actionId.get("saveViewAction")!, fields, state))).toBe("ok");
  } finally {
    await db.$disconnect();
  }
});

