import { ActionForm, type FieldSpec } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import type { PersonEditing } from "@/lib/db/people/person-page-extras";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { sharedFor } from "@/lib/i18n/shared-by-translator";
import type { RecordPicker } from "@/lib/forms/shared-fields";
import { DEVICE_KINDS } from "@/lib/validation/person-form";
import { mergePeopleAction, removeDeviceAction, removePersonAction, saveDeviceAction, updatePersonAction } from "../actions";
import { DeviceEditor, type DeviceEditorShared } from "./device-editor-panel";
import { Section } from "./section";
import { personFields } from "../../_components/person-fields";
import { personPickerField } from "../../../_components/person-picker-field";

type Editing = PersonEditing;

const yesNo = (t: Translate, yes: string, no: string) => [{ value: "no", label: no }, { value: "yes", label: yes }];

/**
 * The device form's field descriptions, once per page (decision 036, as the account page's login forms since
 * decision 034 stop 28): the add form uses them as they are (a phone held by this person), and each held
 * device's edit form refers to the same list and adds its values, so the flight carries the labels once.
 */
function deviceFields(t: Translate, holder: { id: string; name: string }): FieldSpec[] {
  return sharedFor(t, `deviceFields:${holder.id}`, () => [
    { name: "kind", label: t("devices.kind"), type: "select", defaultValue: "PHONE", options: sharedFor(t, "device.kinds", () => DEVICE_KINDS.map((k) => ({ value: k, label: t(`people.deviceKind.${k}`) }))) },
    { name: "label", label: t("devices.label"), type: "text", defaultValue: "" },
    personPickerField(t, { name: "holderId", label: t("devices.holder") }, holder, { none: t("devices.noHolder") }),
    { name: "skipOtpOnBrowser", label: t("devices.skipOtp"), type: "select", defaultValue: "no", options: sharedFor(t, "choice.yesNo", () => yesNo(t, t("choice.yes"), t("choice.no"))) },
  ]);
}

/** One held device's part of the shared form: its values, and its holder's name (held here: this person). */
function deviceValues(holder: { id: string; name: string }, d: Editing["devices"][number]): { values: Record<string, string>; pickers: Record<string, RecordPicker> } {
  return {
    values: { kind: d.kind, label: d.label ?? "", holderId: d.holderId ?? "", skipOtpOnBrowser: d.skipOtpOnBrowser ? "yes" : "no" },
    pickers: { holderId: { selectedName: d.holderId === holder.id ? holder.name : undefined } },
  };
}

/** The person's own facts and merging a duplicate into them (Owners and Admins). */
export function PersonEditor({ personId, editing, t }: { personId: string; editing: Editing; t: Translate }) {
  const messages = formMessages(t, "form.saved");
  const v = editing.values;
  return (
    <>
      <div className="flex flex-wrap gap-4">
        <Disclosure testId="person-editor" summary={t("person.edit")} summaryClassName="cursor-pointer text-sm text-blue-800">
          <div className="mt-2 rounded bg-slate-50 p-3">
            <ActionForm
              action={updatePersonAction}
              schema="updatePerson"
              hidden={{ personId, version: v.version }}
              fields={personFields(t, v)}
              submitLabel={t("form.save")}
              pendingLabel={t("form.saving")}
              messages={messages}
              testId="edit-person-form"
            />
          </div>
        </Disclosure>
        {editing.hasOthers && (
          <Disclosure testId="person-merge" summary={t("person.merge")} summaryClassName="cursor-pointer text-sm text-red-800">
            <p className="my-2 max-w-xl text-sm">{t("person.mergeWhat")}</p>
            <ActionForm
              action={mergePeopleAction}
              hidden={{ personId, version: v.version, confirm: "yes" }}
              fields={[personPickerField(t, { name: "duplicateId", label: t("person.duplicate") }, null, { exclude: personId })]}
              submitLabel={t("person.mergeSubmit")}
              pendingLabel={t("form.saving")}
              variant="danger"
              testId="merge-person-form"
            />
          </Disclosure>
        )}
        <Disclosure testId="person-remover" summary={t("person.remove")} summaryClassName="cursor-pointer text-sm text-red-800">
          <p className="my-2 max-w-xl text-sm">
            {editing.removal.ownedLogins > 0 ? t("person.removeOwnsLogins", { ownedLogins: editing.removal.ownedLogins }) : t("person.removeWhat", { ...editing.removal })}
          </p>
          <ActionForm action={removePersonAction} hidden={{ personId, version: v.version, confirm: "yes" }} submitLabel={t("form.removeConfirm")} pendingLabel={t("form.saving")} variant="danger" inline testId="remove-person-form" />
        </Disclosure>
      </div>
    </>
  );
}

/** Every device the person holds, edited and removed here; new ones added (held by them by default). */
export function HeldDevices({ personId, name, editing, t }: { personId: string; name: string; editing: Editing; t: Translate }) {
  const messages = formMessages(t, "form.saved");
  const holder = { id: personId, name };
  // Every device's editor from one object: each device sends its id, version and values (decision 044).
  const shared: DeviceEditorShared = {
    personId,
    actions: { save: saveDeviceAction, remove: removeDeviceAction },
    fields: deviceFields(t, holder),
    messages,
    words: { edit: t("children.edit"), remove: t("children.remove"), removeWhat: t("devices.removeWhat"), save: t("form.save"), saving: t("form.saving"), removeConfirm: t("form.removeConfirm") },
  };
  return (
    <>
      <Section id="devices-held" title={t("devices.title")} testId="devices-held">
        {editing.devices.length === 0 && <p className="text-sm text-slate-600">{t("devices.none")}</p>}
        <ul className="space-y-2 text-sm">
          {editing.devices.map((d) => (
            <li key={d.id} className="rounded border border-slate-200 p-2" data-testid="held-device">
              <span className="font-medium">{d.label ?? t(`people.deviceKind.${d.kind}`)}</span> <span className="text-xs text-slate-500">({t(`people.deviceKind.${d.kind}`)} · {t(`provenance.${d.source}`)})</span>
              <DeviceEditor shared={shared} device={{ id: d.id, version: d.version, ...deviceValues(holder, d) }} />
            </li>
          ))}
        </ul>
        <Disclosure className="mt-2" testId="add-device" summary={t("devices.add")} summaryClassName="cursor-pointer text-xs text-blue-800">
          <ActionForm action={saveDeviceAction} schema="saveDevice" hidden={{ personId }} fields={deviceFields(t, holder)} submitLabel={t("devices.add")} pendingLabel={t("form.saving")} messages={messages} testId="add-device-form" />
        </Disclosure>
      </Section>
    </>
  );
}
