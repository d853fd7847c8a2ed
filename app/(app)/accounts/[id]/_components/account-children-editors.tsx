import { Disclosure } from "@/components/disclosure";
import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import { dateToDay } from "@/lib/validation/record-fields";
import type { FormSchemaName } from "@/lib/forms/schemas";
import type { Translate } from "@/lib/i18n/server";
import { sharedFor } from "@/lib/i18n/shared-by-translator";
import { personPickerField } from "../../../_components/person-picker-field";
import { OTHER_ROLES } from "@/lib/validation/account-children";
import { removeAccountChildAction, saveAppAction, saveOtherAccessAction, savePartnerAction } from "../actions";

// Add / edit / remove forms for what hangs off an account besides logins. Each edit names the account's
// version (a stale form is refused with the current values), each removal asks first.

export interface ChildEditing {
  accountId: string;
  version: number;
  messages: FormMessages;
  people: { id: string; name: string }[];
}

type Kind = "partner" | "app" | "otherAccess";
const ACTIONS = { partner: savePartnerAction, app: saveAppAction, otherAccess: saveOtherAccessAction };
const SCHEMAS: Record<Kind, FormSchemaName> = { partner: "savePartner", app: "saveApp", otherAccess: "saveOtherAccess" };
const ID_FIELD = { partner: "partnerId", app: "appId", otherAccess: "otherAccessId" };

export function partnerFields(t: Translate, p?: { company: string; linkSentAt: Date | null; acceptedAt: Date | null }): FieldSpec[] {
  return [
    { name: "company", label: t("partners.company"), type: "text", required: true, maxLength: 100, defaultValue: p?.company ?? "" },
    { name: "linkSentAt", label: t("partner.linkSentAt"), type: "date", defaultValue: dateToDay(p?.linkSentAt) },
    { name: "acceptedAt", label: t("partner.acceptedAt"), type: "date", defaultValue: dateToDay(p?.acceptedAt) },
  ];
}

export function appFields(t: Translate, a?: { appName: string; developer: string | null; authorizedAt: Date | null; expiresAt: Date | null }): FieldSpec[] {
  return [
    { name: "appName", label: t("apps.name"), type: "text", required: true, maxLength: 100, defaultValue: a?.appName ?? "" },
    { name: "developer", label: t("apps.developer"), type: "text", maxLength: 100, defaultValue: a?.developer ?? "" },
    { name: "authorizedAt", label: t("app.authorizedAt"), type: "date", defaultValue: dateToDay(a?.authorizedAt) },
    { name: "expiresAt", label: t("app.expiresAt"), type: "date", defaultValue: dateToDay(a?.expiresAt) },
  ];
}

export function otherAccessFields(t: Translate, o?: { console: string; role: string; person: { id: string; name: string } }): FieldSpec[] {
  return [
    personPickerField(t, { name: "personId", label: t("otherAccess.person") }, o ? o.person : null),
    { name: "console", label: t("otherAccess.console"), type: "select", defaultValue: o?.console ?? "ADS", options: sharedFor(t, "otherAccess.consoles", () => (["ADS", "BRAND_REGISTRY"] as const).map((c) => ({ value: c, label: t(`console.${c}`) }))) },
    { name: "role", label: t("otherAccess.role"), type: "select", defaultValue: o?.role ?? "VIEWER", options: sharedFor(t, "otherAccess.roles", () => OTHER_ROLES.map((r) => ({ value: r, label: t(`otherRole.${r}`) }))) },
  ];
}

/** The add form of one kind, under its section's list. */
export function AddChild({ kind, fields, label, editing }: { kind: Kind; fields: FieldSpec[]; label: string; editing: ChildEditing }) {
  return (
    <Disclosure className="mt-2" testId={`add-${kind}`} summary={label} summaryClassName="cursor-pointer text-xs text-blue-800">
      <ActionForm action={ACTIONS[kind]} schema={SCHEMAS[kind]} hidden={{ accountId: editing.accountId, version: editing.version }} fields={fields} submitLabel={label} pendingLabel="…" messages={editing.messages} testId={`add-${kind}-form`} />
    </Disclosure>
  );
}

/** Edit and remove one row. */
export function EditChild({ kind, id, fields, t, editing }: { kind: Kind; id: string; fields: FieldSpec[]; t: Translate; editing: ChildEditing }) {
  const base = { accountId: editing.accountId, version: editing.version };
  // Each form mounts when its disclosure is opened (decision 034).
  return (
    <div className="mt-1 flex flex-wrap gap-3">
      <Disclosure testId={`edit-${kind}`} summary={t("children.edit")} summaryClassName="cursor-pointer text-xs text-blue-800">
        <ActionForm action={ACTIONS[kind]} schema={SCHEMAS[kind]} hidden={{ ...base, [ID_FIELD[kind]]: id }} fields={fields} submitLabel={t("form.save")} pendingLabel={t("form.saving")} messages={editing.messages} testId={`edit-${kind}-form`} />
      </Disclosure>
      <Disclosure testId={`remove-${kind}`} summary={t("children.remove")} summaryClassName="cursor-pointer text-xs text-red-800">
        <p className="my-1 text-xs">{t("children.removeWhat")}</p>
        <ActionForm action={removeAccountChildAction} hidden={{ ...base, kind, id, confirm: "yes" }} submitLabel={t("form.removeConfirm")} pendingLabel={t("form.saving")} messages={editing.messages} variant="danger" inline />
      </Disclosure>
    </div>
  );
}
