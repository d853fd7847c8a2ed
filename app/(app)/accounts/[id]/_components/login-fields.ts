import type { FieldSpec } from "@/components/action-form";
import type { Translate } from "@/lib/i18n/server";
import { sharedFor } from "@/lib/i18n/shared-by-translator";
import { personPickerField } from "../../../_components/person-picker-field";
import { confirmSameNameField } from "../../../people/_components/person-fields";
import { LOGIN_ROLES, LOGIN_STATUSES } from "@/lib/validation/login-form";
import type { RecordPicker } from "@/lib/forms/shared-fields";

/** A login's own facts (add and edit); `values` are the form strings of the login being edited. */
export function loginFields(t: Translate, people: { id: string; name: string }[], values: Record<string, string> | null): FieldSpec[] {
  const v = (name: string, fallback = "") => values?.[name] ?? fallback;
  return [
    { name: "role", label: t("login.role"), type: "select", defaultValue: v("role", "SECONDARY"), options: sharedFor(t, "login.roles", () => LOGIN_ROLES.map((r) => ({ value: r, label: t(`loginRole.${r}`) }))) },
    { name: "email", label: t("login.email"), type: "text", defaultValue: v("email") },
    personPickerField(
      t, { name: "personId", label: values ? t("login.person") : t("logins.person") },
      values ? { id: v("personId"), name: people.find((p) => p.id === v("personId"))?.name } : null,
      values ? {} : { none: t("logins.newPerson") },
    ),
    { name: "status", label: t("login.status"), type: "select", defaultValue: v("status", "ACTIVE"), options: sharedFor(t, "login.statuses", () => LOGIN_STATUSES.map((s) => ({ value: s, label: t(`loginStatus.${s}`) }))) },
    { name: "invitedAt", label: t("logins.invitedAt"), type: "date", defaultValue: v("invitedAt") },
    { name: "acceptedAt", label: t("logins.acceptedAt"), type: "date", defaultValue: v("acceptedAt") },
    { name: "lastLoginAt", label: t("login.lastLogin"), type: "date", defaultValue: v("lastLoginAt") },
    { name: "passwordChangedAt", label: t("login.passwordChanged"), type: "date", defaultValue: v("passwordChangedAt"), hint: t("login.passwordChangedHint") },
    { name: "passwordReused", label: t("logins.passwordReused"), type: "select", defaultValue: v("passwordReused", "no"), options: sharedFor(t, "login.reused", () => [{ value: "no", label: t("logins.reusedNo") }, { value: "yes", label: t("logins.reusedYes") }]) },
  ];
}

/** The edit form's "also used by" (attested sharing): everyone but the owner, chosen by searching. */
export function sharedWithField(t: Translate, people: { id: string; name: string }[], values: Record<string, string>): FieldSpec {
  const ids = values.sharedWith ? values.sharedWith.split(",") : [];
  const field = personPickerField(t, { name: "sharedWith", label: t("logins.sharedWith"), hint: t("logins.sharedWithHint") }, null, { exclude: values.personId });
  return {
    ...field, type: "people",
    picker: { ...field.picker!, removeLabel: t("picker.remove"), selectedPeople: ids.map((id) => ({ id, name: people.find((p) => p.id === id)?.name ?? id })) },
  };
}

/** The add form's extra fields: a new person when the login's owner is not in the list yet. */
export function newPersonFields(t: Translate): FieldSpec[] {
  return [
    { name: "personName", label: t("logins.personName"), type: "text", hint: t("logins.personNameHint") },
    { name: "personExternal", label: t("logins.personExternal"), type: "select", defaultValue: "no", options: [{ value: "no", label: t("logins.internal") }, { value: "yes", label: t("logins.external") }] },
    confirmSameNameField(t, "validation.loginPersonNameTaken"),
  ];
}

/**
 * The login edit form's field descriptions, once per page: every login's form refers to this one list and
 * adds its own values (`loginEditValues`), so the flight carries the labels and hints once (decision 034, stop 28).
 */
export function loginEditFields(t: Translate): FieldSpec[] {
  return sharedFor(t, "login.editFields", () => [...loginFields(t, [], {}), sharedWithField(t, [], {})]);
}

/** One login's part of the shared edit form: its values, its person's name, and who else uses it. */
export function loginEditValues(people: { id: string; name: string }[], values: Record<string, string>): { values: Record<string, string>; pickers: Record<string, RecordPicker> } {
  const name = (id: string) => people.find((p) => p.id === id)?.name;
  const ids = values.sharedWith ? values.sharedWith.split(",") : [];
  return {
    values,
    pickers: {
      personId: { selectedName: name(values.personId) },
      // No chips: the shared field's empty list stands (decision 057).
      sharedWith: { exclude: values.personId, ...(ids.length > 0 && { selectedPeople: ids.map((id) => ({ id, name: name(id) ?? id })) }) },
    },
  };
}
