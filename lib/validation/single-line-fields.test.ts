import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { savePartnerSchema, saveAppSchema } from "./account-children";
import { addTwoStepMethodSchema, updateLoginSchema } from "./account-edits";
import { createAccountSchema, updateAccountSchema } from "./account-form";
import { createApiTokenSchema } from "./api-tokens";
import { createClientSchema, renameClientSchema } from "./clients";
import { createLoginSchema } from "./login-form";
import { changeMemberSchema, inviteClientOwnerSchema } from "./members";
import { createPersonSchema, saveDeviceSchema, updatePersonSchema } from "./person-form";
import { startCampaignSchema } from "./reviews";
import { newOrganisationSchema } from "./setup";
import { CONTROL_CHARACTER_KEY } from "./text";

// The forms' shared check lets tab and line breaks through for text areas (lib/forms/control-characters.ts), so every
// one-line field must refuse them in its own schema: a client "Tab\tName" was once stored with the tab.
const account = { storeName: "Kumo Books", sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: "" };
const child = { accountId: "a-1", version: "1" };
const cases: [string, z.ZodType, Record<string, unknown>, string][] = [
  ["client (new)", createClientSchema, { name: "Kumo KK" }, "name"],
  ["client (rename)", renameClientSchema, { clientId: "c-1", version: "1", name: "Kumo KK" }, "name"],
  ["client (rename) id", renameClientSchema, { clientId: "c-1", version: "1", name: "Kumo KK" }, "clientId"],
  ["account store name", createAccountSchema, account, "storeName"],
  ["account store name (edit)", updateAccountSchema, { ...account, accountId: "a-1", version: "1" }, "storeName"],
  ["account id (edit)", updateAccountSchema, { ...account, accountId: "a-1", version: "1" }, "accountId"],
  ["login e-mail", createLoginSchema, { ...child, role: "SECONDARY", status: "ACTIVE", personName: "Aoi", email: "aoi@kumo.example" }, "email"],
  ["login's new person", createLoginSchema, { ...child, role: "SECONDARY", status: "ACTIVE", personName: "Aoi", email: "aoi@kumo.example" }, "personName"],
  ["login e-mail (edit)", updateLoginSchema, { ...child, loginId: "l-1", status: "ACTIVE", passwordChangedAt: "", email: "aoi@kumo.example" }, "email"],
  ["login id (edit)", updateLoginSchema, { ...child, loginId: "l-1", status: "ACTIVE", passwordChangedAt: "" }, "loginId"],
  ["2SV label", addTwoStepMethodSchema, { ...child, loginId: "l-1", kind: "SMS", role: "PRIMARY", phoneLast4: "1234", label: "iPhone" }, "label"],
  ["2SV device", addTwoStepMethodSchema, { ...child, loginId: "l-1", kind: "SMS", role: "PRIMARY", phoneLast4: "1234", deviceId: "d-1" }, "deviceId"],
  ["person name", createPersonSchema, { name: "Sato Hana", external: "no" }, "name"],
  ["person company", createPersonSchema, { name: "Sato Hana", company: "Kumo KK", external: "no" }, "company"],
  ["person e-mail", updatePersonSchema, { personId: "p-1", version: "1", name: "Sato Hana", email: "hana@kumo.example", external: "no" }, "email"],
  ["device label", saveDeviceSchema, { personId: "p-1", kind: "PHONE", label: "iPhone", skipOtpOnBrowser: "no" }, "label"],
  ["partner company", savePartnerSchema, { ...child, company: "Blue Agency" }, "company"],
  ["app name", saveAppSchema, { ...child, appName: "RepricerX", developer: "Repricer Inc" }, "appName"],
  ["app developer", saveAppSchema, { ...child, appName: "RepricerX", developer: "Repricer Inc" }, "developer"],
  ["review campaign name", startCampaignSchema, { name: "Q4 review", clientIds: "c-1", accountIds: "", reviewerIds: "u-1", dueOn: "2027-01-31" }, "name"],
  ["organisation name", newOrganisationSchema, { orgName: "Kumo Agency", locale: "ja", name: "Kato Ren", email: "ren@kumo.example", password: "kumo lantern harbour 2026", confirmPassword: "kumo lantern harbour 2026" }, "orgName"],
  ["new Owner's name", newOrganisationSchema, { orgName: "Kumo Agency", locale: "ja", name: "Kato Ren", email: "ren@kumo.example", password: "kumo lantern harbour 2026", confirmPassword: "kumo lantern harbour 2026" }, "name"],
  ["API token name", createApiTokenSchema, { name: "CI token", scope: "read" }, "name"],
  ["member id", changeMemberSchema, { membershipId: "m-1", role: "VIEWER" }, "membershipId"],
  ["client portal's client", inviteClientOwnerSchema, { clientId: "c-1", email: "owner@kumo.example" }, "clientId"],
];

const withTab = (value: unknown) => (typeof value === "string" && value.includes("@") ? value.replace("@", "\t@") : `${String(value).slice(0, 2)}\t${String(value).slice(2)}`);

describe("one-line fields refuse a tab", () => {
  it.each(cases)("%s: accepted without one", (_, schema, input) => {
    const parsed = schema.safeParse(input);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(cases)("%s: refused with one", (_, schema, input, field) => {
    const parsed = schema.safeParse({ ...input, [field]: withTab(input[field]) });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.filter((i) => i.path[0] === field).map((i) => i.message);
    // An e-mail with a tab is no address: its own message says so.
    expect(messages.length).toBeGreaterThan(0);
    if (!field.toLowerCase().includes("email")) expect(messages).toContain(CONTROL_CHARACTER_KEY);
  });

  it("a newline too, in a name", () => {
    expect(createClientSchema.safeParse({ name: "Kumo\nKK" }).error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTER_KEY]);
  });
});
