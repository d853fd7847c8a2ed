import { ActionForm } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { AccountRemoval } from "@/lib/db/accounts/account-records";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { accountFields } from "../../_components/account-fields";
import { removeAccountAction, updateAccountAction } from "../actions";

/** The account's own facts, edited where they are shown; removal names everything that goes with it. */
export function AccountEditor({ account, clients, clientRequired, removal, t }: {
  /** The account's own client only: the select fetches the others when opened. */
  account: AccountDetail; clients: { id: string; name: string }[]; clientRequired: boolean; removal: AccountRemoval; t: Translate;
}) {
  const base = { accountId: account.id, version: account.version };
  return (
    <div className="mt-3 space-y-2">
      <Disclosure testId="account-editor" summary={t("accounts.edit")} summaryClassName="cursor-pointer text-sm text-blue-800">
        <div className="mt-2 rounded bg-slate-50 p-3">
          <ActionForm
            action={updateAccountAction}
            schema="updateAccount"
            hidden={base}
            fields={accountFields(t, clients, account, clientRequired, true)}
            submitLabel={t("form.save")}
            pendingLabel={t("form.saving")}
            messages={formMessages(t, "form.saved")}
            testId="edit-account-form"
          />
        </div>
      </Disclosure>
      <Disclosure testId="account-remover" summary={t("accounts.remove")} summaryClassName="cursor-pointer text-sm text-red-800">
        <p className="my-2 max-w-xl text-sm">{t("accounts.removeWhat", { ...removal })}</p>
        <ActionForm action={removeAccountAction} hidden={{ ...base, confirm: "yes" }} submitLabel={t("form.removeConfirm")} pendingLabel={t("form.saving")} messages={formMessages(t)} variant="danger" inline />
      </Disclosure>
    </div>
  );
}
