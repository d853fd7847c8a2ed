import "server-only";
import type { FieldSpec } from "@/components/action-form";
import type { AccountPageModel } from "@/lib/db/accounts/account-page-model";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { MethodDeviceChoice } from "@/lib/db/accounts/method-devices";
import { sparseRecordValues } from "@/lib/forms/shared-fields";
import { withoutMarketplaceChoices } from "@/lib/forms/marketplace-choices";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { OTHER_ROLES } from "@/lib/validation/account-children";
import { grantField } from "@/lib/validation/permission-form";
import { dateToDay } from "@/lib/validation/record-fields";
import { accountFields } from "../../_components/account-fields";
import { personPickerField } from "../../../_components/person-picker-field";
import type { AccountEditing, ChildKind, ChildRecord, EditingSummaries, LoginEditorRecord } from "./account-editing-types";
import { loginEditFields, loginEditValues, loginFields, newPersonFields } from "./login-fields";
import { firstMethodRole } from "@/lib/accounts/first-method-role";

type Login = AccountDetail["logins"][number];

// The account page's editors as data, built when a writer opens one (decision 063), from the same read the page
// makes. Every form names the account's version: a stale one is refused with the current values.

/**
 * The devices a method may be on, grouped: those this account's methods already use, then each login holder's other
 * devices under their name (probe 45, M3: a phone added on the person's page could not be chosen).
 */
function deviceOptions(t: Translate, devices: MethodDeviceChoice[]): NonNullable<FieldSpec["options"]> {
  const label = (d: MethodDeviceChoice) => `${d.label ?? t(`people.deviceKind.${d.kind}`)}${d.holder ? ` (${d.holder.name})` : ""}`;
  const onAccount = devices.filter((d) => d.onAccount).map((d) => ({ value: d.id, label: label(d), group: t("twoStep.devicesOnAccount") }));
  const held = devices
    .filter((d) => !d.onAccount && d.holder)
    .sort((a, b) => a.holder!.name.localeCompare(b.holder!.name) || label(a).localeCompare(label(b)))
    .map((d) => ({ value: d.id, label: d.label ?? t(`people.deviceKind.${d.kind}`), group: t("twoStep.devicesOf", { name: d.holder!.name }) }));
  return [...onAccount, ...held];
}

/** A 2SV method's fields (add, and correct in place): one list for every login's forms, each adding its method's values. */
function methodFields(t: Translate, devices: MethodDeviceChoice[]): FieldSpec[] {
  return [
    { name: "kind", label: t("twoStep.kind"), type: "select", options: (["AUTHENTICATOR_APP", "SMS", "VOICE"] as const).map((k) => ({ value: k, label: t(`twoStepKind.${k}`) })) },
    { name: "role", label: t("twoStep.role"), type: "select", defaultValue: "BACKUP", options: (["PRIMARY", "BACKUP"] as const).map((r) => ({ value: r, label: t(`methodRole.${r}`) })) },
    { name: "label", label: t("twoStep.label"), type: "text" },
    { name: "phoneLast4", label: t("twoStep.phoneLast4"), type: "text", inputMode: "numeric", hint: t("twoStep.phoneLast4Hint") },
    { name: "deviceId", label: t("device.label"), type: "select", options: [{ value: "", label: t("twoStep.noDevice") }, ...deviceOptions(t, devices)] },
  ];
}

function loginRecord(t: Translate, login: Login, methods: FieldSpec[], values: Record<string, string> | undefined, people: { id: string; name: string }[]): LoginEditorRecord {
  const form = values && loginEditValues(people, values);
  return {
    id: login.id,
    form: form ? { ...form, values: sparseRecordValues(loginEditFields(t), form.values) } : { fields: loginFields(t, people, null) },
    methods: login.twoStepMethods.map((m) => ({
      id: m.id,
      values: sparseRecordValues(methods, { kind: m.kind, role: m.role, label: m.label ?? "", phoneLast4: m.phoneLast4 ?? "", deviceId: m.device?.id ?? "" }),
    })),
    addMethodValues: { role: firstMethodRole(login.twoStepMethods) },
    levels: login.role === "SECONDARY" ? Object.fromEntries(login.permissions.map((p) => [grantField(p.toolId, p.marketplace), p.level])) : null,
    removeWhat: t("logins.removeWhat", { methods: login.twoStepMethods.length, grants: login.permissions.length }),
  };
}

/** The add form: the edit form's fields but "also used by", a new person's name after the person, and the first login offered as the primary user. */
function addLoginFields(t: Translate, account: AccountDetail, people: { id: string; name: string }[]): FieldSpec[] {
  const hasPrimary = account.logins.some((l) => l.role === "PRIMARY");
  const person = loginFields(t, people, null).find((f) => f.name === "personId")!;
  const fields = loginEditFields(t)
    .filter((f) => f.name !== "sharedWith")
    .map((f) => (f.name === "personId" ? person : f.name === "role" && !hasPrimary ? { ...f, defaultValue: "PRIMARY" } : f));
  fields.splice(fields.findIndex((f) => f.name === "personId") + 1, 0, ...newPersonFields(t));
  return fields;
}

function childFields(t: Translate): Record<ChildKind, FieldSpec[]> {
  return {
    partner: [
      { name: "company", label: t("partners.company"), type: "text", required: true, defaultValue: "" },
      { name: "linkSentAt", label: t("partner.linkSentAt"), type: "date", defaultValue: "" },
      { name: "acceptedAt", label: t("partner.acceptedAt"), type: "date", defaultValue: "" },
    ],
    app: [
      { name: "appName", label: t("apps.name"), type: "text", required: true, defaultValue: "" },
      { name: "developer", label: t("apps.developer"), type: "text", defaultValue: "" },
      { name: "authorizedAt", label: t("app.authorizedAt"), type: "date", defaultValue: "" },
      { name: "expiresAt", label: t("app.expiresAt"), type: "date", defaultValue: "" },
    ],
    otherAccess: [
      personPickerField(t, { name: "personId", label: t("otherAccess.person") }, null),
      { name: "console", label: t("otherAccess.console"), type: "select", defaultValue: "ADS", options: (["ADS", "BRAND_REGISTRY"] as const).map((c) => ({ value: c, label: t(`console.${c}`) })) },
      { name: "role", label: t("otherAccess.role"), type: "select", defaultValue: "VIEWER", options: OTHER_ROLES.map((r) => ({ value: r, label: t(`otherRole.${r}`) })) },
    ],
  };
}

function childRecords(account: AccountDetail): Record<string, ChildRecord> {
  const records: ChildRecord[] = [
    ...account.partners.map((p) => ({ id: p.id, values: { company: p.company, linkSentAt: dateToDay(p.linkSentAt), acceptedAt: dateToDay(p.acceptedAt) } })),
    ...account.apps.map((a) => ({ id: a.id, values: { appName: a.appName, developer: a.developer ?? "", authorizedAt: dateToDay(a.authorizedAt), expiresAt: dateToDay(a.expiresAt) } })),
    ...account.otherAccess.map((o) => ({ id: o.id, values: { personId: o.person.id, console: o.console, role: o.role }, pickers: { personId: { selectedName: o.person.name } } })),
  ];
  return Object.fromEntries(records.map((r) => [r.id, r]));
}

/**
 * Every editor of the account page, for a writer: null when the model carries no editing (a Viewer's read).
 * `clientRequired`: a Manager's account must stay with one of their clients (no "no client" choice). `devices`: what
 * a 2SV method may be linked to (methodDeviceChoices).
 */
export function accountEditingOf(model: AccountPageModel, t: Translate, locale: "ja" | "en", clientRequired: boolean, devices: MethodDeviceChoice[]): AccountEditing | null {
  const { account, editing } = model;
  if (!editing) return null;
  const methods = methodFields(t, devices);
  return {
    accountId: account.id,
    version: account.version,
    locale,
    messages: formMessages(t, "form.saved"),
    words: {
      save: t("form.save"), saving: t("form.saving"), removeConfirm: t("form.removeConfirm"),
      addLogin: t("logins.create"), addMethod: t("twoStep.add"), addMethodSubmit: t("twoStep.addSubmit"), editMethod: t("twoStep.edit"),
      removeMethodAsk: t("twoStep.removeAsk"), removeMethodWhat: t("twoStep.removeWhat"), editPermissions: t("permissions.edit"), removeLogin: t("logins.remove"),
      removeChildWhat: t("children.removeWhat"),
    },
    account: {
      fields: withoutMarketplaceChoices(accountFields(t, editing.clients, account, clientRequired, true)),
      removeWhat: t("accounts.removeWhat", { ...editing.removal }),
    },
    addLogin: { fields: addLoginFields(t, account, editing.people) },
    logins: {
      editFields: loginEditFields(t),
      methodFields: methods,
      marketplaces: account.marketplaces,
      matrix: account.logins.some((l) => l.role === "SECONDARY")
        ? {
            caption: t("account.permissions"), tool: t("permissions.tool"), global: t("permissions.global"), save: t("form.save"), saving: t("form.saving"), saved: t("form.saved"),
            levels: { NONE: t("level.NONE"), VIEW: t("level.VIEW"), VIEW_EDIT: t("level.VIEW_EDIT"), ADMIN: t("level.ADMIN") },
          }
        : null,
      records: Object.fromEntries(account.logins.map((l) => [l.id, loginRecord(t, l, methods, editing.loginValues.get(l.id), editing.people)])),
    },
    children: { fields: childFields(t), records: childRecords(account) },
  };
}

/** The closed editors' words, on the page itself. */
export function editingSummaries(t: Translate): EditingSummaries {
  return {
    editLogin: t("login.edit"), addLogin: t("logins.add"), editAccount: t("accounts.edit"), removeAccount: t("accounts.remove"),
    editChild: t("children.edit"), removeChild: t("children.remove"),
    addChild: { partner: t("partners.add"), app: t("apps.add"), otherAccess: t("otherAccess.add") },
    loading: t("editing.loading"), failed: t("editing.failed"), retry: t("editing.retry"),
  };
}
