"use client";
import { useMemo } from "react";
import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import type { ActionState } from "@/lib/actions/define-action";
import { withMarketplaceChoices } from "@/lib/forms/marketplace-choices";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The account's editor and remover as data: the browser builds the forms when opened (decisions 034, 044). */
export interface AccountEditorProps {
  base: { accountId: string; version: number };
  actions: { update: Action; remove: Action };
  /** Without the region's and marketplaces' choices: codes the browser adds back (lib/forms/marketplace-choices.ts). */
  fields: FieldSpec[];
  messages: FormMessages;
  words: { edit: string; remove: string; removeWhat: string; save: string; saving: string; removeConfirm: string };
}

/** The account's own facts, edited where they are shown; removal names everything that goes with it. */
export function AccountEditorPanel({ base, actions, fields, messages, words }: AccountEditorProps) {
  const shown = useMemo(() => withMarketplaceChoices(fields), [fields]);
  return (
    <div className="mt-3 space-y-2">
      <Disclosure testId="account-editor" summary={words.edit} summaryClassName="cursor-pointer text-sm text-blue-800">
        <div className="mt-2 rounded bg-slate-50 p-3">
          <ActionForm action={actions.update} schema="updateAccount" hidden={base} fields={shown} submitLabel={words.save} pendingLabel={words.saving} messages={messages} testId="edit-account-form" />
        </div>
      </Disclosure>
      <Disclosure testId="account-remover" summary={words.remove} summaryClassName="cursor-pointer text-sm text-red-800">
        <p className="my-2 max-w-xl text-sm">{words.removeWhat}</p>
        <ActionForm action={actions.remove} hidden={{ ...base, confirm: "yes" }} submitLabel={words.removeConfirm} pendingLabel={words.saving} variant="danger" inline />
      </Disclosure>
    </div>
  );
}
