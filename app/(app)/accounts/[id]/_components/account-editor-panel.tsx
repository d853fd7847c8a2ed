"use client";
import { useMemo } from "react";
import { ActionForm } from "@/components/action-form";
import { withMarketplaceChoices } from "@/lib/forms/marketplace-choices";
import { removeAccountAction, updateAccountAction } from "../actions";
import type { AccountEditing } from "./account-editing-types";
import { EditorDetails, useSummaries } from "./editing-context";

/** The account's own facts, edited where they are shown; removal names everything that goes with it. Fetched when first reached for (decision 063). */
export function AccountEditor() {
  const summaries = useSummaries();
  return (
    <div className="mt-3 space-y-2">
      <EditorDetails testId="account-editor" summary={summaries.editAccount} summaryClassName="cursor-pointer text-sm text-blue-800">
        {(editing) => <AccountForm editing={editing} />}
      </EditorDetails>
      <EditorDetails testId="account-remover" summary={summaries.removeAccount} summaryClassName="cursor-pointer text-sm text-red-800">
        {(editing) => (
          <>
            <p className="my-2 max-w-xl text-sm">{editing.account.removeWhat}</p>
            <ActionForm action={removeAccountAction} hidden={{ accountId: editing.accountId, version: editing.version, confirm: "yes" }} submitLabel={editing.words.removeConfirm} pendingLabel={editing.words.saving} variant="danger" inline />
          </>
        )}
      </EditorDetails>
    </div>
  );
}

function AccountForm({ editing }: { editing: AccountEditing }) {
  // The region's and marketplaces' choices are codes the browser adds back (lib/forms/marketplace-choices.ts).
  const fields = useMemo(() => withMarketplaceChoices(editing.account.fields), [editing.account.fields]);
  return (
    <div className="mt-2 rounded bg-slate-50 p-3">
      <ActionForm action={updateAccountAction} schema="updateAccount" hidden={{ accountId: editing.accountId, version: editing.version }} fields={fields} resetKey={JSON.stringify(editing.account.fields.map((f) => f.defaultValue ?? f.defaultValues))} submitLabel={editing.words.save} pendingLabel={editing.words.saving} messages={editing.messages} testId="edit-account-form" />
    </div>
  );
}
