import type { FieldSpec, FormMessages } from "@/components/action-form";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { sharedFor } from "@/lib/i18n/shared-by-translator";
import { sparseRecordValues } from "@/lib/forms/shared-fields";
import { grantField } from "@/lib/validation/permission-form";
import { addTwoStepMethodAction, removeLoginAction, removeTwoStepMethodAction, setPermissionsAction, updateLoginAction, updateTwoStepMethodAction } from "../actions";
import { LoginEditorPanel, type LoginEditorRecord, type LoginEditorShared } from "./login-editor-panel";
import { loginEditFields, loginEditValues, loginFields } from "./login-fields";

type Login = AccountDetail["logins"][number];

interface Props {
  account: AccountDetail;
  login: Login;
  t: Translate;
  /** The login's form values (dates the page's read leaves out) and the people it can be given to. */
  values: Record<string, string> | undefined;
  people: { id: string; name: string }[];
}

/** A 2SV method's fields (add, and correct in place), once per page: each edit form adds its method's values. */
function methodFields(t: Translate, account: AccountDetail): FieldSpec[] {
  return sharedFor(t, `methodFields:${account.id}`, () => buildMethodFields(t, account));
}

function buildMethodFields(t: Translate, account: AccountDetail): FieldSpec[] {
  // The choices are the page's, built once: every login's forms name the same lists (decision 034).
  const deviceOptions = sharedFor(t, `devices:${account.id}`, () => {
    const devices = new Map<string, string>();
    for (const l of account.logins) for (const m of l.twoStepMethods) if (m.device) devices.set(m.device.id, `${m.device.label ?? m.device.kind}${m.device.holder ? ` (${m.device.holder.name})` : ""}`);
    return [{ value: "", label: t("twoStep.noDevice") }, ...[...devices].map(([value, label]) => ({ value, label }))];
  });
  return [
    { name: "kind", label: t("twoStep.kind"), type: "select", options: sharedFor(t, "twoStep.kinds", () => (["AUTHENTICATOR_APP", "SMS", "VOICE"] as const).map((k) => ({ value: k, label: t(`twoStepKind.${k}`) }))) },
    { name: "role", label: t("twoStep.role"), type: "select", defaultValue: "BACKUP", options: sharedFor(t, "twoStep.roles", () => (["PRIMARY", "BACKUP"] as const).map((r) => ({ value: r, label: t(`methodRole.${r}`) }))) },
    { name: "label", label: t("twoStep.label"), type: "text", maxLength: 100 },
    { name: "phoneLast4", label: t("twoStep.phoneLast4"), type: "text", inputMode: "numeric", maxLength: 4, hint: t("twoStep.phoneLast4Hint") },
    { name: "deviceId", label: t("device.label"), type: "select", options: deviceOptions },
  ];
}

/** The permission matrix's words, once per page (its tools are the client's catalogue and its error sentences the shared `messages`, decision 057). */
function matrixChoices(t: Translate) {
  return sharedFor(t, "permissions.matrix", () => ({
    labels: {
      caption: t("account.permissions"), tool: t("permissions.tool"), global: t("permissions.global"), save: t("form.save"), saving: t("form.saving"), saved: t("form.saved"),
      levels: { NONE: t("level.NONE"), VIEW: t("level.VIEW"), VIEW_EDIT: t("level.VIEW_EDIT"), ADMIN: t("level.ADMIN") },
    },
  }));
}

/**
 * The parts every login's editor shares, once per page (decision 038): the client panel gets this one object and
 * each login's own values, instead of each login's closed editor carrying its whole element tree in the flight
 * payload (~4.5 kB per login before: five forms' props, class names and words, repeated).
 */
export function loginEditorShared(t: Translate, account: AccountDetail, messages: FormMessages, locale: "ja" | "en"): LoginEditorShared {
  return sharedFor(t, `loginEditor:${account.id}`, () => ({
    base: { accountId: account.id, version: account.version },
    actions: { updateLogin: updateLoginAction, addMethod: addTwoStepMethodAction, updateMethod: updateTwoStepMethodAction, removeMethod: removeTwoStepMethodAction, setPermissions: setPermissionsAction, removeLogin: removeLoginAction },
    editFields: loginEditFields(t),
    methodFields: methodFields(t, account),
    messages,
    marketplaces: account.marketplaces,
    words: {
      edit: t("login.edit"), save: t("form.save"), saving: t("form.saving"), addMethod: t("twoStep.add"), addMethodSubmit: t("twoStep.addSubmit"), editMethod: t("twoStep.edit"),
      removeMethodAsk: t("twoStep.removeAsk"), removeMethodWhat: t("twoStep.removeWhat"), removeConfirm: t("form.removeConfirm"), editPermissions: t("permissions.edit"), removeLogin: t("logins.remove"),
    },
    locale,
    matrix: account.logins.some((l) => l.role === "SECONDARY") ? matrixChoices(t) : null,
  }));
}

/** Edits recorded after checking Seller Central: each one recomputes the account's findings. Needs `LoginEditorsProvider` above it. */
export function LoginEditor({ account, login, t, values, people }: Props) {
  const form = values && loginEditValues(people, values);
  const record: LoginEditorRecord = {
    id: login.id,
    // The descriptions are the page's one list; this login adds only its values (decision 034, stop 28), and only
    // those that differ from the list's defaults (decision 057).
    form: form ? { ...form, values: sparseRecordValues(loginEditFields(t), form.values) } : { fields: loginFields(t, people, null) },
    // The method's line ("SMS ••••1234 · Primary") is built by the panel from these values (decision 057).
    methods: login.twoStepMethods.map((m) => ({
      id: m.id,
      values: sparseRecordValues(methodFields(t, account), { kind: m.kind, role: m.role, label: m.label ?? "", phoneLast4: m.phoneLast4 ?? "", deviceId: m.device?.id ?? "" }),
    })),
    levels: login.role === "SECONDARY" ? Object.fromEntries(login.permissions.map((p) => [grantField(p.toolId, p.marketplace), p.level])) : null,
    removeWhat: t("logins.removeWhat", { methods: login.twoStepMethods.length, grants: login.permissions.length }),
  };
  // Mounted when opened: closed, a login costs the page its row and this record, not its five forms (decisions 034, 038).
  return <LoginEditorPanel login={record} />;
}
