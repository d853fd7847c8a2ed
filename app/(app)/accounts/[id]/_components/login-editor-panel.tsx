"use client";
import { ActionForm } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import { fullRecordValues } from "@/lib/forms/shared-fields";
import { twoStepMethodLine } from "@/lib/forms/two-step-method-line";
import { toolChoices } from "@/lib/risk/tools";
import { addTwoStepMethodAction, createLoginAction, removeLoginAction, removeTwoStepMethodAction, setPermissionsAction, updateLoginAction, updateTwoStepMethodAction } from "../actions";
import type { AccountEditing, LoginEditorRecord } from "./account-editing-types";
import { EditorDetails, useSummaries } from "./editing-context";
import { PermissionMatrixForm } from "./permission-matrix-form";

/** Edits recorded after checking Seller Central: each one recomputes the account's findings. Fetched when first reached for (decision 063). */
export function LoginEditor({ loginId }: { loginId: string }) {
  const summaries = useSummaries();
  return (
    <EditorDetails className="mt-2" testId="login-editor" summary={summaries.editLogin} summaryClassName="cursor-pointer text-xs text-blue-800">
      {(editing) => {
        const login = editing.logins.records[loginId];
        // Gone since the page was rendered (removed in another tab): its row goes with the next render.
        return login ? <LoginEditorForms editing={editing} login={login} /> : null;
      }}
    </EditorDetails>
  );
}

function LoginEditorForms({ editing, login }: { editing: AccountEditing; login: LoginEditorRecord }) {
  const { words, messages } = editing;
  const { methodFields, matrix } = editing.logins;
  const base = { accountId: editing.accountId, version: editing.version };
  const choices = { kinds: methodFields.find((f) => f.name === "kind")?.options ?? [], roles: methodFields.find((f) => f.name === "role")?.options ?? [] };
  return (
    <div className="mt-2 space-y-4 rounded bg-slate-50 p-3">
      <ActionForm
        action={updateLoginAction}
        schema="updateLogin"
        hidden={{ ...base, loginId: login.id, sharedWithSent: "1" }}
        {...("fields" in login.form ? { fields: login.form.fields } : { fields: editing.logins.editFields, ...login.form })}
        submitLabel={words.save}
        pendingLabel={words.saving}
        messages={messages}
        inline
        testId="edit-login-form"
        resetKey={JSON.stringify(login.form)}
      />
      <div>
        <h4 className="text-xs font-semibold">{words.addMethod}</h4>
        <ActionForm action={addTwoStepMethodAction} schema="addTwoStepMethod" hidden={{ ...base, loginId: login.id }} fields={methodFields} values={login.addMethodValues} resetKey={JSON.stringify(login.addMethodValues)} submitLabel={words.addMethodSubmit} pendingLabel={words.saving} messages={messages} inline testId="add-method-form" />
      </div>
      {login.methods.length > 0 && (
        <ul className="space-y-1 text-xs" data-testid="method-editors">
          {login.methods.map((m) => (
            <li key={m.id} className="flex flex-wrap items-start gap-2" data-testid="method-editor" data-kind={m.values.kind}>
              <span>{twoStepMethodLine(fullRecordValues(methodFields, m.values), choices)}</span>
              <Disclosure summary={words.editMethod} summaryClassName="cursor-pointer text-blue-800">
                <ActionForm action={updateTwoStepMethodAction} schema="updateTwoStepMethod" hidden={{ ...base, methodId: m.id }} fields={methodFields} values={m.values} resetKey={JSON.stringify(m.values)} submitLabel={words.save} pendingLabel={words.saving} messages={messages} inline testId="edit-method-form" />
              </Disclosure>
              <Disclosure summary={words.removeMethodAsk} summaryClassName="cursor-pointer text-red-800">
                <p className="my-1">{words.removeMethodWhat}</p>
                <ActionForm action={removeTwoStepMethodAction} hidden={{ ...base, methodId: m.id, confirm: "yes" }} submitLabel={words.removeConfirm} pendingLabel={words.saving} messages={messages} variant="danger" inline testId="remove-method-form" />
              </Disclosure>
            </li>
          ))}
        </ul>
      )}
      {matrix && login.levels && (
        // The primary user holds every tool; a secondary user's levels are set tool by tool.
        <Disclosure testId="permission-editor" summary={words.editPermissions} summaryClassName="cursor-pointer text-xs text-blue-800">
          <PermissionMatrixForm action={setPermissionsAction} hidden={{ ...base, loginId: login.id }} tools={toolChoices(editing.locale)} marketplaces={editing.logins.marketplaces} levels={login.levels} labels={matrix} />
        </Disclosure>
      )}
      <Disclosure testId="login-remover" summary={words.removeLogin} summaryClassName="cursor-pointer text-xs text-red-800">
        <p className="my-1 text-xs">{login.removeWhat}</p>
        <ActionForm action={removeLoginAction} hidden={{ ...base, loginId: login.id, confirm: "yes" }} submitLabel={words.removeConfirm} pendingLabel={words.saving} messages={messages} variant="danger" inline />
      </Disclosure>
    </div>
  );
}

/** A login seen in Seller Central's User Permissions, typed in; its 2SV methods are added on its row. */
export function AddLogin() {
  const summaries = useSummaries();
  return (
    <EditorDetails className="mb-3" testId="add-login" summary={summaries.addLogin} summaryClassName="cursor-pointer text-sm text-blue-800">
      {(editing) => (
        <div className="mt-2 rounded bg-slate-50 p-3">
          <ActionForm
            action={createLoginAction}
            schema="createLogin"
            hidden={{ accountId: editing.accountId, version: editing.version }}
            fields={editing.addLogin.fields}
            submitLabel={editing.words.addLogin}
            pendingLabel={editing.words.saving}
            messages={editing.messages}
            inline
            testId="add-login-form"
          />
        </div>
      )}
    </EditorDetails>
  );
}
