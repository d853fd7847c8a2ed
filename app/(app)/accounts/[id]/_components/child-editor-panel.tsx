"use client";
import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import { sharedContext } from "@/components/shared-context";
import type { ActionState } from "@/lib/actions/define-action";
import type { FormSchemaName } from "@/lib/forms/schemas";
import type { RecordPicker } from "@/lib/forms/shared-fields";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
export type ChildKind = "partner" | "app" | "otherAccess";

const SCHEMAS: Record<ChildKind, FormSchemaName> = { partner: "savePartner", app: "saveApp", otherAccess: "saveOtherAccess" };
const ID_FIELD: Record<ChildKind, string> = { partner: "partnerId", app: "appId", otherAccess: "otherAccessId" };

/**
 * What every app, partner and other-access editor of the page has in common: the actions, each kind's field
 * descriptions (the add form's, which each edit form lays its record's values over), the messages and the
 * words. One object per page (account-children-editors.tsx), given once to `ChildEditorsProvider` around the three
 * sections: the flight carries it once and each row only its values, not its closed forms' element trees nor a
 * long reference to this (decisions 038, 044, 057).
 */
export interface ChildEditorShared {
  base: { accountId: string; version: number };
  actions: Record<ChildKind, Action> & { remove: Action };
  fields: Record<ChildKind, FieldSpec[]>;
  messages: FormMessages;
  words: { edit: string; remove: string; removeWhat: string; save: string; saving: string; removeConfirm: string; add: Record<ChildKind, string> };
}

/** One row's own part: its id, its form values and (other access) the chosen person's name. */
export interface ChildRecord {
  id: string;
  values: Record<string, string>;
  pickers?: Record<string, RecordPicker>;
}

const context = sharedContext<ChildEditorShared>("a child editor");
const useShared = context.useShared;

/** Gives the page's one `ChildEditorShared` to every add and edit form below it. */
export const ChildEditorsProvider = context.Provider;

/** The add form of one kind, under its section's list. Mounted when opened (decision 034). */
export function AddChild({ kind }: { kind: ChildKind }) {
  const shared = useShared();
  const label = shared.words.add[kind];
  return (
    <Disclosure className="mt-2" testId={`add-${kind}`} summary={label} summaryClassName="cursor-pointer text-xs text-blue-800">
      <ActionForm action={shared.actions[kind]} schema={SCHEMAS[kind]} hidden={shared.base} fields={shared.fields[kind]} submitLabel={label} pendingLabel="…" messages={shared.messages} testId={`add-${kind}-form`} />
    </Disclosure>
  );
}

/** Edit and remove one row. Each form mounts when its disclosure is opened (decision 034). */
export function EditChild({ kind, record }: { kind: ChildKind; record: ChildRecord }) {
  const shared = useShared();
  const { base, words, messages } = shared;
  return (
    <div className="mt-1 flex flex-wrap gap-3">
      <Disclosure testId={`edit-${kind}`} summary={words.edit} summaryClassName="cursor-pointer text-xs text-blue-800">
        <ActionForm action={shared.actions[kind]} schema={SCHEMAS[kind]} hidden={{ ...base, [ID_FIELD[kind]]: record.id }} fields={shared.fields[kind]} values={record.values} pickers={record.pickers} submitLabel={words.save} pendingLabel={words.saving} messages={messages} testId={`edit-${kind}-form`} />
      </Disclosure>
      <Disclosure testId={`remove-${kind}`} summary={words.remove} summaryClassName="cursor-pointer text-xs text-red-800">
        <p className="my-1 text-xs">{words.removeWhat}</p>
        <ActionForm action={shared.actions.remove} hidden={{ ...base, kind, id: record.id, confirm: "yes" }} submitLabel={words.removeConfirm} pendingLabel={words.saving} messages={messages} variant="danger" inline />
      </Disclosure>
    </div>
  );
}
