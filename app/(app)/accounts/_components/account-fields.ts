import type { FieldSpec } from "@/components/action-form";
import type { Translate } from "@/lib/i18n/server";
import { marketplaceChoices, regionChoices, regionPresets } from "@/lib/forms/marketplace-choices";

export interface AccountValues {
  storeName: string;
  sellerId: string | null;
  region: string;
  marketplaces: string[];
  plan: string;
  status: string;
  clientId: string | null;
}

/**
 * The account form's fields (add and edit share them, and the schema behind them). With `moreClients`,
 * `clients` is only the account's own client and the select fetches the others when opened (decision 034,
 * stop 28: every client in the page was ~30 kB of the account page's flight).
 */
export function accountFields(t: Translate, clients: { id: string; name: string }[], values: AccountValues | null, clientRequired: boolean, moreClients = false): FieldSpec[] {
  return [
    { name: "storeName", label: t("account.storeName"), type: "text", required: true, defaultValue: values?.storeName ?? "" },
    { name: "sellerId", label: t("account.sellerId"), type: "text", defaultValue: values?.sellerId ?? "", hint: t("accounts.sellerIdHint") },
    { name: "region", label: t("account.region"), type: "select", defaultValue: values?.region ?? "JP", options: regionChoices(),
      // North America is one unified account (US/CA/MX), Europe one for its marketplaces: all ticked, untick what is not sold on.
      presets: regionPresets() },
    { name: "marketplaces", label: t("accounts.marketplaces"), type: "checkboxes", hint: t("accounts.marketplacesHint"), defaultValues: values?.marketplaces ?? ["JP"], options: marketplaceChoices() },
    { name: "plan", label: t("account.plan"), type: "select", defaultValue: values?.plan ?? "PROFESSIONAL", options: (["PROFESSIONAL", "INDIVIDUAL"] as const).map((p) => ({ value: p, label: t(`plan.${p}`) })) },
    { name: "status", label: t("account.status"), type: "select", defaultValue: values?.status ?? "ACTIVE", options: (["ACTIVE", "SUSPENDED", "DEACTIVATED"] as const).map((s) => ({ value: s, label: t(`accountStatus.${s}`) })) },
    {
      name: "clientId", label: t("account.client"), type: "select", defaultValue: values?.clientId ?? "",
      options: [...(clientRequired ? [] : [{ value: "", label: t("accounts.noClient") }]), ...clients.map((c) => ({ value: c.id, label: c.name }))],
      ...(moreClients && {
        moreOptions: {
          url: "/api/clients?all=1",
          messages: { more: t("accounts.clientMore"), loading: t("form.moreOptionsLoading"), failed: t("form.moreOptionsFailed"), retry: t("form.moreOptionsRetry") },
        },
      }),
    },
  ];
}
