import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { decryptTotpKey } from "@/lib/auth/totp";
import { createApiToken } from "@/lib/db/api-tokens/tokens";
import { acceptFinding } from "@/lib/db/findings";
import { inviteClientOwner } from "@/lib/db/portal";
import { offboardPerson } from "@/lib/db/people-offboarding";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { createSavedView } from "@/lib/db/saved-views";
import type { Scope } from "@/lib/db/scope";
import { createUserSession } from "@/lib/db/sessions";
import { addDays } from "@/lib/dates";
import { DEFAULT_RISK_SETTINGS } from "@/lib/validation/risk-settings";
import { createTenant, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { ACTIONS, WRAPPED } from "@/tests/support/server-actions";
import { executeAction, type ActionDefinition } from "./define-action";

// The authorisation matrix of every server action built with defineAction: each action × each role
// (and signed out) × an object of the caller's own organisation and one of another organisation,
// from one table. The action's own definition runs (zod schema, handler, lib call) through
// executeAction, exactly as defineAction runs it once the session has given a scope; an action in the
// registry without a row here fails the first test. Pages and route handlers have the same matrix
// in e2e/authorization-matrix.spec.ts.

// Cookie plumbing that needs a live request; covered by the browser tests.
const currentSession = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/lib/auth/rotate-session", () => ({ rotateSession: async () => undefined }));
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => null, getSessionId: async () => currentSession.id, ORG_COOKIE: "gh_org" }));
process.env.APP_URL = "http://gatehouse.test";

const db = testDb();
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
  otherSession: string;
  apiToken: string;
}

interface Row {
  /** Form fields as a browser would post them; built when the action runs, so versions are current. */
  input: (w: World) => Promise<Record<string, string>> | Record<string, string>;
  own: PerRole;
  /** The same input naming the other organisation's objects, or why the action names none. */
  other: PerRole | { none: string };
}

const versionOf = async (accountId: string) => String((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { version: true } })).version);
const account = async (w: World) => ({ accountId: w.account, version: await versionOf(w.account) });

// Rows run in this order within each role, so an action that consumes an object comes after those that need it.
const MATRIX: Record<string, Row> = {
  acceptFindingAction: { input: (w) => ({ findingId: w.openFinding, reason: "Accepted for the matrix test", until: addDays(today, 30) }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  reopenFindingAction: { input: (w) => ({ findingId: w.acceptedFinding }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  addTwoStepMethodAction: { input: async (w) => ({ ...(await account(w)), loginId: w.login, kind: "AUTHENTICATOR_APP", role: "BACKUP" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  removeTwoStepMethodAction: { input: async (w) => ({ ...(await account(w)), methodId: w.method }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  updateLoginAction: { input: async (w) => ({ ...(await account(w)), loginId: w.login, status: "ACTIVE", passwordChangedAt: today }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  markVerifiedAction: { input: async (w) => ({ ...(await account(w)), confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  recordAccessReviewAction: { input: (w) => ({ accountId: w.account, loginId: w.login, decision: "APPROVED" }), own: all("ok"), other: all("NOT_FOUND") },
  saveViewAction: { input: () => ({ name: `View ${randomUUID().slice(0, 6)}`, query: "severity=high" }), own: all("ok"), other: { none: "a view is the caller's own, in the caller's organisation" } },
  deleteViewAction: { input: (w) => ({ id: w.savedView }), own: all("ok"), other: all("NOT_FOUND") },
  inviteMemberAction: { input: (w) => ({ email: `invitee-${randomUUID().slice(0, 8)}@test.example`, role: "VIEWER", clientIds: w.client }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  changeMemberAction: { input: (w) => ({ membershipId: w.targetMembership, role: "VIEWER", clientIds: w.client }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  removeMemberAction: { input: (w) => ({ membershipId: w.targetMembership, confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  revokeInvitationAction: { input: (w) => ({ invitationId: w.invitation }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  inviteClientOwnerAction: { input: (w) => ({ clientId: w.client, email: `owner-${randomUUID().slice(0, 8)}@client.example` }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  offboardPersonAction: { input: (w) => ({ personId: w.person, departedAt: today, confirm: "yes" }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
  completeOffboardingTaskAction: { input: (w) => ({ taskId: w.task }), own: writers(), other: writers("FORBIDDEN", "NOT_FOUND") },
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
  closeClientPortalAction: { input: (w) => ({ clientId: w.client, confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
  // Restricted to the world's client: another organisation's client is refused as unknown.
  createApiTokenAction: { input: (w) => ({ name: "Matrix script", scope: "read", clientIds: w.client }), own: admins(), other: admins("FORBIDDEN", "INVALID_INPUT") },
  revokeApiTokenAction: { input: (w) => ({ tokenId: w.apiToken, confirm: "yes" }), own: admins(), other: admins("FORBIDDEN", "NOT_FOUND") },
};

const recoveryCodes = new Map<string, string[]>();
const definitions = new Map<string, ActionDefinition>();

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** Kumo Store: two logins, a backup method, several findings; people who can be offboarded. */
function snapshot() {
  const ago = (n: number) => addDays(today, -n);
  return {
    format: "gatehouse.snapshot/v1" as const,
    people: [
      { id: "p-owner", name: "Owner", external: false, company: "Kumo KK", departedAt: null },
      { id: "p-lead", name: "Lead", external: true, company: "Vendor KK", departedAt: null },
      { id: "p-temp", name: "Temp", external: true, company: "Vendor KK", departedAt: null },
    ],
    devices: [{ id: "d-phone", kind: "PHONE" as const, label: "Phone", holderId: "p-owner", skipOtpOnBrowser: false }],
    accounts: [
      {
        id: "acc", storeName: "Kumo Store", sellerId: `A${randomUUID().slice(0, 8).toUpperCase()}`, region: "JP" as const, marketplaces: ["JP"], plan: "PROFESSIONAL" as const, status: "ACTIVE" as const, lastVerifiedAt: ago(200),
        logins: [
          { id: "primary", role: "PRIMARY" as const, email: "owner@kumo.example", personId: "p-owner", status: "ACTIVE" as const, lastLoginAt: ago(3), passwordChangedAt: ago(400),
            twoStep: [{ kind: "SMS" as const, role: "PRIMARY" as const, deviceId: "d-phone", phoneLast4: "1234" }, { kind: "VOICE" as const, role: "BACKUP" as const, deviceId: "d-phone", phoneLast4: "1234" }] },
          { id: "lead", role: "SECONDARY" as const, email: "lead@vendor.example", personId: "p-lead", status: "ACTIVE" as const, lastLoginAt: ago(200), acceptedAt: ago(300), invitedAt: ago(301),
            twoStep: [{ kind: "SMS" as const, role: "PRIMARY" as const, phoneLast4: "5678" }], permissions: [{ tool: "USER_PERMISSIONS" as const, level: "ADMIN" as const, marketplace: null }] },
          { id: "temp", role: "SECONDARY" as const, email: "temp@vendor.example", personId: "p-temp", status: "ACTIVE" as const, lastLoginAt: ago(2), acceptedAt: ago(30), invitedAt: ago(31),
            twoStep: [{ kind: "SMS" as const, role: "PRIMARY" as const, phoneLast4: "9012" }] },
        ],
      },
    ],
  };
}

async function newUser(email = `${randomUUID()}@test.example`) {
  return db.user.create({ data: { email, name: "Matrix User", passwordHash: await hashPassword(PASSWORD) } });
}

async function buildWorld(role: Role): Promise<World> {
  const boss = await createTenant(db, { name: `Matrix ${role} ${randomUUID().slice(0, 6)}` });
  const orgId = boss.orgId;
  const bossScope = await scopeFor(boss.userId);
  const client = (await db.client.create({ data: { orgId, name: "Kumo KK" } })).id;
  const ids = await importSnapshot(db, orgId, snapshot(), () => client);
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

  const account = ids("account", "acc");
  const findings = await db.finding.findMany({ where: { orgId, accountId: account, status: "OPEN" }, select: { id: true }, orderBy: { id: "asc" }, take: 2 });
  await acceptFinding(bossScope, { findingId: findings[1].id, reason: "Accepted by the boss for the matrix", until: addDays(today, 30) });
  const target = await newUser();
  const targetMembership = (await db.membership.create({ data: { orgId, userId: target.id, role: "MANAGER" } })).id;
  const invitation = (await db.invitation.create({ data: { orgId, email: `pending-${randomUUID().slice(0, 6)}@test.example`, role: "VIEWER", clientIds: [], tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000), createdById: boss.userId } })).id;
  const savedView = (await createSavedView(actor, { name: "Mine", query: "sort=score" })).id;
  await offboardPerson(bossScope, ids("person", "p-temp"), today);
  const task = (await db.offboardingTask.findFirstOrThrow({ where: { orgId, personId: ids("person", "p-temp") }, select: { id: true } })).id;
  const method = (await db.twoStepMethod.findFirstOrThrow({ where: { orgId, loginId: ids("login", "acc/primary"), role: "BACKUP" }, select: { id: true } })).id;
  return {
    orgId, actor, userId: actorUser.id, client, account, login: ids("login", "acc/lead"), method, person: ids("person", "p-lead"),
    openFinding: findings[0].id, acceptedFinding: findings[1].id, targetMembership, invitation, savedView, task,
    otherSession: await createUserSession(actorUser.id, {}),
    apiToken: (await createApiToken(bossScope, { name: "Boss's token", scope: "write", clientIds: [], expiresOn: null })).id,
  };
}

function outcome(state: { ok: boolean; error?: string }): string {
  return state.ok ? "ok" : (state.error ?? "?");
}

beforeAll(async () => {
  for (const [file, actions] of Object.entries(ACTIONS)) {
    const wrapped = Object.entries(actions).filter(([, policy]) => policy === WRAPPED).map(([name]) => name);
    if (wrapped.length === 0) continue;
    const module = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, { definition: ActionDefinition }>;
    for (const name of wrapped) definitions.set(name, module[name].definition);
  }
}, 60_000);

describe("server actions: authorisation matrix", () => {
  it("has a row for every action built with defineAction, and nothing else", () => {
    expect([...definitions.keys()].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("refuses every action to the signed-out", async () => {
    const w = await buildWorld("OWNER");
    const failures: string[] = [];
    for (const [name, row] of Object.entries(MATRIX)) {
      const got = outcome(await executeAction(definitions.get(name)!, null, formData(await row.input(w))));
      if (got !== "UNAUTHENTICATED") failures.push(`${name}: ${got}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  for (const role of ROLES) {
    it(`answers ${role} as the table says, for its own organisation's objects and another's`, async () => {
      const [own, other] = await Promise.all([buildWorld(role), buildWorld("OWNER")]);
      const failures: string[] = [];
      for (const [name, row] of Object.entries(MATRIX)) {
        const definition = definitions.get(name)!;
        if (!("none" in row.other)) {
          // Another organisation's object first, so the own run below still finds everything in place.
          const got = outcome(await executeAction(definition, own.actor, formData(await row.input(other))));
          if (got !== row.other[role]) failures.push(`${name} on another organisation's object: expected ${row.other[role]}, got ${got}`);
        }
        if (name === "startEnrolmentAction" || name === "revokeOtherSessionsAction") currentSession.id = own.otherSession;
        const state = await executeAction(definition, own.actor, formData(await row.input(own)));
        if (name === "confirmEnrolmentAction" && state.ok) recoveryCodes.set(own.userId, state.data as string[]);
        if (outcome(state) !== row.own[role]) failures.push(`${name}: expected ${row.own[role]}, got ${outcome(state)}${state.message ? ` (${state.message})` : ""}`);
      }
      expect(failures).toEqual([]);
      // The other organisation's objects are all still there, unchanged by the refused attempts.
      expect(await db.finding.findUniqueOrThrow({ where: { id: other.acceptedFinding }, select: { status: true } })).toEqual({ status: "ACCEPTED" });
      expect(await db.membership.count({ where: { id: other.targetMembership } })).toBe(1);
      expect(await db.invitation.findUniqueOrThrow({ where: { id: other.invitation }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
      expect(await db.savedView.count({ where: { id: other.savedView } })).toBe(1);
      expect(await db.twoStepMethod.count({ where: { id: other.method } })).toBe(1);
      expect(await db.apiToken.findUniqueOrThrow({ where: { id: other.apiToken }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    }, 120_000);
  }
});
