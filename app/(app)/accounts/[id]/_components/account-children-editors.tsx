import type { FieldSpec, FormMessages } from "@/components/action-form";
import { dateToDay } from "@/lib/validation/record-fields";
import type { Translate } from "@/lib/i18n/server";
import { sharedFor } from "@/lib/i18n/shared-by-translator";
import { personPickerField } from "../../../_components/person-picker-field";
import { OTHER_ROLES } from "@/lib/validation/account-children";
import { removeAccountChildAction, saveAppAction, saveOtherAccessAction, savePartnerAction } from "../actions";
import type { ChildEditorShared, ChildRecord } from "./child-editor-panel";

// Add / edit / remove forms for what hangs off an account besides logins. Each edit names the account's
// version (a stale form is refused with the current values), each removal asks first. The forms are built in
// the browser when opened (child-editor-panel.tsx) from one shared description per kind and each row's values.

export interface ChildEditing {
  accountId: string;
  version: number;
  messages: FormMessages;
}

function partnerFields(t: Translate): FieldSpec[] {
  return [
    { name: "company", label: t("partners.company"), type: "text", required: true, maxLength: 100, defaultValue: "" },
    { name: "linkSentAt", label: t("partner.linkSentAt"), type: "date", defaultValue: "" },
    { name: "acceptedAt", label: t("partner.acceptedAt"), type: "date", defaultValue: "" },
  ];
}

function appFields(t: Translate): FieldSpec[] {
  return [
    { name: "appName", label: t("apps.name"), type: "text", required: true, maxLength: 100, defaultValue: "" },
    { name: "developer", label: t("apps.developer"), type: "text", maxLength: 100, defaultValue: "" },
    { name: "authorizedAt", label: t("app.authorizedAt"), type: "date", defaultValue: "" },
    { name: "expiresAt", label: t("app.expiresAt"), type: "date", defaultValue: "" },
  ];
}

function otherAccessFields(t: Translate): FieldSpec[] {
  return [
    personPickerField(t, { name: "personId", label: t("otherAccess.person") }, null),
    { name: "console", label: t("otherAccess.console"), type: "select", defaultValue: "ADS", options: (["ADS", "BRAND_REGISTRY"] as const).map((c) => ({ value: c, label: t(`console.${c}`) })) },
    { name: "role", label: t("otherAccess.role"), type: "select", defaultValue: "VIEWER", options: OTHER_ROLES.map((r) => ({ value: r, label: t(`otherRole.${r}`) })) },
  ];
}

/** The page's one description of every child editor (decision 044): the flight carries it once. */
export function childEditorShared(t: Translate, editing: ChildEditing): ChildEditorShared {
  return sharedFor(t, `childEditors:${editing.accountId}`, () => ({
    base: { accountId: editing.accountId, version: editing.version },
    actions: { partner: savePartnerAction, app: saveAppAction, otherAccess: saveOtherAccessAction, remove: removeAccountChildAction },
    fields: { partner: partnerFields(t), app: appFields(t), otherAccess: otherAccessFields(t) },
    messages: editing.messages,
    words: {
      edit: t("children.edit"), remove: t("children.remove"), removeWhat: t("children.removeWhat"), save: t("form.save"), saving: t("form.saving"), removeConfirm: t("form.removeConfirm"),
      add: { partner: t("partners.add"), app: t("apps.add"), otherAccess: t("otherAccess.add") },
    },
  }));
}

export function partnerRecord(p: { id: string; company: string; linkSentAt: Date | null; acceptedAt: Date | null }): ChildRecord {
  return { id: p.id, values: { company: p.company, linkSentAt: dateToDay(p.linkSentAt), acceptedAt: dateToDay(p.acceptedAt) } };
}

export function appRecord(a: { id: string; appName: string; developer: string | null; authorizedAt: Date | null; expiresAt: Date | null }): ChildRecord {
  return { id: a.id, values: { appName: a.appName, developer: a.developer ?? "", authorizedAt: dateToDay(a.authorizedAt), expiresAt: dateToDay(a.expiresAt) } };
}

export function otherAccessRecord(o: { id: string; console: string; role: string; person: { id: string; name: string } }): ChildRecord {
  return { id: o.id, values: { personId: o.person.id, console: o.console, role: o.role }, pickers: { personId: { selectedName: o.person.name } } };
}
