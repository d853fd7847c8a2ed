import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createDb, type Db } from "@/lib/db/client";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { writeSnapshot } from "@/lib/db/snapshot-import";
import { addDays } from "@/lib/dates";
import { createBoss, ensureQueues } from "@/lib/jobs/worker";
import { snapshotSchema, type SnapshotInput } from "@/lib/validation/snapshot";

// The authorisation matrices' organisations. Every name an organisation holds carries its own marker
// ("t" + random hex; "t" is not a hex digit, so no id, hash or nonce can contain one by chance), and
// everything of its second client carries a second marker too ("u" + hex): a page that shows another
// tenant's or an unassigned client's row is then caught by searching its body for one string.
// Each organisation has one member per role (Managers and Viewers assigned to the first client only),
// a client owner whose portal shows the first client, and one object of every kind an action names,
// for both clients.

export const ROLES = ["OWNER", "ADMIN", "MANAGER", "VIEWER", "CLIENT_OWNER"] as const;
export type Role = (typeof ROLES)[number];

/** Objects of one client: what the client-scoped actions and pages name. */
export interface ClientObjects {
  client: string;
  clientName: string;
  account: string;
  storeName: string;
  /** A secondary login of the account, its primary login's backup method, and the lead person. */
  login: string;
  method: string;
  person: string;
  openFinding: string;
  acceptedFinding: string;
  /** An open offboarding task (a departed person's login to disable), and that person. */
  task: string;
  departed: string;
  /** The lead person's phone, the account's app authorisation, and a ticked checklist item of the departed person (a device to re-home, so the offboarding can still be cancelled). */
  device: string;
  app: string;
  doneTask: string;
  /** An undecided item of the world's access review (the lead's login), and an open remediation task on the account (assigned to the Owner). */
  reviewItem: string;
  remediationTask: string;
}

export interface World {
  letter: string;
  orgId: string;
  orgName: string;
  /** In every name of this organisation. */
  marker: string;
  /** In every name of its second client, which Managers, Viewers and the client owner are not given. */
  unassignedMarker: string;
  password: string;
  users: Record<Role, { email: string; userId: string }>;
  assigned: ClientObjects;
  unassigned: ClientObjects;
  /** The Owner person: the primary login of both clients' accounts is theirs. */
  sharedPerson: string;
  /** Org-level objects: a member to change or remove, a pending invitation, the Owner's saved view and second session. */
  targetMembership: string;
  invitation: string;
  savedView: string;
  ownerSession: string;
  /** An API token of the organisation (its hash is random: the token itself is never needed here). */
  apiToken: string;
  /**
   * An access review the Owner started over both clients: the lead's login of each account for the Manager
   * (who must still not see the unassigned one), the first account's app for the client owner.
   */
  campaign: string;
  /** A job of the organisation that failed for good (the jobs page's Retry). */
  failedJob: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const ago = (n: number) => addDays(today(), -n);
// Letters only (32 random bits as a–p): the markers name devices, and specs send them back through forms and
// actions, where a hex marker with seven digits in a row reads as a phone number and is refused (decision 084;
// action-replay failed so once). Such a marker turns up in about 1 world in 20.
const token = (prefix: string) => `${prefix}${[...randomBytes(4).toString("hex")].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("")}`;

export function e2eDb(): Db {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the browser tests with `npm test -- e2e`");
  return createDb(url);
}

/**
 * One client's accounts, people and devices, all named with `mark`; `p` prefixes the snapshot ids.
 * The Owner person holds the primary login of both clients' accounts, so a person page shared by two
 * clients must hold back the other client's logins.
 */
function clientSnapshot(p: string, mark: string, tenantMark: string): SnapshotInput {
  const method = (deviceId: string, role: "PRIMARY" | "BACKUP", kind: "SMS" | "VOICE" = "SMS") => ({ kind, role, deviceId, phoneLast4: role === "PRIMARY" ? "1234" : "5678" });
  return {
    format: "gatehouse.snapshot/v1",
    people: [
      ...(p === "" ? [{ id: "p-owner", name: `Owner ${tenantMark}`, external: false, company: `Company ${tenantMark}` }] : []),
      { id: `${p}p-lead`, name: `Lead ${mark}`, external: false, company: `Company ${mark}` },
      { id: `${p}p-temp`, name: `Temp ${mark}`, external: true, company: `Vendor ${mark}` },
    ],
    devices: [
      ...(p === "" ? [{ id: "d-owner", kind: "PHONE" as const, label: `Phone ${tenantMark}`, holderId: "p-owner" }] : []),
      { id: `${p}d-lead`, kind: "PHONE" as const, label: `Phone ${mark}`, holderId: `${p}p-lead` },
    ],
    accounts: [
      {
        id: `${p}acc`, storeName: `Store ${mark}`, sellerId: `A${randomUUID().slice(0, 10).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE",
        lastVerifiedAt: ago(200),
        logins: [
          { id: "primary", role: "PRIMARY", email: `owner.${mark.replace(/ /g, ".")}@store.example`, personId: "p-owner", status: "ACTIVE", lastLoginAt: ago(1), passwordChangedAt: ago(400),
            twoStep: [method("d-owner", "PRIMARY"), method("d-owner", "BACKUP", "VOICE")] },
          { id: "lead", role: "SECONDARY", email: `lead.${mark.replace(/ /g, ".")}@store.example`, personId: `${p}p-lead`, status: "ACTIVE", lastLoginAt: ago(2), acceptedAt: ago(100), invitedAt: ago(101),
            twoStep: [method(`${p}d-lead`, "PRIMARY")], permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW_EDIT", marketplace: null }] },
          { id: "temp", role: "SECONDARY", email: `temp.${mark.replace(/ /g, ".")}@vendor.example`, personId: `${p}p-temp`, status: "ACTIVE", lastLoginAt: ago(2), acceptedAt: ago(30), invitedAt: ago(31),
            twoStep: [{ kind: "SMS", role: "PRIMARY", phoneLast4: "9012" }] },
        ],
        partners: [{ id: "ap", company: `Partner ${mark}`, linkSentAt: ago(20) }],
        apps: [{ id: "app", name: `App ${mark}`, developer: `Developer ${mark}`, authorizedAt: ago(350), expiresAt: addDays(today(), 10) }],
      },
    ],
  };
}

/** Builds organisation `letter` as described above; returns its ids, names and markers. */
/** A recompute of the organisation that failed after its last attempt, through pg-boss as the worker leaves it. */
async function failedJobOf(orgId: string): Promise<string> {
  const boss = createBoss(process.env.E2E_DATABASE_URL!, { supervise: false, schedule: false, max: 1 });
  await boss.start();
  try {
    await ensureQueues(boss);
    const id = (await boss.send("risk.recompute-organisation", { orgId }, { retryLimit: 0 }))!;
    await boss.fail("risk.recompute-organisation", id, { message: `Failure of ${orgId}` });
    return id;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export async function buildWorld(letter: string, options: { requireTwoFactor?: boolean } = {}): Promise<World> {
  const db = e2eDb();
  const marker = token("t");
  const unassignedMarker = token("u");
  const secondMark = `${marker} ${unassignedMarker}`;
  const orgId = randomUUID();
  const orgName = `Org ${letter} ${marker}`;
  const password = `pw-${randomUUID()}`;
  const ids = new Map<string, string>();
  const idFor = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (!ids.has(key)) ids.set(key, randomUUID());
    return ids.get(key)!;
  };
  try {
    const passwordHash = await hashPassword(password);
    const users = {} as World["users"];
    const world = await db.$transaction(async (tx) => {
      await tx.organization.create({ data: { id: orgId, name: orgName, requireTwoFactor: options.requireTwoFactor ?? false } });
      const clientName = `Client ${letter} ${marker}`;
      const unassignedName = `Client ${letter} ${secondMark}`;
      const client = await tx.client.create({ data: { orgId, name: clientName } });
      const client2 = await tx.client.create({ data: { orgId, name: unassignedName } });
      for (const role of ROLES) {
        const email = `${role.toLowerCase().replace("_", "-")}.${marker}@test.example`;
        const user = await tx.user.create({ data: { email, name: `${role} ${marker}`, passwordHash } });
        users[role] = { email, userId: user.id };
        if (role === "CLIENT_OWNER") {
          const seller = await tx.organization.create({ data: { name: `Seller ${letter} ${marker}`, kind: "SELLER" } });
          await tx.client.update({ where: { id: client.id }, data: { portalOrgId: seller.id } });
          await tx.membership.create({ data: { orgId: seller.id, userId: user.id, role: "OWNER" } });
          continue;
        }
        const membership = await tx.membership.create({ data: { orgId, userId: user.id, role } });
        if (role === "MANAGER" || role === "VIEWER") await tx.membershipClient.create({ data: { orgId, membershipId: membership.id, clientId: client.id } });
      }
      const first = clientSnapshot("", marker, marker);
      const second = clientSnapshot("u-", secondMark, marker);
      const snapshot = snapshotSchema.parse({ ...first, people: [...first.people!, ...second.people!], devices: [...first.devices!, ...second.devices!], accounts: [...first.accounts, ...second.accounts] });
      await writeSnapshot(tx, orgId, snapshot, { idFor, source: "IMPORT", clientIdFor: (accountId) => (accountId === "acc" ? client.id : client2.id) });
      const target = await tx.user.create({ data: { email: `target.${marker}@test.example`, name: `Target ${marker}`, passwordHash } });
      const targetMembership = (await tx.membership.create({ data: { orgId, userId: target.id, role: "MANAGER" } })).id;
      const invitation = (await tx.invitation.create({
        data: { orgId, email: `invitee.${marker}@test.example`, role: "VIEWER", clientIds: [], tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000), createdById: users.OWNER.userId },
      })).id;
      const savedView = (await tx.savedView.create({ data: { orgId, userId: users.OWNER.userId, name: `View ${marker}`, query: "severity=high" } })).id;
      const ownerSession = (await tx.userSession.create({ data: { userId: users.OWNER.userId, expiresAt: new Date(Date.now() + 3_600_000) } })).id;
      const apiToken = (await tx.apiToken.create({ data: { orgId, name: `Script ${marker}`, scope: "READ", clientIds: [], tokenHash: randomUUID(), prefix: "gh_test", createdById: users.OWNER.userId } })).id;
      return { clientName, unassignedName, client: client.id, client2: client2.id, targetMembership, invitation, savedView, ownerSession, apiToken };
      // Hashing and a snapshot write of two clients: past Prisma's 5 s default on a loaded machine.
    }, { timeout: 60_000, maxWait: 15_000 });
    await recomputeOrganisations(db, { today: today(), orgIds: [orgId] });

    // Per client: one finding accepted, one left open, and the temporary person departed with a task to do.
    const objects = async (p: string, client: string, clientName: string, storeName: string): Promise<ClientObjects> => {
      const account = idFor("account", `${p}acc`);
      const findings = await db.finding.findMany({ where: { orgId, accountId: account, status: "OPEN" }, select: { id: true }, orderBy: { id: "asc" }, take: 2 });
      if (findings.length < 2) throw new Error(`the fixture expects two open findings on ${storeName}`);
      await db.finding.update({ where: { id: findings[1].id }, data: { status: "ACCEPTED", acceptedReason: `Accepted ${world.clientName}`, acceptedById: users.OWNER.userId, acceptedUntil: new Date(`${addDays(today(), 30)}T00:00:00Z`) } });
      const temp = idFor("person", `${p}p-temp`);
      await db.person.update({ where: { id: temp }, data: { departedAt: new Date(`${ago(1)}T00:00:00Z`), offboardingStartedAt: new Date(`${ago(1)}T00:00:00Z`) } });
      const task = (await db.offboardingTask.create({
        data: { orgId, personId: temp, kind: "LOGIN_DISABLE", loginId: idFor("login", `${p}acc/temp`), accountId: account, createdById: users.OWNER.userId },
      })).id;
      const device = idFor("device", `${p}d-lead`);
      const doneTask = (await db.offboardingTask.create({
        data: { orgId, personId: temp, kind: "DEVICE_REHOME", deviceId: device, createdById: users.OWNER.userId, doneAt: new Date(), doneById: users.OWNER.userId },
      })).id;
      const app = idFor("app", `${p}acc/app`);
      const method = (await db.twoStepMethod.findFirstOrThrow({ where: { orgId, loginId: idFor("login", `${p}acc/primary`), role: "BACKUP" }, select: { id: true } })).id;
      const login = idFor("login", `${p}acc/lead`);
      const leadEmail = `lead.${(p ? secondMark : marker).replace(/ /g, ".")}@store.example`;
      const reviewItem = (await db.reviewItem.create({
        data: { orgId, campaignId: campaign, accountId: account, kind: "LOGIN", subjectId: login, label: leadEmail, detail: { email: leadEmail, role: "SECONDARY", status: "ACTIVE", grants: [{ tool: "USER_PERMISSIONS", marketplace: null, level: "VIEW_EDIT" }] }, reviewerId: users.MANAGER.userId },
      })).id;
      if (!p) await db.reviewItem.create({ data: { orgId, campaignId: campaign, accountId: account, kind: "APP", subjectId: app, label: `App ${marker}`, detail: { developer: `Developer ${marker}` }, reviewerId: users.CLIENT_OWNER.userId } });
      const remediationTask = (await db.remediationTask.create({
        data: { orgId, accountId: account, kind: "TRIAGE", subjectId: login, subjectLabel: leadEmail, url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(`${today()}T00:00:00Z`), assigneeId: users.OWNER.userId, createdById: users.OWNER.userId },
      })).id;
      return { client, clientName, account, storeName, login, method, person: idFor("person", `${p}p-lead`), openFinding: findings[0].id, acceptedFinding: findings[1].id, task, departed: temp, device, app, doneTask, reviewItem, remediationTask };
    };
    const campaign = (await db.reviewCampaign.create({
      data: { orgId, name: `Review ${marker}`, clientIds: [world.client, world.client2], accountIds: [idFor("account", "acc"), idFor("account", "u-acc")], reviewerIds: [users.MANAGER.userId, users.CLIENT_OWNER.userId], dueOn: new Date(`${addDays(today(), 30)}T00:00:00Z`), startedById: users.OWNER.userId },
    })).id;
    const assigned = await objects("", world.client, world.clientName, `Store ${marker}`);
    const unassigned = await objects("u-", world.client2, world.unassignedName, `Store ${secondMark}`);
    return {
      letter, orgId, orgName, marker, unassignedMarker, password, users, assigned, unassigned, sharedPerson: idFor("person", "p-owner"),
      targetMembership: world.targetMembership, invitation: world.invitation, savedView: world.savedView, ownerSession: world.ownerSession, apiToken: world.apiToken, campaign,
      failedJob: await failedJobOf(orgId),
    };
  } finally {
    await db.$disconnect();
  }
}
