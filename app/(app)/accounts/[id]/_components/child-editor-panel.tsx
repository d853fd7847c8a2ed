"use client";
import { ActionForm } from "@/components/action-form";
import type { FormSchemaName } from "@/lib/forms/schemas";
import { removeAccountChildAction, saveAppAction, saveOtherAccessAction, savePartnerAction } from "../actions";
import type { ChildKind } from "./account-editing-types";
import { EditorDetails, useSummaries } from "./editing-context";

// Add / edit / remove forms for what hangs off an account besides logins, built from the page's editing data when
// opened (decision 063). Each edit names the account's version (a stale form is refused with the current values),
// each removal asks first.

const ACTIONS = { partner: savePartnerAction, app: saveAppAction, otherAccess: saveOtherAccessAction };
const SCHEMAS: Record<ChildKind, FormSchemaName> = { partner: "savePartner", app: "saveApp", otherAccess: "saveOtherAccess" };
const ID_FIELD: Record<ChildKind, string> = { partner: "partnerId", app: "appId", otherAccess: "otherAccessId" };

/** The add form of one kind, under its section's list. */
export function AddChild({ kind }: { kind: ChildKind }) {
  const label = useSummaries().addChild[kind];
  return (
    <EditorDetails className="mt-2" testId={`add-${kind}`} summary={label} summaryClassName="cursor-pointer text-xs text-blue-800">
      {(editing) => (
        <ActionForm action={ACTIONS[kind]} schema={SCHEMAS[kind]} hidden={{ accountId: editing.accountId, version: editing.version }} fields={editing.children.fields[kind]} submitLabel={label} pendingLabel="…" messages={editing.messages} testId={`add-${kind}-form`} />
      )}
    </EditorDetails>
  );
}

/** Edit and remove one row. */
export function EditChild({ kind, id }: { kind: ChildKind; id: string }) {
  const summaries = useSummaries();
  return (
    <div className="mt-1 flex flex-wrap gap-3">
      <EditorDetails testId={`edit-${kind}`} summary={summaries.editChild} summaryClassName="cursor-pointer text-xs text-blue-800">
        {(editing) => {
          const record = editing.children.records[id];
          if (!record) return null;
          const { words, messages } = editing;
          return (
            <ActionForm action={ACTIONS[kind]} schema={SCHEMAS[kind]} hidden={{ accountId: editing.accountId, version: editing.version, [ID_FIELD[kind]]: record.id }} fields={editing.children.fields[kind]} values={record.values} pickers={record.pickers} resetKey={JSON.stringify(record)} submitLabel={words.save} pendingLabel={words.saving} messages={messages} testId={`edit-${kind}-form`} />
          );
        }}
      </EditorDetails>
      <EditorDetails testId={`remove-${kind}`} summary={summaries.removeChild} summaryClassName="cursor-pointer text-xs text-red-800">
        {(editing) => (
          <>
            <p className="my-1 text-xs">{editing.words.removeChildWhat}</p>
            <ActionForm action={removeAccountChildAction} hidden={{ accountId: editing.accountId, version: editing.version, kind, id, confirm: "yes" }} submitLabel={editing.words.removeConfirm} pendingLabel={editing.words.saving} messages={editing.messages} variant="danger" inline />
          </>
        )}
      </EditorDetails>
    </div>
  );
}
