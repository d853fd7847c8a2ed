"use client";
import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import type { ActionState } from "@/lib/actions/define-action";
import type { RecordPicker } from "@/lib/forms/shared-fields";
import { PermissionMatrixForm } from "./permission-matrix-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * What every login's editor on the page has in common: the actions, the field descriptions, the words and the
 * permission matrix's choices. One object per page (login-editor.tsx), so the flight payload carries it once and
 * each login's editor one reference to it (decision 038).
 */
export interface LoginEditorShared {
  base: { accountId: string; version: number };
  actions: { updateLogin: Action; addMethod: Action; updateMethod: Action; removeMethod: Action; setPermissions: Action; removeLogin: Action };
  editFields: FieldSpec[];
  methodFields: FieldSpec[];
  messages: FormMessages;
  marketplaces: string[];
  words: { edit: string; save: string; saving: string; addMethod: string; addMethodSubmit: string; editMethod: string; removeMethodAsk: string; removeMethodWhat: string; removeConfirm: string; editPermissions: string; removeLogin: string };
  /** Null when the page has no secondary login (a primary user holds every tool). */
  matrix: { tools: { id: string; name: string; scope: "GLOBAL" | "MARKETPLACE" }[]; labels: Parameters<typeof PermissionMatrixForm>[0]["labels"] } | null;
}

/** One login's own part: its values, its 2SV methods (with their summary line), its levels and its removal sentence. */
export interface LoginEditorRecord {
  id: string;
  /** The edit form's values and pickers over `editFields`; or, when the page's read had no values for it, whole fields. */
  form: { values: Record<string, string>; pickers: Record<string, RecordPicker> } | { fields: FieldSpec[] };
  methods: { id: string; kind: string; text: string; values: Record<string, string> }[];
  /** Secondary logins only: field name ("g.TOOL" / "g.TOOL.MP") → level now. */
  levels: Record<string, string> | null;
  removeWhat: string;
}

/** Edits recorded after checking Seller Central: each one recomputes the account's findings. Mounted when opened (decision 034). */
export function LoginEditorPanel({ shared, login }: { shared: LoginEditorShared; login: LoginEditorRecord }) {
  const { base, actions, messages, words } = shared;
  return (
    <Disclosure className="mt-2" testId="login-editor" summary={words.edit} summaryClassName="cursor-pointer text-xs text-blue-800">
      <div className="mt-2 space-y-4 rounded bg-slate-50 p-3">
        <ActionForm
          action={actions.updateLogin}
          schema="updateLogin"
          hidden={{ ...base, loginId: login.id, sharedWithSent: "1" }}
          {...("fields" in login.form ? { fields: login.form.fields } : { fields: shared.editFields, ...login.form })}
          submitLabel={words.save}
          pendingLabel={words.saving}
          messages={messages}
          inline
          testId="edit-login-form"
        />
        <div>
          <h4 className="text-xs font-semibold">{words.addMethod}</h4>
          <ActionForm action={actions.addMethod} schema="addTwoStepMethod" hidden={{ ...base, loginId: login.id }} fields={shared.methodFields} submitLabel={words.addMethodSubmit} pendingLabel={words.saving} messages={messages} inline testId="add-method-form" />
        </div>
        {login.methods.length > 0 && (
          <ul className="space-y-1 text-xs" data-testid="method-editors">
            {login.methods.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start gap-2" data-testid="method-editor" data-kind={m.kind}>
                <span>{m.text}</span>
                <Disclosure summary={words.editMethod} summaryClassName="cursor-pointer text-blue-800">
                  <ActionForm action={actions.updateMethod} schema="updateTwoStepMethod" hidden={{ ...base, methodId: m.id }} fields={shared.methodFields} values={m.values} submitLabel={words.save} pendingLabel={words.saving} messages={messages} inline testId="edit-method-form" />
                </Disclosure>
                <Disclosure summary={words.removeMethodAsk} summaryClassName="cursor-pointer text-red-800">
                  <p className="my-1">{words.removeMethodWhat}</p>
                  <ActionForm action={actions.removeMethod} hidden={{ ...base, methodId: m.id, confirm: "yes" }} submitLabel={words.removeConfirm} pendingLabel={words.saving} messages={messages} variant="danger" inline testId="remove-method-form" />
                </Disclosure>
              </li>
            ))}
          </ul>
        )}
        {shared.matrix && login.levels && (
          // The primary user holds every tool; a secondary user's levels are set tool by tool.
          <Disclosure testId="permission-editor" summary={words.editPermissions} summaryClassName="cursor-pointer text-xs text-blue-800">
            <PermissionMatrixForm action={actions.setPermissions} hidden={{ ...base, loginId: login.id }} tools={shared.matrix.tools} marketplaces={shared.marketplaces} levels={login.levels} labels={shared.matrix.labels} />
          </Disclosure>
        )}
        <Disclosure testId="login-remover" summary={words.removeLogin} summaryClassName="cursor-pointer text-xs text-red-800">
          <p className="my-1 text-xs">{login.removeWhat}</p>
          <ActionForm action={actions.removeLogin} hidden={{ ...base, loginId: login.id, confirm: "yes" }} submitLabel={words.removeConfirm} pendingLabel={words.saving} messages={messages} variant="danger" inline />
        </Disclosure>
      </div>
    </Disclosure>
  );
}
