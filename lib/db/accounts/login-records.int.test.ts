import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { updateLoginSchema, updateTwoStepMethodSchema } from "@/lib/validation/account-edits";
import { createLoginSchema } from "@/lib/validation/login-form";
import { createTenant, daysAgo, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { addTwoStepMethod, removeTwoStepMethod, updateLogin, updateTwoStepMethod } from "./account-writes";
import { createAccount } from "./account-records";
import { createLogin, removeLogin } from "./login-records";

const db = testDb();
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));
const version = async (id: string) => (await db.sellerAccount.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const open = async (accountId: string, rule: string) => db.finding.count({ where: { accountId, ruleId: rule, status: "OPEN" } });
const events = (orgId: string, action: string) => db.auditEvent.findMany({ where: { orgId, action }, orderBy: { id: "asc" } });

async function emptyAccount() {
  const tenant = await createTenant(db);
  const scope = await scopeFor(tenant.userId);
  const { id } = await createAccount(scope, { storeName: "Kumo Books", sellerId: `A${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", clientId: null });
  return { ...tenant, scope, accountId: id };
}

describe("logins and their 2SV methods typed in", () => {
  it("adds a primary login with an SMS method only (the findings appear), a backup resolves them, removing it raises them again; each change audited with before/after", async () => {
    const { orgId, scope, accountId } = await emptyAccount();
    const form = createLoginSchema.parse({
      accountId, version: String(await version(accountId)), role: "PRIMARY", email: "Owner@Kumo.example", personId: "", personName: "Kumo Owner", personExternal: "no",
      status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10), passwordReused: "no",
    });
    const { id: loginId } = await createLogin(scope, form);
    const login = await db.login.findUniqueOrThrow({ where: { id: loginId }, include: { person: true, usedBy: true } });
    expect(login).toMatchObject({ email: "owner@kumo.example", role: "PRIMARY", source: "FORM", verifiedById: scope.userId, person: { name: "Kumo Owner", external: false, source: "FORM" } });
    expect(login.usedBy.map((u) => u.personId)).toEqual([login.personId]);
    expect(await open(accountId, "NO_2SV")).toBe(1);
    expect((await events(orgId, "login.created"))[0].after).toMatchObject({ role: "PRIMARY", email: "owner@kumo.example", source: "FORM" });

    await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "SMS", role: "PRIMARY", label: null, phoneLast4: "1234", deviceId: null });
    expect(await open(accountId, "NO_2SV")).toBe(0);
    expect(await open(accountId, "PRIMARY_NO_BACKUP")).toBe(1);
    expect(await open(accountId, "SMS_ONLY")).toBe(1);

    await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: "Authenticator", phoneLast4: null, deviceId: null });
    expect(await open(accountId, "PRIMARY_NO_BACKUP")).toBe(0);
    expect(await open(accountId, "SMS_ONLY")).toBe(0);
    const added = await events(orgId, "twoStepMethod.added");
    expect(added).toHaveLength(2);
    expect(added[1].after).toMatchObject({ kind: "AUTHENTICATOR_APP", role: "BACKUP" });

    const backup = await db.twoStepMethod.findFirstOrThrow({ where: { loginId, role: "BACKUP" } });
    await removeTwoStepMethod(scope, accountId, await version(accountId), backup.id);
    expect(await open(accountId, "PRIMARY_NO_BACKUP")).toBe(1);
    const removed = await events(orgId, "twoStepMethod.removed");
    expect(removed).toHaveLength(1);
    expect(removed[0].before).toMatchObject({ id: backup.id, kind: "AUTHENTICATOR_APP" });
  });

  it("corrects a recorded method in place: a role typo fixed clears PRIMARY_NO_BACKUP, audited with before/after; a stale form, another organisation's device and an SMS without digits are refused", async () => {
    const { orgId, scope, accountId } = await emptyAccount();
    const { id: loginId } = await createLogin(scope, createLoginSchema.parse({
      accountId, version: String(await version(accountId)), role: "PRIMARY", email: "owner@kumo.example", personId: "", personName: "Kumo Owner", personExternal: "no", status: "ACTIVE", passwordReused: "no",
    }));
    await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "SMS", role: "PRIMARY", label: null, phoneLast4: "1234", deviceId: null });
    // Recorded as a second primary instead of the backup it is (before decision 074 the form allowed it; now it is refused).
    const second = await failure(addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "AUTHENTICATOR_APP", role: "PRIMARY", label: null, phoneLast4: null, deviceId: null }));
    expect(second?.details).toEqual({ role: "validation.onePrimaryMethod" });
    await db.twoStepMethod.create({ data: { orgId, loginId, kind: "AUTHENTICATOR_APP", role: "PRIMARY", source: "FORM" } });
    expect(await open(accountId, "PRIMARY_NO_BACKUP")).toBe(1);
    const app = await db.twoStepMethod.findFirstOrThrow({ where: { loginId, kind: "AUTHENTICATOR_APP" } });
    const read = await version(accountId);
    const form = updateTwoStepMethodSchema.parse({ accountId, version: String(read), methodId: app.id, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: "Google Authenticator", phoneLast4: "", deviceId: "" });
    await updateTwoStepMethod(scope, form);
    expect(await open(accountId, "PRIMARY_NO_BACKUP")).toBe(0);
    const [event] = await events(orgId, "twoStepMethod.updated");
    expect(event.before).toMatchObject({ role: "PRIMARY", label: null });
    expect(event.after).toMatchObject({ role: "BACKUP", label: "Google Authenticator" });
    expect((await failure(updateTwoStepMethod(scope, { ...form, role: "PRIMARY" })))?.code).toBe("CONFLICT");

    const other = await createTenant(db);
    const foreign = await db.device.create({ data: { orgId: other.orgId, kind: "PHONE", label: "Not yours" } });
    const refused = await failure(updateTwoStepMethod(scope, { ...form, version: await version(accountId), deviceId: foreign.id }));
    expect(refused?.code).toBe("INVALID_INPUT");
    expect((await db.twoStepMethod.findUniqueOrThrow({ where: { id: app.id } })).deviceId).toBeNull();
    expect(updateTwoStepMethodSchema.safeParse({ ...form, version: "9", kind: "SMS", phoneLast4: "" }).success).toBe(false);
    expect(await events(orgId, "twoStepMethod.updated")).toHaveLength(1);
  });

  it("edits every field of a login (audited before/after, findings recomputed); a second primary and a stale form are refused", async () => {
    const { orgId, scope, accountId } = await emptyAccount();
    const { id: loginId } = await createLogin(scope, createLoginSchema.parse({ accountId, version: String(await version(accountId)), role: "PRIMARY", email: "a@kumo.example", personName: "Aoi", status: "ACTIVE", lastLoginAt: daysAgo(2) }));
    const sub = await db.person.create({ data: { orgId, name: "Vendor", external: true, company: "Vendor KK" } });
    const helper = await db.person.create({ data: { orgId, name: "Helper" } });
    const v = await version(accountId);
    const edit = updateLoginSchema.parse({
      accountId, version: String(v), loginId, status: "ACTIVE", passwordChangedAt: daysAgo(200), role: "PRIMARY", email: "b@kumo.example", personId: sub.id,
      invitedAt: "", acceptedAt: "", lastLoginAt: daysAgo(3), passwordReused: "yes", sharedWith: helper.id, sharedWithSent: "1",
    });
    await updateLogin(scope, edit);
    const after = await db.login.findUniqueOrThrow({ where: { id: loginId }, include: { usedBy: true } });
    expect(after).toMatchObject({ email: "b@kumo.example", personId: sub.id, passwordReused: true });
    expect(after.usedBy.map((u) => u.personId).sort()).toEqual([sub.id, helper.id].sort());
    for (const rule of ["PASSWORD_REUSED", "STALE_PASSWORD", "PRIMARY_HELD_BY_OUTSIDER", "SHARED_PRIMARY_LOGIN"]) expect(await open(accountId, rule), rule).toBe(1);
    const [event] = await events(orgId, "login.updated");
    expect(event.before).toMatchObject({ email: "a@kumo.example", passwordReused: false });
    expect(event.after).toMatchObject({ email: "b@kumo.example", passwordReused: true, personId: sub.id, usedBy: [sub.id, helper.id].sort() });

    // Nobody ticked: the login is the owner's alone again, and the sharing finding resolves.
    await updateLogin(scope, { ...edit, version: await version(accountId), sharedWith: [], sharedWithSent: "1" });
    expect(await open(accountId, "SHARED_PRIMARY_LOGIN")).toBe(0);
    expect(await db.loginUser.count({ where: { loginId } })).toBe(1);

    const stale = await failure(updateLogin(scope, { ...edit, email: "c@kumo.example" }));
    expect(stale?.code).toBe("CONFLICT");
    expect(stale?.current).toMatchObject({ email: "b@kumo.example", passwordReused: "yes", version: String(v + 2) });

    const second = await failure(createLogin(scope, createLoginSchema.parse({ accountId, version: String(await version(accountId)), role: "PRIMARY", personId: sub.id, status: "ACTIVE" })));
    expect(second?.details).toEqual({ role: "validation.onePrimary" });
    const other = await createTenant(db);
    const foreign = await db.person.create({ data: { orgId: other.orgId, name: "Not yours" } });
    const stranger = await failure(createLogin(scope, createLoginSchema.parse({ accountId, version: String(await version(accountId)), role: "SECONDARY", personId: foreign.id, status: "ACTIVE" })));
    expect(stranger?.details).toEqual({ personId: "validation.unknownPerson" });
    expect(await db.login.count({ where: { accountId } })).toBe(1);
  });

  it("removes a login with its methods and grants, audited with what went", async () => {
    const { orgId, scope, accountId } = await emptyAccount();
    const { id: loginId } = await createLogin(scope, createLoginSchema.parse({ accountId, version: String(await version(accountId)), role: "SECONDARY", personName: "Temp", status: "ACTIVE", acceptedAt: daysAgo(5), invitedAt: daysAgo(6) }));
    await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "SMS", role: "PRIMARY", label: null, phoneLast4: "9999", deviceId: null });
    await db.permissionGrant.create({ data: { orgId, loginId, toolId: "INVENTORY", level: "VIEW" } });
    expect((await failure(removeLogin(scope, { accountId, version: 1, loginId, confirm: "yes" })))?.code).toBe("CONFLICT");
    await removeLogin(scope, { accountId, version: await version(accountId), loginId, confirm: "yes" });
    expect(await db.login.count({ where: { id: loginId } })).toBe(0);
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(0);
    expect(await db.permissionGrant.count({ where: { loginId } })).toBe(0);
    const [event] = await events(orgId, "login.removed");
    expect(event.before).toMatchObject({ role: "SECONDARY", twoStep: [{ kind: "SMS", phoneLast4: "9999" }], permissions: [{ toolId: "INVENTORY", level: "VIEW" }] });
  });
});

describe("the same login or 2SV method typed twice (new-user pass, stop 40)", () => {
  const loginForm = async (accountId: string, over: Record<string, string>) => {
    const fields = { accountId, version: String(await version(accountId)), role: "SECONDARY", status: "ACTIVE", personName: "Kumo Staff", personExternal: "no", ...over };
    // Another person of a name already there, confirmed for that name (decision 070).
    return createLoginSchema.parse({ ...fields, confirmSameName: "yes", sameNameAsked: fields.personName });
  };

  it("a second login with the same e-mail in another case is refused and changes nothing; another account may hold it; an edit into a copy is refused too", async () => {
    const { scope, accountId } = await emptyAccount();
    const { id: first } = await createLogin(scope, await loginForm(accountId, { role: "PRIMARY", email: "owner@kumo.example", personName: "Kumo Owner" }));
    // A row typed before e-mails were lower-cased (or imported) in another case still counts.
    await db.login.update({ where: { id: first }, data: { email: "Owner@Kumo.example" } });
    const before = await version(accountId);
    const refused = await failure(createLogin(scope, await loginForm(accountId, { email: "OWNER@kumo.example" })));
    expect(refused?.code).toBe("INVALID_INPUT");
    expect(refused?.details).toEqual({ email: "validation.loginEmailTaken" });
    expect(await db.login.count({ where: { accountId } })).toBe(1);
    expect(await db.person.count({ where: { orgId: scope.orgId, name: "Kumo Staff" } })).toBe(0);
    expect(await version(accountId)).toBe(before);

    const other = await createAccount(scope, { storeName: "Kumo Two", sellerId: null, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", clientId: null });
    await createLogin(scope, await loginForm(other.id, { email: "owner@kumo.example" }));

    const { id: second } = await createLogin(scope, await loginForm(accountId, { email: "staff@kumo.example" }));
    const edit = updateLoginSchema.parse({ accountId, version: String(await version(accountId)), loginId: second, status: "ACTIVE", passwordChangedAt: "", email: "OWNER@KUMO.EXAMPLE" });
    expect((await failure(updateLogin(scope, edit)))?.details).toEqual({ email: "validation.loginEmailTaken" });
    expect((await db.login.findUniqueOrThrow({ where: { id: second } })).email).toBe("staff@kumo.example");
    // Re-saving a login with its own address is no clash.
    await updateLogin(scope, updateLoginSchema.parse({ accountId, version: String(await version(accountId)), loginId: first, status: "ACTIVE", passwordChangedAt: "", email: "owner@kumo.example" }));
    // Logins without a recorded e-mail (null = unknown, as in a snapshot) are not duplicates of each other.
    await createLogin(scope, await loginForm(accountId, { email: "" }));
    await createLogin(scope, await loginForm(accountId, { email: "" }));
    expect(await db.login.count({ where: { accountId, email: null } })).toBe(2);
  });

  it("a removed login may share an address; bringing it back onto an address another login holds is refused (decision 074)", async () => {
    const { scope, accountId } = await emptyAccount();
    await createLogin(scope, await loginForm(accountId, { role: "PRIMARY", email: "owner@kumo.example", personName: "Kumo Owner" }));
    const { id: removed } = await createLogin(scope, await loginForm(accountId, { email: "OWNER@kumo.example", status: "REMOVED" }));
    const before = await version(accountId);
    const back = updateLoginSchema.parse({ accountId, version: String(before), loginId: removed, status: "ACTIVE", passwordChangedAt: "" });
    expect((await failure(updateLogin(scope, back)))?.details).toEqual({ email: "validation.loginEmailTaken" });
    expect((await db.login.findUniqueOrThrow({ where: { id: removed } })).status).toBe("REMOVED");
    expect(await version(accountId)).toBe(before);
  });

  it("a second primary method is refused, added or made so by an edit; a backup is not (decision 074)", async () => {
    const { scope, accountId } = await emptyAccount();
    const { id: loginId } = await createLogin(scope, await loginForm(accountId, { role: "PRIMARY", email: "owner@kumo.example", personName: "Kumo Owner" }));
    await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "SMS", role: "PRIMARY", label: null, phoneLast4: "1234", deviceId: null });
    const app = { loginId, kind: "AUTHENTICATOR_APP", label: null, phoneLast4: null, deviceId: null } as const;
    expect((await failure(addTwoStepMethod(scope, { accountId, version: await version(accountId), ...app, role: "PRIMARY" })))?.details).toEqual({ role: "validation.onePrimaryMethod" });
    const backupId = await addTwoStepMethod(scope, { accountId, version: await version(accountId), ...app, role: "BACKUP" });
    const promote = updateTwoStepMethodSchema.parse({ accountId, version: String(await version(accountId)), methodId: backupId, kind: "AUTHENTICATOR_APP", role: "PRIMARY" });
    expect((await failure(updateTwoStepMethod(scope, promote)))?.details).toEqual({ role: "validation.onePrimaryMethod" });
    expect(await db.twoStepMethod.count({ where: { loginId, role: "PRIMARY" } })).toBe(1);
  });

  it("the same SMS method twice is refused (SINGLE_2SV_METHOD stays open); a copy made by an edit too; another number is a second method", async () => {
    const { scope, accountId } = await emptyAccount();
    const { id: loginId } = await createLogin(scope, await loginForm(accountId, { role: "PRIMARY", email: "owner@kumo.example", personName: "Kumo Owner" }));
    const sms = { loginId, kind: "SMS", role: "PRIMARY", label: null, phoneLast4: "1234", deviceId: null } as const;
    await addTwoStepMethod(scope, { accountId, version: await version(accountId), ...sms });
    expect(await open(accountId, "SINGLE_2SV_METHOD")).toBe(1);
    const before = await version(accountId);
    const refused = await failure(addTwoStepMethod(scope, { accountId, version: before, ...sms, label: "same phone" }));
    expect(refused?.details).toEqual({ kind: "validation.twoStepMethodTaken" });
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(1);
    expect(await version(accountId)).toBe(before);
    expect(await open(accountId, "SINGLE_2SV_METHOD")).toBe(1);

    const backupId = await addTwoStepMethod(scope, { accountId, version: await version(accountId), ...sms, role: "BACKUP", phoneLast4: "5678" });
    expect(await open(accountId, "SINGLE_2SV_METHOD")).toBe(0);
    const copy = updateTwoStepMethodSchema.parse({ accountId, version: String(await version(accountId)), methodId: backupId, kind: "SMS", role: "BACKUP", phoneLast4: "1234" });
    expect((await failure(updateTwoStepMethod(scope, copy)))?.details).toEqual({ kind: "validation.twoStepMethodTaken" });
    expect((await db.twoStepMethod.findUniqueOrThrow({ where: { id: backupId } })).phoneLast4).toBe("5678");
    // Saving a method unchanged (its own values) is no clash.
    await updateTwoStepMethod(scope, { ...copy, version: await version(accountId), phoneLast4: "5678", label: "old phone" });
  });

  it("two authenticator apps with no device recorded are two methods: the backup a primary app needs is accepted, and either can be edited", async () => {
    const { scope, accountId } = await emptyAccount();
    const { id: loginId } = await createLogin(scope, await loginForm(accountId, { role: "PRIMARY", email: "owner@kumo.example", personName: "Kumo Owner" }));
    const app = { loginId, kind: "AUTHENTICATOR_APP", role: "PRIMARY", label: "Google Authenticator", phoneLast4: null, deviceId: null } as const;
    await addTwoStepMethod(scope, { accountId, version: await version(accountId), ...app });
    const backupId = await addTwoStepMethod(scope, { accountId, version: await version(accountId), ...app, role: "BACKUP", label: "1Password" });
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(2);
    expect(await open(accountId, "SINGLE_2SV_METHOD")).toBe(0);
    const relabel = updateTwoStepMethodSchema.parse({ accountId, version: String(await version(accountId)), methodId: backupId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: "1Password (work)" });
    await updateTwoStepMethod(scope, relabel);
    expect((await db.twoStepMethod.findUniqueOrThrow({ where: { id: backupId } })).label).toBe("1Password (work)");
  });

  it("e-mails compare as text: an underscore is not a wildcard; a removed login's address may be recorded again", async () => {
    const { scope, accountId } = await emptyAccount();
    await createLogin(scope, await loginForm(accountId, { role: "PRIMARY", email: "sato.h@kumo.example", personName: "Kumo Owner" }));
    await createLogin(scope, await loginForm(accountId, { email: "sato_h@kumo.example" }));
    expect(await db.login.count({ where: { accountId } })).toBe(2);
    const { id: gone } = await createLogin(scope, await loginForm(accountId, { email: "left@kumo.example" }));
    await db.login.update({ where: { id: gone }, data: { status: "REMOVED" } });
    await createLogin(scope, await loginForm(accountId, { email: "LEFT@kumo.example" }));
    expect(await db.login.count({ where: { accountId, email: { in: ["left@kumo.example"] } } })).toBe(2);
  });
});
