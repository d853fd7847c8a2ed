import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEditingOf } from "@/app/(app)/accounts/[id]/_components/account-editing";
import { translator } from "@/lib/jobs/digest";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { readAccountPageModel } from "./account-page-model";
import { addTwoStepMethod } from "./account-writes";
import { methodDeviceChoices } from "./method-devices";

// Probe 45, M3: a 2SV method's Device select offered only devices already used on the account, so a phone added on
// its holder's page could never be linked by hand (nor SHARED_2SV_DEVICE come from typed-in data). It offers the
// devices of the people who hold the account's logins too, under their name; only this organisation's.
const db = testDb();
let owner: Awaited<ReturnType<typeof scopeFor>>;
let ids: Awaited<ReturnType<typeof importSnapshot>>;
let otherTenantDevice: string;
let accountId: string;

beforeAll(async () => {
  const tenant = await createTenant(db);
  const snapshot = oneAccountSnapshot("Device Store");
  snapshot.people!.push(
    { id: "p-staff", name: "Staff", external: false, company: null, departedAt: null },
    { id: "p-elsewhere", name: "Elsewhere", external: false, company: null, departedAt: null },
  );
  snapshot.devices!.push(
    // Added on the owner's page, used by no method yet: the one the form never offered.
    { id: "d-ipad", kind: "PHONE", label: "Shared office iPad", holderId: "p-owner", skipOtpOnBrowser: true },
    { id: "d-staff", kind: "AUTHENTICATOR_APP", label: "Staff app", holderId: "p-staff", skipOtpOnBrowser: false },
    // Held by someone with no login on this account: not this account's to offer.
    { id: "d-elsewhere", kind: "PHONE", label: "Elsewhere phone", holderId: "p-elsewhere", skipOtpOnBrowser: false },
  );
  snapshot.accounts[0].logins!.push({ id: "l-staff", role: "SECONDARY", email: "staff@shop.example", personId: "p-staff", status: "ACTIVE", lastLoginAt: null, twoStep: [], permissions: [] });
  ids = await importSnapshot(db, tenant.orgId, snapshot);
  accountId = ids("account", "acc");
  owner = await scopeFor(tenant.userId);
  const other = await createTenant(db);
  const otherIds = await importSnapshot(db, other.orgId, oneAccountSnapshot("Other Store"));
  otherTenantDevice = otherIds("device", "d-phone");
});
afterAll(() => db.$disconnect());

describe("the devices a 2SV method may be linked to", () => {
  it("are the account's own and its login holders' other devices, not another person's nor another tenant's", async () => {
    const choices = await methodDeviceChoices(owner, accountId);
    expect(choices.map((d) => [d.label, d.holder?.name, d.onAccount]).sort()).toEqual([
      ["Phone", "Owner", true],
      ["Shared office iPad", "Owner", false],
      ["Staff app", "Staff", false],
    ]);
    expect(choices.map((d) => d.id)).not.toContain(otherTenantDevice);
  });

  it("the method form offers them, grouped under 'already used here' and each holder's name", async () => {
    const model = await readAccountPageModel(owner, accountId, { labels: false, reports: false });
    const device = accountEditingOf(model, translator("en"), "en", false, await methodDeviceChoices(owner, accountId))!.logins.methodFields.find((f) => f.name === "deviceId")!;
    expect(device.options).toEqual([
      { value: "", label: "(no device)" },
      { value: ids("device", "d-phone"), label: "Phone (Owner)", group: "Already used on this account" },
      { value: ids("device", "d-ipad"), label: "Shared office iPad", group: "Owner's devices" },
      { value: ids("device", "d-staff"), label: "Staff app", group: "Staff's devices" },
    ]);
  });

  it("a device chosen from them is linked; another tenant's device id is refused and nothing is added", async () => {
    const version = async () => (await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version;
    const loginId = ids("login", "acc/l-staff");
    const method = async (deviceId: string) => ({ accountId, version: await version(), loginId, kind: "AUTHENTICATOR_APP" as const, role: "PRIMARY" as const, label: null, phoneLast4: null, deviceId });
    await expect(addTwoStepMethod(owner, await method(otherTenantDevice))).rejects.toMatchObject({ code: "INVALID_INPUT", details: { deviceId: "validation.unknownDevice" } });
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(0);
    await addTwoStepMethod(owner, await method(ids("device", "d-ipad")));
    expect(await db.twoStepMethod.findMany({ where: { loginId }, select: { deviceId: true } })).toEqual([{ deviceId: ids("device", "d-ipad") }]);
    // Linked, it is now offered as used on this account.
    expect((await methodDeviceChoices(owner, accountId)).find((d) => d.id === ids("device", "d-ipad"))).toMatchObject({ onAccount: true });
  });

  it("a client-restricted member is offered only devices the method write accepts for them (decision 082)", async () => {
    const client = await db.client.create({ data: { orgId: owner.orgId, name: "Device Client" } });
    await db.sellerAccount.update({ where: { id: accountId }, data: { clientId: client.id } });
    const user = await db.user.create({ data: { email: `m-${accountId}@test.example`, name: "Manager", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId: owner.orgId, userId: user.id, role: "MANAGER" } });
    await db.membershipClient.create({ data: { orgId: owner.orgId, membershipId: membership.id, clientId: client.id } });
    const manager = await scopeFor(user.id);
    const offered = (await methodDeviceChoices(manager, accountId)).map((d) => d.label);
    // The devices this account's methods use; the staff's app, used by no account of theirs yet, is not theirs to link.
    expect(offered).toContain("Phone");
    expect(offered).not.toContain("Staff app");
    const version = (await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version;
    await expect(addTwoStepMethod(manager, { accountId, version, loginId: ids("login", "acc/l-staff"), kind: "AUTHENTICATOR_APP", role: "BACKUP", label: null, phoneLast4: null, deviceId: ids("device", "d-staff") }))
      .rejects.toMatchObject({ code: "INVALID_INPUT", details: { deviceId: "validation.unknownDevice" } });
  });

  it("another tenant's account is not found", async () => {
    const stranger = await scopeFor((await createTenant(db)).userId);
    await expect(methodDeviceChoices(stranger, accountId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
