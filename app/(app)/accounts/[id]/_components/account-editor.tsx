import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { AccountRemoval } from "@/lib/db/accounts/account-records";
import { withoutMarketplaceChoices } from "@/lib/forms/marketplace-choices";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { accountFields } from "../../_components/account-fields";
import { removeAccountAction, updateAccountAction } from "../actions";
import { AccountEditorPanel } from "./account-editor-panel";

/** The account's own facts, edited where they are shown; removal names everything that goes with it. */
export function AccountEditor({ account, clients, clientRequired, removal, t }: {
  /** The account's own client only: the select fetches the others when opened. */
  account: AccountDetail; clients: { id: string; name: string }[]; clientRequired: boolean; removal: AccountRemoval; t: Translate;
}) {
  // Sent as data, built in the browser when opened (decision 044): the closed editor costs the page its two
  // summary lines and this description, not two forms' element trees and the region and marketplace choices.
  return (
    <AccountEditorPanel
      base={{ accountId: account.id, version: account.version }}
      actions={{ update: updateAccountAction, remove: removeAccountAction }}
      fields={withoutMarketplaceChoices(accountFields(t, clients, account, clientRequired, true))}
      messages={formMessages(t, "form.saved")}
      words={{ edit: t("accounts.edit"), remove: t("accounts.remove"), removeWhat: t("accounts.removeWhat", { ...removal }), save: t("form.save"), saving: t("form.saving"), removeConfirm: t("form.removeConfirm") }}
    />
  );
}
