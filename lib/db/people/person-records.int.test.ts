import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createPersonSchema, saveDeviceSchema, updatePersonSchema } from "@/lib/validation/person-form";
import { createTenant, daysAgo, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { recomputeOrganisations } from "../risk/recompute-all";
import { personListQuerySchema } from "@/lib/validation/people";
import { listPeople } from "./read-people";
import { createPerson, mergePeople, personRemovalPreview, removeDevice, removePerson, saveDevice, updatePerson } from "./person-records";

const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

/** One account; Sato's primary login, and a second record of the same human ("H. Sato") using a secondary login. */
async function world() {
  const { orgId, userId } = await createTenant(db);
  const scope = await scopeFor(userId);
  const ids = await importSnapshot(db, orgId, {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-sato", name: "Sato Hana", company: "Kumo KK" }, { id: "p-dup", name: "H. Sato", company: "Kumo KK" }, { id: "p-ito", name: "Ito Ren", company: "Kumo KK" }],
    devices: [{ id: "d-phone", kind: "PHONE", label: "Shared phone", holderId: "p-sato" }],
    accounts: [{
      id: "acc", storeName: "Kumo", sellerId: "A2EXAMPLE0077", region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(1),
      logins: [
        { id: "primary", role: "PRIMARY", personId: "p-sato", status: "ACTIVE", lastLoginAt: daysAgo(1), twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone", phoneLast4: "1111" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP" }] },
        { id: "dup", role: "SECONDARY", personId: "p-dup", status: "ACTIVE", lastLoginAt: daysAgo(1), twoStep: [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY" }, { kind: "SMS", role: "BACKUP", phoneLast4: "2222" }] },
        { id: "ito", role: "SECONDARY", personId: "p-ito", status: "ACTIVE", lastLoginAt: daysAgo(1), twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone", phoneLast4: "1111" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP" }] },
      ],
    }],
  });
  await recomputeOrganisations(db, { today, orgIds: [orgId] });
  const accountId = ids("account", "acc");
  return { orgId, scope, ids, accountId, open: (rule: string) => db.finding.count({ where: { accountId, ruleId: rule, status: "OPEN" } }) };
}

describe("people and devices edited by hand", () => {
  it("adds a person on their own (audited), and removes one who owns no login: their use of a shared login and Ads access go, findings follow, their device stays unheld; an owner of logins is refused", async () => {
    const { orgId, scope, ids, accountId, open } = await world();
    expect(createPersonSchema.safeParse({ name: "", external: "no" }).success).toBe(false);
    const { id: vendorId } = await createPerson(scope, createPersonSchema.parse({ name: "Vendor Staff", email: "Staff@Vendor.example", company: "Vendor KK", external: "yes", departedAt: "" }));
    expect(await db.person.findUniqueOrThrow({ where: { id: vendorId } })).toMatchObject({ email: "staff@vendor.example", external: true, source: "FORM", verifiedById: scope.userId });
    expect((await db.auditEvent.findMany({ where: { orgId, action: "person.created" } }))[0].after).toMatchObject({ name: "Vendor Staff" });

    // The vendor uses the primary login (SHARED_PRIMARY_LOGIN), holds Ads access, and holds a phone.
    const primary = ids("login", "acc/primary");
    await db.loginUser.create({ data: { orgId, loginId: primary, personId: vendorId } });
    await db.otherAccess.create({ data: { orgId, accountId, personId: vendorId, console: "ADS", role: "ADMIN" } });
    const phone = await db.device.create({ data: { orgId, kind: "PHONE", label: "Vendor phone", holderId: vendorId } });
    await recomputeOrganisations(db, { today, orgIds: [orgId] });
    expect(await open("SHARED_PRIMARY_LOGIN")).toBe(1);
    expect(await open("LEFTOVER_ACCESS")).toBe(1);
    expect(await personRemovalPreview(scope, vendorId)).toEqual({ ownedLogins: 0, loginUses: 1, otherAccess: 1, devices: 1 });

    const owner = ids("person", "p-sato");
    const refused = await failure(removePerson(scope, { personId: owner, version: 1, confirm: "yes" }));
    expect(refused?.message).toBe("validation.personOwnsLogins");
    expect(await db.person.count({ where: { id: owner } })).toBe(1);

    await removePerson(scope, { personId: vendorId, version: 1, confirm: "yes" });
    expect(await db.person.count({ where: { id: vendorId } })).toBe(0);
    expect(await open("SHARED_PRIMARY_LOGIN")).toBe(0);
    expect(await open("LEFTOVER_ACCESS")).toBe(0);
    expect((await db.device.findUniqueOrThrow({ where: { id: phone.id } })).holderId).toBeNull();
    const removed = await db.auditEvent.findMany({ where: { orgId, action: "person.removed" } });
    expect(removed).toHaveLength(1);
    expect(removed[0].before).toMatchObject({ name: "Vendor Staff", loginUses: 1, otherAccess: 1, devicesUnheld: 1 });
  });

  it("editing a person recomputes their accounts (departed → OFFBOARDED_STILL_ACTIVE) and is audited; a stale form gets the current values", async () => {
    const { orgId, scope, ids, open } = await world();
    const personId = ids("person", "p-ito");
    expect(await open("OFFBOARDED_STILL_ACTIVE")).toBe(0);
    const form = updatePersonSchema.parse({ personId, version: "1", name: "Ito Ren", email: "ito@kumo.example", company: "Kumo KK", external: "no", departedAt: daysAgo(2) });
    await updatePerson(scope, form);
    expect(await open("OFFBOARDED_STILL_ACTIVE")).toBe(1);
    const [event] = await db.auditEvent.findMany({ where: { orgId, action: "person.updated" } });
    expect(event.before).toMatchObject({ name: "Ito Ren", departedAt: null });
    expect(event.after).toMatchObject({ email: "ito@kumo.example" });
    const stale = await failure(updatePerson(scope, { ...form, name: "Someone else" }));
    expect(stale?.code).toBe("CONFLICT");
    expect(stale?.current).toMatchObject({ name: "Ito Ren", version: "2", email: "ito@kumo.example" });
    expect(updatePersonSchema.safeParse({ ...form, version: "2", departedAt: "2999-01-01", external: "no" }).success).toBe(false);
  });

  it("merges two records of one human: logins, uses and devices move, the duplicate goes, findings and access totals follow", async () => {
    const { orgId, scope, ids, accountId } = await world();
    const kept = ids("person", "p-sato");
    const dup = ids("person", "p-dup");
    await mergePeople(scope, { personId: kept, version: 1, duplicateId: dup, confirm: "yes" });
    expect(await db.person.count({ where: { id: dup } })).toBe(0);
    expect(await db.login.findUniqueOrThrow({ where: { id: ids("login", "acc/dup") }, select: { personId: true } })).toEqual({ personId: kept });
    expect(await db.loginUser.count({ where: { loginId: ids("login", "acc/dup"), personId: kept } })).toBe(1);
    expect(await db.personAccess.findUniqueOrThrow({ where: { personId: kept } })).toMatchObject({ activeLogins: 2, accounts: 1 });
    const [event] = await db.auditEvent.findMany({ where: { orgId, action: "person.merged" } });
    expect(event.before).toMatchObject({ duplicate: { id: dup, name: "H. Sato" } });
    expect(event.after).toMatchObject({ moved: { logins: 1 } });
    expect(await db.finding.count({ where: { accountId, subjectId: dup, status: "OPEN" } })).toBe(0);
    expect((await failure(mergePeople(scope, { personId: kept, version: 2, duplicateId: "not-a-person", confirm: "yes" })))?.details).toEqual({ duplicateId: "validation.unknownPerson" });
  });

  it("devices: a shared phone with the code skipped raises OTP_SKIP_ON_SHARED_DEVICE; removing the device resolves SHARED_2SV_DEVICE; each audited", async () => {
    const { orgId, scope, ids, open } = await world();
    const deviceId = ids("device", "d-phone");
    const holder = ids("person", "p-sato");
    expect(await open("SHARED_2SV_DEVICE")).toBe(1);
    expect(await open("OTP_SKIP_ON_SHARED_DEVICE")).toBe(0);
    await saveDevice(scope, saveDeviceSchema.parse({ personId: holder, deviceId, version: "1", kind: "PHONE", label: "Shared phone", holderId: holder, skipOtpOnBrowser: "yes" }));
    expect(await open("OTP_SKIP_ON_SHARED_DEVICE")).toBe(1);
    expect((await failure(saveDevice(scope, saveDeviceSchema.parse({ personId: holder, deviceId, version: "1", kind: "PHONE", holderId: holder, skipOtpOnBrowser: "no" }))))?.current).toMatchObject({ skipOtpOnBrowser: "yes", version: "2" });
    await removeDevice(scope, { personId: holder, deviceId, version: 2, confirm: "yes" });
    expect(await open("SHARED_2SV_DEVICE")).toBe(0);
    expect(await db.twoStepMethod.count({ where: { orgId, phoneLast4: "1111" } })).toBe(2); // the methods stay, without a device
    const actions = (await db.auditEvent.findMany({ where: { orgId, entityType: "Device" }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["device.updated", "device.removed"]);
    // A new device for someone of another organisation is refused at the holder field.
    const other = await createTenant(db);
    const foreign = await db.person.create({ data: { orgId: other.orgId, name: "Not yours" } });
    expect((await failure(saveDevice(scope, saveDeviceSchema.parse({ personId: holder, kind: "PHONE", holderId: foreign.id, skipOtpOnBrowser: "no" }))))?.details).toEqual({ holderId: "validation.unknownPerson" });
  });

  it("lists a person typed in by hand in the default order, most access first: createPerson stores their (empty) access", async () => {
    const { orgId, scope } = await world();
    const { id } = await createPerson(scope, createPersonSchema.parse({ name: "Typed In", email: "", company: "", external: "no", departedAt: "" }));
    expect(await db.personAccess.findUnique({ where: { personId: id } })).toMatchObject({ orgId, activeLogins: 0, adminLogins: 0, accounts: 0, devices: 0 });
    const page = await listPeople(scope, personListQuerySchema.parse({}));
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.name)).toContain("Typed In");
  });
});
