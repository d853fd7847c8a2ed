"use client";
import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import type { ActionState } from "@/lib/actions/define-action";
import type { RecordPicker } from "@/lib/forms/shared-fields";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * What every held device's editor on the person page shares: the actions, the device form's descriptions, the
 * messages and the words. One object per page (person-editor.tsx), so the flight payload carries it once and
 * each device its id, version and values, not its closed forms' element trees (decisions 038, 044).
 */
export interface DeviceEditorShared {
  personId: string;
  actions: { save: Action; remove: Action };
  fields: FieldSpec[];
  messages: FormMessages;
  words: { edit: string; remove: string; removeWhat: string; save: string; saving: string; removeConfirm: string };
}

/** One held device's own part. */
export interface DeviceRecord {
  id: string;
  version: number;
  values: Record<string, string>;
  pickers: Record<string, RecordPicker>;
}

/** Edit and remove one held device; each form mounts when its disclosure is opened (decision 034). */
export function DeviceEditor({ shared, device }: { shared: DeviceEditorShared; device: DeviceRecord }) {
  const { personId, words, messages } = shared;
  return (
    <div className="mt-1 flex flex-wrap gap-3">
      <Disclosure summary={words.edit} summaryClassName="cursor-pointer text-xs text-blue-800">
        <ActionForm action={shared.actions.save} schema="saveDevice" hidden={{ personId, deviceId: device.id, version: device.version }} fields={shared.fields} values={device.values} pickers={device.pickers} submitLabel={words.save} pendingLabel={words.saving} messages={messages} testId="edit-device-form" />
      </Disclosure>
      <Disclosure summary={words.remove} summaryClassName="cursor-pointer text-xs text-red-800">
        <p className="my-1 text-xs">{words.removeWhat}</p>
        <ActionForm action={shared.actions.remove} hidden={{ personId, deviceId: device.id, version: device.version, confirm: "yes" }} submitLabel={words.removeConfirm} pendingLabel={words.saving} messages={messages} variant="danger" inline />
      </Disclosure>
    </div>
  );
}
