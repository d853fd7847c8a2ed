"use client";
import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import { sharedContext } from "@/components/shared-context";
import type { ActionState } from "@/lib/actions/define-action";
import type { RecordPicker } from "@/lib/forms/shared-fields";
import { fullRecordValues } from "@/lib/forms/shared-fields";
import { twoStepMethodLine } from "@/lib/forms/two-step-method-line";
import { toolChoices } from "@/lib/risk/tools";
import { PermissionMatrixForm } from "./permission-matrix-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * What every login's editor on the page has in common: the actions, the field descriptions, the words and the
 * permission matrix's words. One object per page (login-editor.tsx), given once to `LoginEditorsProvider` around the
 * logins section: the flight carries it once, first, so the add form's references into it are short, and the login
 * editors read it from context instead of each carrying a long reference (decisions 038, 057).
 */
export interface LoginEditorShared {
  base: { accountId: string; version: number };
  actions: { updateLogin: Action; addMethod: Action; updateMethod: Action; removeMethod: Action; setPermissions: Action; removeLogin: Action };
  editFields: FieldSpec[];
  methodFields: FieldSpec[];
  messages: FormMessages;
  marketplaces: string[];
  words: { edit: string; save: string; saving: string; addMethod: string; addMethodSubmit: string; editMethod: string; removeMethodAsk: string; removeMethodWhat: string; removeConfirm: string; editPermissions: string; removeLogin: string };
  /** The matrix's tool names are the catalogue's in this language, imported here rather than sent (decision 057). */
  locale: "ja" | "en";
  /** Null when the page has no secondary login (a primary user holds every tool). */
  matrix: { labels: Omit<Parameters<typeof PermissionMatrixForm>[0]["labels"], "errors"> } | null;
}

/** One login's own part: its values, its 2SV methods (their line is built here from their values), its levels and its removal sentence. */
export interface LoginEditorRecord {
  id: string;
  /** The edit form's values (those unlike the defaults) and pickers over `editFields`; or, when the page's read had no values for it, whole fields. */
  form: { values: Record<string, string>; pickers: Record<string, RecordPicker> } | { fields: FieldSpec[] };
  /** Each method's form values over `methodFields`, those unlike the defaults (the kind is always there). */
  methods: { id: string; values: Record<string, string> }[];
  /** Secondary logins only: field name ("g.TOOL" / "g.TOOL.MP") → level now. */
  levels: Record<string, string> | null;
  removeWhat: string;
}

const context = sharedContext<LoginEditorShared>("LoginEditorPanel");

/** Gives the page's one `LoginEditorShared` to every login editor below it. */
export const LoginEditorsProvider = context.Provider;

/** Edits recorded after checking Seller Central: each one recomputes the account's findings. Mounted when opened (decision 034). */
export function LoginEditorPanel({ login }: { login: LoginEditorRecord }) {
  const shared = context.useShared();
  const { base, actions, messages, words } = shared;
  const choices = { kinds: shared.methodFields.find((f) => f.name === "kind")?.options ?? [], roles: shared.methodFields.find((f) => f.name === "role")?.options ?? [] };
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
              <li key={m.id} className="flex flex-wrap items-start gap-2" data-testid="method-editor" data-kind={m.values.kind}>
                <span>{twoStepMethodLine(fullRecordValues(shared.methodFields, m.values), choices)}</span>
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
            <PermissionMatrixForm action={actions.setPermissions} hidden={{ ...base, loginId: login.id }} tools={toolChoices(shared.locale)} marketplaces={shared.marketplaces} levels={login.levels} labels={shared.matrix.labels} />
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
