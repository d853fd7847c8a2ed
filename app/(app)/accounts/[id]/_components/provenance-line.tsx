import type { Provenance } from "@/lib/db/accounts/account-provenance";
import type { Translate } from "@/lib/i18n/server";
import { verifiedText } from "./account-html";

/** Where a fact came from (typed in, imported, API, demo) and who last checked it against Seller Central, when. */
export function ProvenanceLine({ provenance, t }: { provenance: Provenance; t: Translate }) {
  return (
    // One string and a short class: the account page repeats this line on every login (decision 057).
    <div className="provenance" data-testid="provenance">{`${t("provenance.line", { source: t(`provenance.${provenance.source}`) })} · ${verifiedText(provenance, t)}`}</div>
  );
}
