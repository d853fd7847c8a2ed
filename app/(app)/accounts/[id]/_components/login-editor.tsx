import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { TOOL_CATALOGUE } from "@/lib/risk/tools";
import { grantField } from "@/lib/validation/permission-form";
import { addTwoStepMethodAction, removeLoginAction, removeTwoStepMethodAction, setPermissionsAction, updateLoginAction, updateTwoStepMethodAction } from "../actions";
import { PermissionMatrixForm } from "./permission-matrix-form";
import { loginFields, sharedWithField } from "./login-fields";

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

/** A 2SV method's fields (add, and correct in place); `v` are the recorded method's values. */
function methodFields(t: Translate, devices: Map<string, string>, v?: Record<string, string>): FieldSpec[] {
  return [
    { name: "kind", label: t("twoStep.kind"), type: "select", defaultValue: v?.kind, options: (["AUTHENTICATOR_APP", "SMS", "VOICE"] as const).map((k) => ({ value: k, label: t(`twoStepKind.${k}`) })) },
    { name: "role", label: t("twoStep.role"), type: "select", defaultValue: v?.role ?? "BACKUP", options: (["PRIMARY", "BACKUP"] as const).map((r) => ({ value: r, label: t(`methodRole.${r}`) })) },
    { name: "label", label: t("twoStep.label"), type: "text", maxLength: 100, defaultValue: v?.label },
    { name: "phoneLast4", label: t("twoStep.phoneLast4"), type: "text", inputMode: "numeric", maxLength: 4, hint: t("twoStep.phoneLast4Hint"), defaultValue: v?.phoneLast4 },
    { name: "deviceId", label: t("device.label"), type: "select", defaultValue: v?.deviceId, options: [{ value: "", label: t("twoStep.noDevice") }, ...[...devices].map(([value, label]) => ({ value, label }))] },
  ];
}

/** Edits recorded after checking Seller Central: each one recomputes the account's findings. */
export function LoginEditor({ account, login, t, messages, values, people, locale }: Props & { locale: "ja" | "en" }) {
  const devices = new Map<string, string>();
  for (const l of account.logins) for (const m of l.twoStepMethods) if (m.device) devices.set(m.device.id, `${m.device.label ?? m.device.kind}${m.device.holder ? ` (${m.device.holder.name})` : ""}`);
  const base = { accountId: account.id, version: account.version };
  return (
    <details className="mt-2" data-testid="login-editor">
      <summary className="cursor-pointer text-xs text-blue-800">{t("login.edit")}</summary>
      <div className="mt-2 space-y-4 rounded bg-slate-50 p-3">
        <ActionForm
          action={updateLoginAction}
          schema="updateLogin"
          hidden={{ ...base, loginId: login.id, sharedWithSent: "1" }}
          fields={[...loginFields(t, people, values ?? null), ...(values ? [sharedWithField(t, people, values)] : [])]}
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
            fields={methodFields(t, devices)}
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
                <details>
                  <summary className="cursor-pointer text-blue-800">{t("twoStep.edit")}</summary>
                  <ActionForm
                    action={updateTwoStepMethodAction}
                    schema="updateTwoStepMethod"
                    hidden={{ ...base, methodId: m.id }}
                    fields={methodFields(t, devices, { kind: m.kind, role: m.role, label: m.label ?? "", phoneLast4: m.phoneLast4 ?? "", deviceId: m.device?.id ?? "" })}
                    submitLabel={t("form.save")}
                    pendingLabel={t("form.saving")}
                    messages={messages}
                    inline
                    testId="edit-method-form"
                  />
                </details>
                <details>
                  <summary className="cursor-pointer text-red-800">{t("twoStep.removeAsk")}</summary>
                  <p className="my-1">{t("twoStep.removeWhat")}</p>
                  <ActionForm action={removeTwoStepMethodAction} hidden={{ ...base, methodId: m.id, confirm: "yes" }} submitLabel={t("form.removeConfirm")} pendingLabel={t("form.saving")} messages={messages} variant="danger" inline testId="remove-method-form" />
                </details>
              </li>
            ))}
          </ul>
        )}
        {login.role === "SECONDARY" && (
          // The primary user holds every tool; a secondary user's levels are set tool by tool.
          <details data-testid="permission-editor">
            <summary className="cursor-pointer text-xs text-blue-800">{t("permissions.edit")}</summary>
            <PermissionMatrixForm
              action={setPermissionsAction}
              hidden={{ ...base, loginId: login.id }}
              tools={TOOL_CATALOGUE.tools.map((tool) => ({ id: tool.id, name: locale === "ja" ? tool.nameJa : tool.nameEn, scope: tool.scope }))}
              marketplaces={account.marketplaces}
              levels={Object.fromEntries(login.permissions.map((p) => [grantField(p.toolId, p.marketplace), p.level]))}
              labels={{
                caption: t("account.permissions"), tool: t("permissions.tool"), global: t("permissions.global"), save: t("form.save"), saving: t("form.saving"), saved: t("form.saved"),
                levels: { NONE: t("level.NONE"), VIEW: t("level.VIEW"), VIEW_EDIT: t("level.VIEW_EDIT"), ADMIN: t("level.ADMIN") }, errors: messages.errors,
              }}
            />
          </details>
        )}
        <details data-testid="login-remover">
          <summary className="cursor-pointer text-xs text-red-800">{t("logins.remove")}</summary>
          <p className="my-1 text-xs">{t("logins.removeWhat", { methods: login.twoStepMethods.length, grants: login.permissions.length })}</p>
          <ActionForm action={removeLoginAction} hidden={{ ...base, loginId: login.id, confirm: "yes" }} submitLabel={t("form.removeConfirm")} pendingLabel={t("form.saving")} messages={messages} variant="danger" inline />
        </details>
      </div>
    </details>
  );
}
