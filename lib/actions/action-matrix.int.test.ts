import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { decryptTotpKey } from "@/lib/auth/totp";
import { createApiToken } from "@/lib/db/api-tokens/tokens";
import { acceptFinding } from "@/lib/db/findings";
import { inviteClientOwner } from "@/lib/db/portal";
import { offboardPerson } from "@/lib/db/offboarding/offboarding-tasks";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { createSavedView } from "@/lib/db/saved-views";
import type { Scope } from "@/lib/db/scope";
import { createUserSession } from "@/lib/db/sessions";
import { addDays } from "@/lib/dates";
import { createBoss, ensureQueues } from "@/lib/jobs/worker";
import { DEFAULT_RISK_SETTINGS } from "@/lib/validation/risk-settings";
import { createTenant, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { ACTIONS, ALLOWED_WHILE_TWO_FACTOR_PENDING, WRAPPED } from "@/tests/support/server-actions";
import { tenantFingerprint } from "@/tests/support/tenant-fingerprint";
import { executeAction, type ActionDefinition, type ActionState } from "./define-action";

// The authorisation matrix of every server action built with defineAction: each action × each role
// (and signed out) × an object of the caller's own organisation and one of another organisation,
// from one table. The action's own definition runs (zod schema, handler, lib call) through
// executeAction, exactly as defineAction runs it once the session has given a scope; an action in the
// registry without a row here fails the first test. Pages and route handlers have the same matrix
// in e2e/authorization-matrix.spec.ts.

// Cookie plumbing that needs a live request; covered by the browser tests (e2e/action-replay.spec.ts
// replays every action over real HTTP). The import action reads its scope itself (a file upload does not
// fit defineAction), so getScope answers with the scope a test sets.
const currentSession = vi.hoisted(() => ({ id: null as string | null, scope: null as unknown }));
vi.mock("@/lib/auth/rotate-session", () => ({ rotateSession: async () => undefined }));
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => currentSession.scope, getSessionId: async () => currentSession.id, ORG_COOKIE: "gh_org" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }), headers: async () => new Headers() }));
process.env.APP_URL = "http://gatehouse.test";

const db = testDb();
// pg-boss on the test database, as the web process's sender uses it (lib/jobs/enqueue): the retry action's failed jobs.
const jobQueue = createBoss(inject("databaseUrl"), { supervise: false, schedule: false, max: 2 });
afterAll(() => jobQueue.stop({ graceful: false, wait: true }));
const today = new Date().toISOString().slice(0, 10);
const PASSWORD = "matrix lantern over river 42";

type Role = "OWNER" | "ADMIN" | "MANAGER" | "VIEWER" | "CLIENT_OWNER";
const ROLES: Role[] = ["OWNER", "ADMIN", "MANAGER", "VIEWER", "CLIENT_OWNER"];
type Outcome = "ok" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT";
type PerRole = Record<Role, Outcome>;

const all = (o: Outcome): PerRole => ({ OWNER: o, ADMIN: o, MANAGER: o, VIEWER: o, CLIENT_OWNER: o });
const writers = (others: Outcome = "FORBIDDEN", w: Outcome = "ok"): PerRole => ({ OWNER: w, ADMIN: w, MANAGER: w, VIEWER: others, CLIENT_OWNER: others });
const admins = (others: Outcome = "FORBIDDEN", a: Outcome = "ok"): PerRole => ({ OWNER: a, ADMIN: a, MANAGER: others, VIEWER: others, CLIENT_OWNER: others });

/** What one organisation holds for the matrix: every kind of object an action can name. */
interface World {
  orgId: string;
  actor: Scope;
  userId: string;
  client: string;
  account: string;
  login: string;
  method: string;
  person: string;
  openFinding: string;
  acceptedFinding: string;
  targetMembership: string;
  invitation: string;
  savedView: string;
  task: string;
  /** The person whose offboarding `task` belongs to. */
  offboarded: string;
  otherSession: string;
  /** The same organisation's second client, which Managers and Viewers are not assigned: its objects. */
  unassigned: Pick<World, "client" | "account" | "login" | "method" | "person" | "openFinding" | "acceptedFinding" | "task" | "reviewItem" | "reviewItem2" | "remediationTask">;
  /** An access review started by the boss over both clients; its items are the actor's to decide. */
  campaign: string;
  reviewItem: string;
  reviewItem2: string;
  /** A remediation task assigned to the boss (closed by hand by writers, not by Viewers). */
  remediationTask: string;
  /** Objects the removal actions consume, so the rest of the table still finds everything in place. */
  spareClient: string;
  spareAccount: string;
  spareLogin: string;
  sparePerson: string;
  /** A person holding no login, only a use of another's login and Ads access: removable. */
  leaver: string;
  spareDevice: string;
  apiToken: string;
  /** A job of this organisation that failed for good: the jobs page's Retry. */
  failedJob: string;
}

interface Row {
  /** Form fields as a browser would post them; built when the action runs, so versions are current. */
  input: (w: World) => Promise<Record<string, string>> | Record<string, string>;
  own: PerRole;
  /** The same input naming the other organisation's objects, or why the action names none. */
  other: PerRole | { none: string };
  /**
   * Whether the input names objects of one client (an account, its logins, methods, findings, people,
   * tasks): a Manager or Viewer then gets `other`'s answer for the client they are not assigned.
   */
  clientScoped?: true;
}

const versionOf = async (accountId: string) => String((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { version: true } })).version);
const account = async (w: World) => ({ accountId: w.account, version: await versionOf(w.account) });

// Rows run in this order within each role, so an action that consumes an object comes after those that need it.
const MATRIX: Record<string, Row> = {
  // Before acceptFindingAction, which accepts the open finding: any member who sees the account may ask for a task.
  createFindingTaskAction: { input: (w) => ({ findingId: w.openFinding }), own: all("ok"), other: all("NOT_FOUND"), clientScoped: true },
  // Access reviews (decision 018): agency Owners/Admins and a client's own Owner/Admin start them; reviewers decide their items.
  startCampaignAction: { input: (w) => ({ name: "Matrix campaign", clientIds: w.client, reviewerIds: w.userId, dueOn: addDays(today, 30), recurrence: "QUARTERLY" }), own: { OWNER: "ok", ADMIN: "ok", MANAGER: "FORBIDDEN", VIEWER: "FORBIDDEN", CLIENT_OWNER: "ok" }, other: { OWNER: "NOT_FOUND", ADMIN: "NOT_FOUND", MANAGER: "FORBIDDEN", VIEWER: "FORBIDDEN", CLIENT_OWNER: "NOT_FOUND" }, clientScoped: true },
  decideItemAction: { input: (w) => ({ itemId: w.reviewItem, decision: "REMOVE", comment: "matrix" }), own: all("ok"), other: all("NOT_FOUND"), clientScoped: true },
  decideItemsAction: { input: (w) => ({ campaignId: w.campaign, itemIds: w.reviewItem2, decision: "KEEP", comment: "matrix", confirm: "yes" }), own: all("ok"), other: all("NOT_FOUND"), clientScoped: true },
  closeTaskAction: { input: (w) => ({ taskId: w.remediationTask, note: "done in Seller Central" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  acceptFindingAction: { input: (w) => ({ findingId: w.openFinding, reason: "Accepted for the matrix test", until: addDays(today, 30) }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  reopenFindingAction: { input: (w) => ({ findingId: w.acceptedFinding }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  addTwoStepMethodAction: { input: async (w) => ({ ...(await account(w)), loginId: w.login, kind: "AUTHENTICATOR_APP", role: "BACKUP" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  updateTwoStepMethodAction: { input: async (w) => ({ ...(await account(w)), methodId: w.method, kind: "SMS", role: "BACKUP", phoneLast4: "4321" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  removeTwoStepMethodAction: { input: async (w) => ({ ...(await account(w)), methodId: w.method, confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  updateLoginAction: { input: async (w) => ({ ...(await account(w)), loginId: w.login, status: "ACTIVE", passwordChangedAt: today }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  markVerifiedAction: { input: async (w) => ({ ...(await account(w)), confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  // Like an access review, any member who can see the account records a triage's outcome (decision 019).
  recordTriageAction: { input: (w) => ({ accountId: w.account, loginId: w.login, outcome: "RESOLVED", "answer.lost-phone": "this", note: "matrix" }), own: all("ok"), other: all("NOT_FOUND"), clientScoped: true },
  saveViewAction: { input: () => ({ name: `View ${randomUUID().slice(0, 6)}`, query: "severity=high" }), own: all("ok"), other: { none: "a view is the caller's own, in the caller's organisation" } },
  deleteViewAction: { input: (w) => ({ id: w.savedView }), own: all("ok"), other: all("NOT_FOUND") },
  inviteMemberAction: { input: (w) => ({ email: `invitee-${randomUUID().slice(0, 8)}@test.example`, role: "VIEWER", clientIds: w.client }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  changeMemberAction: { input: (w) => ({ membershipId: w.targetMembership, role: "VIEWER", clientIds: w.client }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  removeMemberAction: { input: (w) => ({ membershipId: w.targetMembership, confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  revokeInvitationAction: { input: (w) => ({ invitationId: w.invitation }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  inviteClientOwnerAction: { input: (w) => ({ clientId: w.client, email: `owner-${randomUUID().slice(0, 8)}@client.example` }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  offboardPersonAction: { input: (w) => ({ personId: w.person, departedAt: today, confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  completeOffboardingTaskAction: { input: (w) => ({ taskId: w.task }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  // Unticks what the row above ticked, so the offboarding can then be cancelled (no step has changed data).
  reopenOffboardingTaskAction: { input: (w) => ({ taskId: w.task }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  cancelOffboardingAction: { input: (w) => ({ personId: w.offboarded, confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"), clientScoped: true },
  updateRiskSettingsAction: { input: () => Object.fromEntries(Object.entries(DEFAULT_RISK_SETTINGS).map(([k, v]) => [k, String(v)])), own: admins(), other: { none: "settings are the caller's own organisation's" } },
  setRequireTwoFactorAction: { input: () => ({ required: "no" }), own: admins(), other: { none: "settings are the caller's own organisation's" } },
  revokeSessionAction: { input: (w) => ({ sessionId: w.otherSession }), own: all("ok"), other: all("NOT_FOUND") },
  startEnrolmentAction: { input: () => ({ start: "yes" }), own: all("ok"), other: { none: "acts on the caller's own user" } },
  confirmEnrolmentAction: {
    input: async (w) => {
      const user = await db.user.findUniqueOrThrow({ where: { id: w.userId }, select: { totpPendingKeyEncrypted: true } });
      if (!user.totpPendingKeyEncrypted) return { code: "000000" }; // nobody started an enrolment (signed out)
      const key = decryptTotpKey(user.totpPendingKeyEncrypted);
      return { code: new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate() };
    },
    own: all("ok"),
    other: { none: "acts on the caller's own user" },
  },
  disableTwoFactorAction: { input: (w) => ({ password: PASSWORD, code: recoveryCodes.get(w.userId)?.[0] ?? "none-issued" }), own: all("ok"), other: { none: "acts on the caller's own user" } },
  changePasswordAction: { input: () => ({ currentPassword: PASSWORD, newPassword: `${PASSWORD} renewed`, confirmPassword: `${PASSWORD} renewed` }), own: all("ok"), other: { none: "acts on the caller's own user" } },
  revokeOtherSessionsAction: { input: () => ({ confirm: "yes" }), own: all("ok"), other: { none: "acts on the caller's own user" } },
  setDigestOptOutAction: { input: () => ({ optOut: "yes" }), own: all("ok"), other: { none: "acts on the caller's own user" } },
  closeClientPortalAction: { input: (w) => ({ clientId: w.client, confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  // Another organisation's client is refused as an unknown client (a problem report, nothing written).
  importSnapshotAction: { input: (w) => ({ json: JSON.stringify(importable()), clientId: w.client }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  produceReportAction: { input: (w) => ({ clientId: w.client, accountId: "", format: "CSV", locale: "en" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  createClientAction: { input: () => ({ name: `Client ${randomUUID().slice(0, 8)}` }), own: admins(), other: { none: "creates a client in the caller's own organisation" } },
  renameClientAction: { input: async (w) => ({ clientId: w.client, version: await clientVersion(w.client), name: `Kumo KK ${randomUUID().slice(0, 4)}` }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  removeClientAction: { input: async (w) => ({ clientId: w.spareClient, version: await clientVersion(w.spareClient), confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  // The account goes under the world's client: the one a Manager is assigned (another organisation's client is unknown here).
  createAccountAction: { input: (w) => ({ storeName: "Typed Store", sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: w.client }), own: writers(), other: writers("FORBIDDEN", "INVALID_INPUT") },
  updateAccountAction: {
    input: async (w) => ({ ...(await account(w)), storeName: "Kumo Store", sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: w.client }),
    own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"),
  },
  createLoginAction: { input: async (w) => ({ ...(await account(w)), role: "SECONDARY", email: "typed@kumo.example", personId: w.person, status: "ACTIVE" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  setPermissionsAction: { input: async (w) => ({ ...(await account(w)), loginId: w.login, "g.USER_PERMISSIONS": "ADMIN", "g.INVENTORY.JP": "VIEW" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  savePartnerAction: { input: async (w) => ({ ...(await account(w)), company: "Blue Agency", linkSentAt: today }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  saveAppAction: { input: async (w) => ({ ...(await account(w)), appName: "RepricerX", expiresAt: addDays(today, 100) }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  saveOtherAccessAction: { input: async (w) => ({ ...(await account(w)), personId: w.person, console: "ADS", role: "VIEWER" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  removeAccountChildAction: {
    input: async (w) => ({ ...(await account(w)), kind: "app", id: (await db.appAuthorization.findFirst({ where: { accountId: w.account }, select: { id: true } }))?.id ?? "none", confirm: "yes" }),
    own: writers(), other: writers("FORBIDDEN", "NOT_FOUND"),
  },
  removeLoginAction: { input: async (w) => ({ ...(await account(w)), loginId: w.spareLogin, confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  removeAccountAction: { input: async (w) => ({ accountId: w.spareAccount, version: await versionOf(w.spareAccount), confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  updatePersonAction: {
    input: async (w) => ({ personId: w.person, version: await personVersion(w.person), name: "Lead", email: "", company: "Vendor KK", external: "yes", departedAt: "" }),
    own: admins(), other: admins("FORBIDDEN", "NOT_FOUND"),
  },
  mergePeopleAction: { input: async (w) => ({ personId: w.person, version: await personVersion(w.person), duplicateId: w.sparePerson, confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  createPersonAction: { input: () => ({ name: `Typed ${randomUUID().slice(0, 6)}`, email: "", company: "Vendor KK", external: "yes", departedAt: "" }), own: admins(), other: { none: "creates a person in the caller's own organisation" } },
  removePersonAction: { input: async (w) => ({ personId: w.leaver, version: await personVersion(w.leaver), confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  saveDeviceAction: { input: (w) => ({ personId: w.person, kind: "PHONE", label: "Spare phone", holderId: w.person, skipOtpOnBrowser: "no" }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  removeDeviceAction: { input: async (w) => ({ personId: w.person, deviceId: w.spareDevice, version: await deviceVersion(w.spareDevice), confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  // Only an Owner of the organisation holding the demo agency (none of these worlds) may start one beside it.
  createOrganisationAction: { input: () => ({ orgName: "My own agency", locale: "ja", name: "Own Owner", email: "own.owner@agency.example", password: PASSWORD, confirmPassword: PASSWORD }), own: all("FORBIDDEN"), other: { none: "creates a new organisation for the caller" } },
  // Restricted to the world's client: another organisation's client is refused as unknown.
  createApiTokenAction: { input: (w) => ({ name: "Matrix script", scope: "read", clientIds: w.client }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  revokeApiTokenAction: { input: (w) => ({ tokenId: w.apiToken, confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  retryJobAction: { input: (w) => ({ jobId: w.failedJob }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
};

/**
 * Actions that cannot run here, and where their authorisation is tested instead. Every registered
 * action is either a row of MATRIX or listed here (the first test), so a new one cannot be forgotten.
 */
const OUTSIDE_THE_MATRIX: Record<string, string> = {
  signInAction: "public; e2e/sign-in-security.spec.ts and e2e/action-replay.spec.ts",
  acceptAsNewUserAction: "public, token-authorised; e2e/members.spec.ts",
  acceptAsUserAction: "the signed-in user's own e-mail; e2e/members.spec.ts",
  setLocaleAction: "public, a cookie only; e2e/foundation.spec.ts",
  signOutAction: "the caller's own session; e2e/sign-in-security.spec.ts",
  switchOrgAction: "only to the caller's own organisations; e2e/action-replay.spec.ts (forged gh_org)",
  completeSetupAction: "public, the single-use setup link while no organisation exists; lib/db/setup/setup.int.test.ts and e2e/day-one.spec.ts",
};

/**
 * The two-factor gate, per registered action: refused, or allowed for the reason the registry gives
 * (tests/support/server-actions.ts) and then answered as `then` says (ok unless given).
 */
const WHILE_TWO_FACTOR_PENDING: Record<string, "refused" | { allowed: string; then?: Outcome }> = Object.fromEntries(
  Object.values(ACTIONS).flatMap((actions) => Object.keys(actions)).map((name) => [
    name,
    name in ALLOWED_WHILE_TWO_FACTOR_PENDING ? { allowed: ALLOWED_WHILE_TWO_FACTOR_PENDING[name], ...(name === "disableTwoFactorAction" ? { then: "FORBIDDEN" as const } : {}) } : "refused",
  ]),
);

/** A one-account snapshot the import action accepts (a fresh seller ID each time: they are unique per organisation). */
function importable() {
  return {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-imp", name: "Imported" }],
    accounts: [{ id: `imp-${randomUUID().slice(0, 8)}`, storeName: "Imported Store", sellerId: `A${randomUUID().slice(0, 10).toUpperCase()}`, region: "JP", plan: "PROFESSIONAL", status: "ACTIVE",
      logins: [{ id: "primary", role: "PRIMARY", personId: "p-imp", status: "ACTIVE" }] }],
  };
}

const personVersion = async (id: string) => String((await db.person.findUnique({ where: { id }, select: { version: true } }))?.version ?? 1);
const deviceVersion = async (id: string) => String((await db.device.findUnique({ where: { id }, select: { version: true } }))?.version ?? 1);
const clientVersion = async (clientId: string) => String((await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { version: true } })).version);

const recoveryCodes = new Map<string, string[]>();
/** Each action as the matrix runs it: the scope the session gave (null = signed out) and the posted form. */
type Runner = (scope: Scope | null, form: FormData) => Promise<ActionState>;
const runners = new Map<string, Runner>();

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** Kumo Store: two logins, a backup method, several findings; people who can be offboarded. `p` prefixes every id. */
function snapshot(p = "") {
  const ago = (n: number) => addDays(today, -n);
  return {
    format: "gatehouse.snapshot/v1" as const,
    people: [
      { id: `${p}p-owner`, name: "Owner", external: false, company: "Kumo KK", departedAt: null },
      { id: `${p}p-lead`, name: "Lead", external: true, company: "Vendor KK", departedAt: null },
      { id: `${p}p-temp`, name: "Temp", external: true, company: "Vendor KK", departedAt: null },
    ],
    devices: [{ id: `${p}d-phone`, kind: "PHONE" as const, label: "Phone", holderId: `${p}p-owner`, skipOtpOnBrowser: false }],
    accounts: [
      {
        id: `${p}acc`, storeName: `${p}Kumo Store`, sellerId: `A${randomUUID().slice(0, 8).toUpperCase()}`, region: "JP" as const, marketplaces: ["JP"], plan: "PROFESSIONAL" as const, status: "ACTIVE" as const, lastVerifiedAt: ago(200),
        logins: [
          { id: "primary", role: "PRIMARY" as const, email: "owner@kumo.example", personId: `${p}p-owner`, status: "ACTIVE" as const, lastLoginAt: ago(3), passwordChangedAt: ago(400),
            twoStep: [{ kind: "SMS" as const, role: "PRIMARY" as const, deviceId: `${p}d-phone`, phoneLast4: "1234" }, { kind: "VOICE" as const, role: "BACKUP" as const, deviceId: `${p}d-phone`, phoneLast4: "1234" }] },
          { id: "lead", role: "SECONDARY" as const, email: "lead@vendor.example", personId: `${p}p-lead`, status: "ACTIVE" as const, lastLoginAt: ago(200), acceptedAt: ago(300), invitedAt: ago(301),
            twoStep: [{ kind: "SMS" as const, role: "PRIMARY" as const, phoneLast4: "5678" }], permissions: [{ tool: "USER_PERMISSIONS" as const, level: "ADMIN" as const, marketplace: null }] },
          { id: "temp", role: "SECONDARY" as const, email: "temp@vendor.example", personId: `${p}p-temp`, status: "ACTIVE" as const, lastLoginAt: ago(2), acceptedAt: ago(30), invitedAt: ago(31),
            twoStep: [{ kind: "SMS" as const, role: "PRIMARY" as const, phoneLast4: "9012" }] },
        ],
      },
    ],
  };
}

async function newUser(email = `${randomUUID()}@test.example`) {
  return db.user.create({ data: { email, name: "Matrix User", passwordHash: await hashPassword(PASSWORD) } });
}

let jobQueueStarted: Promise<unknown> | null = null;
async function failedJobOf(orgId: string): Promise<string> {
  jobQueueStarted ??= jobQueue.start().then(() => ensureQueues(jobQueue));
  await jobQueueStarted;
  const id = (await jobQueue.send("risk.recompute-organisation", { orgId }, { retryLimit: 0 }))!;
  await jobQueue.fail("risk.recompute-organisation", id, { message: "matrix failure" });
  return id;
}

async function buildWorld(role: Role): Promise<World> {
  const boss = await createTenant(db, { name: `Matrix ${role} ${randomUUID().slice(0, 6)}` });
  const orgId = boss.orgId;
  const bossScope = await scopeFor(boss.userId);
  const client = (await db.client.create({ data: { orgId, name: "Kumo KK" } })).id;
  const client2 = (await db.client.create({ data: { orgId, name: "Unassigned KK" } })).id;
  const ids = await importSnapshot(db, orgId, snapshot(), () => client);
  const ids2 = await importSnapshot(db, orgId, snapshot("u-"), () => client2);
  await recomputeOrganisations(db, { today, orgIds: [orgId] });

  const actorUser = await newUser();
  if (role === "CLIENT_OWNER") {
    await inviteClientOwner(bossScope, { clientId: client, email: `seed-${randomUUID().slice(0, 6)}@client.example` }, "http://gatehouse.test", async () => undefined);
    const { portalOrgId } = await db.client.findUniqueOrThrow({ where: { id: client }, select: { portalOrgId: true } });
    await db.membership.create({ data: { orgId: portalOrgId!, userId: actorUser.id, role: "OWNER" } });
  } else {
    const membership = await db.membership.create({ data: { orgId, userId: actorUser.id, role } });
    if (role === "MANAGER" || role === "VIEWER") await db.membershipClient.create({ data: { orgId, membershipId: membership.id, clientId: client } });
  }
  const actor = await scopeFor(actorUser.id);

  // Objects of one client, made the same way for both: an open and an accepted finding, an offboarding task.
  const clientObjects = async (id: (kind: string, id: string) => string, p: string) => {
    const account = id("account", `${p}acc`);
    const findings = await db.finding.findMany({ where: { orgId, accountId: account, status: "OPEN" }, select: { id: true }, orderBy: { id: "asc" }, take: 2 });
    await acceptFinding(bossScope, { findingId: findings[1].id, reason: "Accepted by the boss for the matrix", until: addDays(today, 30) });
    await offboardPerson(bossScope, id("person", `${p}p-temp`), today);
    const task = (await db.offboardingTask.findFirstOrThrow({ where: { orgId, personId: id("person", `${p}p-temp`) }, select: { id: true } })).id;
    const method = (await db.twoStepMethod.findFirstOrThrow({ where: { orgId, loginId: id("login", `${p}acc/primary`), role: "BACKUP" }, select: { id: true } })).id;
    return { account, login: id("login", `${p}acc/lead`), method, person: id("person", `${p}p-lead`), openFinding: findings[0].id, acceptedFinding: findings[1].id, task, offboarded: id("person", `${p}p-temp`) };
  };
  const mine0 = await clientObjects(ids, "");
  const unassigned0 = { client: client2, ...(await clientObjects(ids2, "u-")) };
  const campaign = (await db.reviewCampaign.create({ data: { orgId, name: "Matrix review", clientIds: [client, client2], accountIds: [mine0.account, unassigned0.account], reviewerIds: [actorUser.id], dueOn: new Date(`${addDays(today, 30)}T00:00:00Z`), startedById: boss.userId } })).id;
  const reviewObjects = async (o: { account: string; login: string }) => {
    const item = async () => (await db.reviewItem.create({ data: { orgId, campaignId: campaign, accountId: o.account, kind: "LOGIN", subjectId: o.login, label: "lead@vendor.example", detail: { email: "lead@vendor.example", grants: [] }, reviewerId: actorUser.id } })).id;
    const remediationTask = (await db.remediationTask.create({ data: { orgId, accountId: o.account, kind: "TRIAGE", subjectId: o.login, subjectLabel: "lead@vendor.example", url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(), assigneeId: boss.userId, createdById: boss.userId } })).id;
    return { reviewItem: await item(), reviewItem2: await item(), remediationTask };
  };
  const mine = { ...mine0, campaign, ...(await reviewObjects(mine0)) };
  const unassigned = { ...unassigned0, ...(await reviewObjects(unassigned0)) };
  const target = await newUser();
  const targetMembership = (await db.membership.create({ data: { orgId, userId: target.id, role: "MANAGER" } })).id;
  const invitation = (await db.invitation.create({ data: { orgId, email: `pending-${randomUUID().slice(0, 6)}@test.example`, role: "VIEWER", clientIds: [], tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000), createdById: boss.userId } })).id;
  const savedView = (await createSavedView(actor, { name: "Mine", query: "sort=score" })).id;
  const spareClient = (await db.client.create({ data: { orgId, name: `Spare ${randomUUID().slice(0, 6)}` } })).id;
  const spareAccount = (await db.sellerAccount.create({ data: { orgId, clientId: client, storeName: "Spare Store", region: "JP", marketplaces: ["JP"] } })).id;
  const sparePerson = (await db.person.create({ data: { orgId, name: "Lead (duplicate)" } })).id;
  const spareDevice = (await db.device.create({ data: { orgId, kind: "PHONE", label: "Old phone", holderId: sparePerson } })).id;
  const leaver = (await db.person.create({ data: { orgId, name: "Leaver", otherAccess: { create: { orgId, accountId: mine.account, console: "ADS", role: "VIEWER" } } } })).id;
  const spareLogin = (await db.login.create({ data: { orgId, accountId: mine.account, role: "SECONDARY", personId: ids("person", "p-lead"), status: "DISABLED" } })).id;
  return {
    orgId, actor, userId: actorUser.id, client, ...mine, targetMembership, invitation, savedView,
    otherSession: await createUserSession(actorUser.id, {}), unassigned,
    spareClient, spareAccount, spareLogin, sparePerson, leaver, spareDevice,
    failedJob: await failedJobOf(orgId),
    apiToken: (await createApiToken(bossScope, { name: "Boss's token", scope: "write", clientIds: [], expiresOn: null })).id,
  };
}

/** As Next runs it: an action that redirects on success (to the new record) has succeeded. */
async function runAsNext(definition: ActionDefinition, scope: Scope | null, data: FormData): Promise<ActionState> {
  try {
    return await executeAction(definition, scope, data);
  } catch (error) {
    if (String((error as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true, seq: 0 } as ActionState;
    throw error;
  }
}

function outcome(state: { ok: boolean; error?: string }): string {
  return state.ok ? "ok" : (state.error ?? "?");
}

/** The import action's answer in the matrix's terms: a problem report (nothing written) counts as INVALID_INPUT. */
async function runImport(scope: Scope | null, form: FormData): Promise<ActionState> {
  const { importSnapshotAction } = await import("@/app/(app)/import/actions");
  currentSession.scope = scope;
  try {
    const state = await importSnapshotAction({ seq: 0, stage: "input" }, form);
    if (state.error) return { ok: false, seq: state.seq, error: state.error as ActionState["error"] };
    // The first step previews (nothing written yet); a problem report leaves it at "input".
    return state.stage !== "input" ? { ok: true, seq: state.seq } : { ok: false, seq: state.seq, error: "INVALID_INPUT" };
  } finally {
    currentSession.scope = null;
  }
}

const run = (name: string, scope: Scope | null, fields: Record<string, string>) => runners.get(name)!(scope, formData(fields));

beforeAll(async () => {
  for (const [file, actions] of Object.entries(ACTIONS)) {
    const wrapped = Object.entries(actions).filter(([, policy]) => policy === WRAPPED).map(([name]) => name);
    if (wrapped.length === 0) continue;
    const module = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, { definition: ActionDefinition }>;
    for (const name of wrapped) runners.set(name, (scope, form) => runAsNext(module[name].definition, scope, form));
  }
  runners.set("importSnapshotAction", runImport);
}, 60_000);

describe("server actions: authorisation matrix", () => {
  const registered = Object.values(ACTIONS).flatMap((actions) => Object.keys(actions)).sort();

  it("has a row for every registered action, or says where it is tested instead", () => {
    expect([...Object.keys(MATRIX), ...Object.keys(OUTSIDE_THE_MATRIX)].sort()).toEqual(registered);
    expect([...runners.keys()].sort()).toEqual(Object.keys(MATRIX).sort());
    expect(Object.keys(ALLOWED_WHILE_TWO_FACTOR_PENDING).filter((name) => !registered.includes(name))).toEqual([]);
    // Outside the matrix means outside defineAction's gate too: each says so.
    for (const name of Object.keys(OUTSIDE_THE_MATRIX)) expect(ALLOWED_WHILE_TWO_FACTOR_PENDING[name], name).toMatch(/^outside the gate/);
  });

  it("refuses every action to the signed-out", async () => {
    const w = await buildWorld("OWNER");
    const failures: string[] = [];
    for (const [name, row] of Object.entries(MATRIX)) {
      const got = outcome(await run(name, null, await row.input(w)));
      if (got !== "UNAUTHENTICATED") failures.push(`${name}: ${got}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  for (const role of ROLES) {
    it(`answers ${role} as the table says, for its own organisation's objects and another's`, async () => {
      const [own, other] = await Promise.all([buildWorld(role), buildWorld("OWNER")]);
      const unassignedVersion = await versionOf(own.unassigned.account);
      const failures: string[] = [];
      for (const [name, row] of Object.entries(MATRIX)) {
        if (!("none" in row.other)) {
          // Another organisation's object first, so the own run below still finds everything in place.
          const got = outcome(await run(name, own.actor, await row.input(other)));
          if (got !== row.other[role]) failures.push(`${name} on another organisation's object: expected ${row.other[role]}, got ${got}`);
          // A Manager's or Viewer's unassigned client is to them what another organisation is.
          if (row.clientScoped && (role === "MANAGER" || role === "VIEWER")) {
            const got2 = outcome(await run(name, own.actor, await row.input({ ...own, ...own.unassigned })));
            if (got2 !== row.other[role]) failures.push(`${name} on the unassigned client's object: expected ${row.other[role]}, got ${got2}`);
          }
        }
        if (name === "startEnrolmentAction" || name === "revokeOtherSessionsAction") currentSession.id = own.otherSession;
        const state = await run(name, own.actor, await row.input(own));
        if (name === "confirmEnrolmentAction" && state.ok) recoveryCodes.set(own.userId, state.data as string[]);
        if (outcome(state) !== row.own[role]) failures.push(`${name}: expected ${row.own[role]}, got ${outcome(state)}${state.message ? ` (${state.message})` : ""}`);
      }
      expect(failures).toEqual([]);
      // The other organisation's objects are all still there, unchanged by the refused attempts.
      expect(await db.finding.findUniqueOrThrow({ where: { id: other.acceptedFinding }, select: { status: true } })).toEqual({ status: "ACCEPTED" });
      expect(await db.membership.count({ where: { id: other.targetMembership } })).toBe(1);
      expect(await db.invitation.findUniqueOrThrow({ where: { id: other.invitation }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
      expect(await db.savedView.count({ where: { id: other.savedView } })).toBe(1);
      expect(await db.triageSession.count({ where: { orgId: other.orgId } })).toBe(0);
      expect(await db.reviewItem.count({ where: { orgId: other.orgId, decision: { not: null } } })).toBe(0);
      expect(await db.reviewCampaign.count({ where: { orgId: other.orgId } })).toBe(1);
      expect(await db.remediationTask.count({ where: { orgId: other.orgId, status: { not: "OPEN" } } })).toBe(0);
      expect(await db.twoStepMethod.count({ where: { id: other.method } })).toBe(1);
      expect(await db.apiToken.findUniqueOrThrow({ where: { id: other.apiToken }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
      if (role === "MANAGER" || role === "VIEWER") {
        // …and so are the unassigned client's.
        const u = own.unassigned;
        expect(await db.finding.findUniqueOrThrow({ where: { id: u.acceptedFinding }, select: { status: true } })).toEqual({ status: "ACCEPTED" });
        expect(await db.finding.findUniqueOrThrow({ where: { id: u.openFinding }, select: { status: true } })).toEqual({ status: "OPEN" });
        expect(await db.twoStepMethod.count({ where: { id: u.method } })).toBe(1);
        expect(await db.offboardingTask.findUniqueOrThrow({ where: { id: u.task }, select: { doneAt: true } })).toEqual({ doneAt: null });
        expect(await db.person.findUniqueOrThrow({ where: { id: u.person }, select: { departedAt: true } })).toEqual({ departedAt: null });
        expect(await versionOf(u.account)).toBe(unassignedVersion);
        expect(await db.reviewItem.count({ where: { accountId: u.account, decision: { not: null } } })).toBe(0);
        expect(await db.remediationTask.findMany({ where: { accountId: u.account }, select: { id: true, status: true } })).toEqual([{ id: u.remediationTask, status: "OPEN" }]);
        expect(await db.triageSession.count({ where: { accountId: u.account } })).toBe(0);
      }
      expect(await db.client.count({ where: { id: { in: [other.client, other.spareClient] } } })).toBe(2);
      expect(await db.sellerAccount.count({ where: { id: { in: [other.account, other.spareAccount] } } })).toBe(2);
      expect(await db.login.count({ where: { id: other.spareLogin } })).toBe(1);
      expect(await db.person.count({ where: { id: { in: [other.sparePerson, other.leaver] } } })).toBe(2);
      expect(await db.device.count({ where: { id: other.spareDevice } })).toBe(1);
    }, 120_000);
  }

  it("refuses every action but setting up two-factor sign-in to a member who has not, where the organisation requires it", async () => {
    const w = await buildWorld("OWNER");
    await db.organization.update({ where: { id: w.orgId }, data: { requireTwoFactor: true } });
    const pending = await scopeFor(w.userId);
    expect(pending.requireTwoFactor && !pending.twoFactorEnabled).toBe(true);
    const before = await tenantFingerprint(db, [w.orgId]);
    const failures: string[] = [];
    const refused = Object.keys(MATRIX).filter((name) => WHILE_TWO_FACTOR_PENDING[name] === "refused");
    for (const name of refused) {
      const state = await run(name, pending, await MATRIX[name].input(w));
      // The gate's refusal carries no message of lib's: the refusal happened before any lib call.
      if (outcome(state) !== "FORBIDDEN" || state.message) failures.push(`${name}: expected the gate's FORBIDDEN, got ${outcome(state)} ${state.message ?? ""}`);
    }
    expect(failures).toEqual([]);
    expect(await tenantFingerprint(db, [w.orgId])).toEqual(before);
    // The allowed ones pass the gate and do their work, as for any owner (the matrix above says "ok").
    currentSession.id = w.otherSession;
    for (const name of Object.keys(MATRIX)) {
      const entry = WHILE_TWO_FACTOR_PENDING[name];
      if (entry === "refused") continue;
      const state = await run(name, pending, await MATRIX[name].input(w));
      if (name === "confirmEnrolmentAction" && state.ok) recoveryCodes.set(w.userId, state.data as string[]);
      const expected = entry.then ?? "ok";
      if (outcome(state) !== expected || (expected !== "ok" && !state.message)) failures.push(`${name}: expected ${expected} from lib, got ${outcome(state)}${state.message ? ` (${state.message})` : ""}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
