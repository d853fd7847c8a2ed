import { ActionForm, type FormMessages } from "@/components/action-form";
import type { AccountDetail } from "@/lib/db/accounts";
import { formatDay } from "@/lib/dates-format";
import type { Translate } from "@/lib/i18n/server";
import { addTwoStepMethodAction, removeTwoStepMethodAction, updateLoginAction } from "../actions";

type Login = AccountDetail["logins"][number];

/** Edits recorded after checking Seller Central: each one recomputes the account's findings. */
export function LoginEditor({ account, login, t, messages }: { account: AccountDetail; login: Login; t: Translate; messages: FormMessages }) {
  const devices = new Map<string, string>();
  for (const l of account.logins) for (const m of l.twoStepMethods) if (m.device) devices.set(m.device.id, `${m.device.label ?? m.device.kind}${m.device.holder ? ` (${m.device.holder.name})` : ""}`);
  const base = { accountId: account.id, version: account.version };
  return (
    <details className="mt-2" data-testid="login-editor">
      <summary className="cursor-pointer text-xs text-blue-800">{t("login.edit")}</summary>
      <div className="mt-2 space-y-4 rounded bg-slate-50 p-3">
        <ActionForm
          action={updateLoginAction}
          hidden={{ ...base, loginId: login.id }}
          fields={[
            {
              name: "status", label: t("login.status"), type: "select", defaultValue: login.status,
              options: (["INVITED", "ACTIVE", "DISABLED", "REMOVED"] as const).map((s) => ({ value: s, label: t(`loginStatus.${s}`) })),
            },
            { name: "passwordChangedAt", label: t("login.passwordChanged"), type: "date", defaultValue: login.passwordChangedAt ? formatDay(login.passwordChangedAt) : "", hint: t("login.passwordChangedHint") },
          ]}
          submitLabel={t("form.save")}
          pendingLabel={t("form.saving")}
          messages={messages}
          inline
        />
        <div>
          <h4 className="text-xs font-semibold">{t("twoStep.add")}</h4>
          <ActionForm
            action={addTwoStepMethodAction}
            hidden={{ ...base, loginId: login.id }}
            fields={[
              { name: "kind", label: t("twoStep.kind"), type: "select", options: (["AUTHENTICATOR_APP", "SMS", "VOICE"] as const).map((k) => ({ value: k, label: t(`twoStepKind.${k}`) })) },
              { name: "role", label: t("twoStep.role"), type: "select", defaultValue: "BACKUP", options: (["PRIMARY", "BACKUP"] as const).map((r) => ({ value: r, label: t(`methodRole.${r}`) })) },
              { name: "label", label: t("twoStep.label"), type: "text", maxLength: 100 },
              { name: "phoneLast4", label: t("twoStep.phoneLast4"), type: "text", inputMode: "numeric", maxLength: 4, hint: t("twoStep.phoneLast4Hint") },
              { name: "deviceId", label: t("device.label"), type: "select", options: [{ value: "", label: t("twoStep.noDevice") }, ...[...devices].map(([value, label]) => ({ value, label }))] },
            ]}
            submitLabel={t("twoStep.addSubmit")}
            pendingLabel={t("form.saving")}
            messages={messages}
            inline
            testId="add-method-form"
          />
        </div>
        {login.twoStepMethods.length > 0 && (
          <ul className="space-y-1 text-xs">
            {login.twoStepMethods.map((m) => (
              <li key={m.id} className="flex items-center gap-2">
                <span>{t(`twoStepKind.${m.kind}`)}{m.phoneLast4 ? ` ••••${m.phoneLast4}` : ""} · {t(`methodRole.${m.role}`)}</span>
                <ActionForm action={removeTwoStepMethodAction} hidden={{ ...base, methodId: m.id }} submitLabel={t("twoStep.remove")} pendingLabel={t("form.saving")} messages={messages} variant="danger" inline />
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
