import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import { Disclosure } from "@/components/disclosure";
import type { Translate } from "@/lib/i18n/server";
import { sharedFor } from "@/lib/i18n/shared-by-translator";
import { TOOL_CATALOGUE } from "@/lib/risk/tools";
import { grantField } from "@/lib/validation/permission-form";
import { addTwoStepMethodAction, removeLoginAction, removeTwoStepMethodAction, setPermissionsAction, updateLoginAction, updateTwoStepMethodAction } from "../actions";
import { PermissionMatrixForm } from "./permission-matrix-form";
import { loginEditFields, loginEditValues, loginFields } from "./login-fields";

type Login = AccountDetail["logins"][number];

interface Props {
  account: AccountDetail;
  login: Login;
  t: Translate;
  messages: FormMessages;
  /** The login's form values (dates the page's read leaves out) and the people it can be given to. */
  values: Record<string, string> | undefined;
  people: { id: string; name: string }[];
}

/** A 2SV method's fields (add, and correct in place), once per page: each edit form adds its method's values. */
function methodFields(t: Translate, account: AccountDetail): FieldSpec[] {
  return sharedFor(t, `methodFields:${account.id}`, () => buildMethodFields(t, account));
}

function buildMethodFields(t: Translate, account: AccountDetail): FieldSpec[] {
  // The choices are the page's, built once: every login's forms name the same lists (decision 034).
  const deviceOptions = sharedFor(t, `devices:${account.id}`, () => {
    const devices = new Map<string, string>();
    for (const l of account.logins) for (const m of l.twoStepMethods) if (m.device) devices.set(m.device.id, `${m.device.label ?? m.device.kind}${m.device.holder ? ` (${m.device.holder.name})` : ""}`);
    return [{ value: "", label: t("twoStep.noDevice") }, ...[...devices].map(([value, label]) => ({ value, label }))];
  });
  return [
    { name: "kind", label: t("twoStep.kind"), type: "select", options: sharedFor(t, "twoStep.kinds", () => (["AUTHENTICATOR_APP", "SMS", "VOICE"] as const).map((k) => ({ value: k, label: t(`twoStepKind.${k}`) }))) },
    { name: "role", label: t("twoStep.role"), type: "select", defaultValue: "BACKUP", options: sharedFor(t, "twoStep.roles", () => (["PRIMARY", "BACKUP"] as const).map((r) => ({ value: r, label: t(`methodRole.${r}`) }))) },
    { name: "label", label: t("twoStep.label"), type: "text", maxLength: 100 },
    { name: "phoneLast4", label: t("twoStep.phoneLast4"), type: "text", inputMode: "numeric", maxLength: 4, hint: t("twoStep.phoneLast4Hint") },
    { name: "deviceId", label: t("device.label"), type: "select", options: deviceOptions },
  ];
}

/** The permission matrix's tool list and words, once per page. */
function matrixChoices(t: Translate, locale: "ja" | "en", errors: Record<string, string>) {
  return sharedFor(t, "permissions.matrix", () => ({
    tools: TOOL_CATALOGUE.tools.map((tool) => ({ id: tool.id, name: locale === "ja" ? tool.nameJa : tool.nameEn, scope: tool.scope })),
    labels: {
      caption: t("account.permissions"), tool: t("permissions.tool"), global: t("permissions.global"), save: t("form.save"), saving: t("form.saving"), saved: t("form.saved"),
      levels: { NONE: t("level.NONE"), VIEW: t("level.VIEW"), VIEW_EDIT: t("level.VIEW_EDIT"), ADMIN: t("level.ADMIN") }, errors,
    },
  }));
}

/** Edits recorded after checking Seller Central: each one recomputes the account's findings. */
export function LoginEditor({ account, login, t, messages, values, people, locale }: Props & { locale: "ja" | "en" }) {
  const base = { accountId: account.id, version: account.version };
  const matrix = login.role === "SECONDARY" ? matrixChoices(t, locale, messages.errors) : null;
  // Mounted when opened: closed, a login costs the page its row, not its five forms (decision 034).
  return (
    <Disclosure className="mt-2" testId="login-editor" summary={t("login.edit")} summaryClassName="cursor-pointer text-xs text-blue-800">
      <div className="mt-2 space-y-4 rounded bg-slate-50 p-3">
        <ActionForm
          action={updateLoginAction}
          schema="updateLogin"
          hidden={{ ...base, loginId: login.id, sharedWithSent: "1" }}
          // The descriptions are the page's one list; this login adds only its values (decision 034, stop 28).
          {...(values ? { fields: loginEditFields(t), ...loginEditValues(people, values) } : { fields: loginFields(t, people, null) })}
          submitLabel={t("form.save")}
          pendingLabel={t("form.saving")}
          messages={messages}
          inline
          testId="edit-login-form"
        />
        <div>
          <h4 className="text-xs font-semibold">{t("twoStep.add")}</h4>
          <ActionForm
            action={addTwoStepMethodAction}
            schema="addTwoStepMethod"
            hidden={{ ...base, loginId: login.id }}
            fields={methodFields(t, account)}
            submitLabel={t("twoStep.addSubmit")}
            pendingLabel={t("form.saving")}
            messages={messages}
            inline
            testId="add-method-form"
          />
        </div>
        {login.twoStepMethods.length > 0 && (
          <ul className="space-y-1 text-xs" data-testid="method-editors">
            {login.twoStepMethods.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start gap-2" data-testid="method-editor" data-kind={m.kind}>
                <span>{t(`twoStepKind.${m.kind}`)}{m.phoneLast4 ? ` ••••${m.phoneLast4}` : ""} · {t(`methodRole.${m.role}`)}</span>
                <Disclosure summary={t("twoStep.edit")} summaryClassName="cursor-pointer text-blue-800">
                  <ActionForm
                    action={updateTwoStepMethodAction}
                    schema="updateTwoStepMethod"
                    hidden={{ ...base, methodId: m.id }}
                    fields={methodFields(t, account)}
                    values={{ kind: m.kind, role: m.role, label: m.label ?? "", phoneLast4: m.phoneLast4 ?? "", deviceId: m.device?.id ?? "" }}
                    submitLabel={t("form.save")}
                    pendingLabel={t("form.saving")}
                    messages={messages}
                    inline
                    testId="edit-method-form"
                  />
                </Disclosure>
                <Disclosure summary={t("twoStep.removeAsk")} summaryClassName="cursor-pointer text-red-800">
                  <p className="my-1">{t("twoStep.removeWhat")}</p>
                  <ActionForm action={removeTwoStepMethodAction} hidden={{ ...base, methodId: m.id, confirm: "yes" }} submitLabel={t("form.removeConfirm")} pendingLabel={t("form.saving")} messages={messages} variant="danger" inline testId="remove-method-form" />
                </Disclosure>
              </li>
            ))}
          </ul>
        )}
        {matrix && (
          // The primary user holds every tool; a secondary user's levels are set tool by tool.
          <Disclosure testId="permission-editor" summary={t("permissions.edit")} summaryClassName="cursor-pointer text-xs text-blue-800">
            <PermissionMatrixForm
              action={setPermissionsAction}
              hidden={{ ...base, loginId: login.id }}
              tools={matrix.tools}
              marketplaces={account.marketplaces}
              levels={Object.fromEntries(login.permissions.map((p) => [grantField(p.toolId, p.marketplace), p.level]))}
              labels={matrix.labels}
            />
          </Disclosure>
        )}
        <Disclosure testId="login-remover" summary={t("logins.remove")} summaryClassName="cursor-pointer text-xs text-red-800">
          <p className="my-1 text-xs">{t("logins.removeWhat", { methods: login.twoStepMethods.length, grants: login.permissions.length })}</p>
          <ActionForm action={removeLoginAction} hidden={{ ...base, loginId: login.id, confirm: "yes" }} submitLabel={t("form.removeConfirm")} pendingLabel={t("form.saving")} messages={messages} variant="danger" inline />
        </Disclosure>
      </div>
    </Disclosure>
  );
}
