import type { Provenance } from "@/lib/db/accounts/account-provenance";
import type { Translate } from "@/lib/i18n/server";
import { verifiedText } from "./account-html";

/** Where a fact came from (typed in, imported, API, demo) and who last checked it against Seller Central, when. */
export function ProvenanceLine({ provenance, t }: { provenance: Provenance; t: Translate }) {
  return (
    <div className="text-xs font-normal text-slate-500" data-testid="provenance">
      {t("provenance.line", { source: t(`provenance.${provenance.source}`) })}
      {" · "}
      {verifiedText(provenance, t)}
    </div>
  );
}
