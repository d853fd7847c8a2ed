import { formatDay } from "@/lib/dates-format";
import type { ApiTokenActor, Provenance } from "@/lib/db/accounts/account-provenance";
import type { Translate } from "./server";

/**
 * The date-and-person half of a provenance line, in words true to what the date is: only an account's check says
 * "verified against Seller Central"; a login, person or child record typed in or imported says who recorded it
 * (decision 069).
 */
export function provenanceText(provenance: Pick<Provenance, "meaning" | "verifiedAt" | "verifiedBy" | "verifiedByToken">, t: Translate): string {
  const { verifiedAt: at } = provenance;
  const who = provenance.verifiedByToken ? apiTokenActorText(provenance.verifiedByToken, t) : provenance.verifiedBy;
  if (provenance.meaning === "checked") {
    if (!at) return t("provenance.notVerified");
    return who ? t("provenance.verified", { date: formatDay(at), who }) : t("provenance.verifiedOn", { date: formatDay(at) });
  }
  if (!at) return t("provenance.recordedUnknown");
  return who ? t("provenance.recorded", { date: formatDay(at), who }) : t("provenance.recordedOn", { date: formatDay(at) });
}

/** "API token “nightly”", "… (revoked)": a change that came through a token, credited to it rather than to a person (decision 094). */
export function apiTokenActorText(token: ApiTokenActor, t: Translate): string {
  return t(token.revoked ? "actor.apiTokenRevoked" : "actor.apiToken", { name: token.name });
}
