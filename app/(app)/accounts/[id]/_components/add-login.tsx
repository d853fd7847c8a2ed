import { ActionForm, type FormMessages } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { createLoginAction } from "../actions";
import { loginEditFields, loginFields, newPersonFields } from "./login-fields";

/** A login seen in Seller Central's User Permissions, typed in; its 2SV methods are added on its row. */
export function AddLogin({ account, people, t, messages }: { account: AccountDetail; people: { id: string; name: string }[]; t: Translate; messages: FormMessages }) {
  // The first login typed in for an account is usually its primary user: offered as such while none is recorded.
  const hasPrimary = account.logins.some((l) => l.role === "PRIMARY");
  // The edit forms' descriptions where they are the same (every field but the person and "also used by"): the
  // flight then carries those labels once for the whole page, not once more for this form (decision 044).
  const person = loginFields(t, people, null).find((f) => f.name === "personId")!;
  const fields = loginEditFields(t)
    .filter((f) => f.name !== "sharedWith")
    .map((f) => (f.name === "personId" ? person : f.name === "role" && !hasPrimary ? { ...f, defaultValue: "PRIMARY" } : f));
  const personAt = fields.findIndex((f) => f.name === "personId");
  fields.splice(personAt + 1, 0, ...newPersonFields(t));
  return (
    <Disclosure className="mb-3" testId="add-login" summary={t("logins.add")} summaryClassName="cursor-pointer text-sm text-blue-800">
      <div className="mt-2 rounded bg-slate-50 p-3">
        <ActionForm
          action={createLoginAction}
          schema="createLogin"
          hidden={{ accountId: account.id, version: account.version }}
          fields={fields}
          submitLabel={t("logins.create")}
          pendingLabel={t("form.saving")}
          messages={messages}
          inline
          testId="add-login-form"
        />
      </div>
    </Disclosure>
  );
}
