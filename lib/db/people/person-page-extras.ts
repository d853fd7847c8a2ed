import "server-only";
import { dateToDay } from "@/lib/validation/record-fields";
import type { ApiTokenActor, Provenance } from "../accounts/account-provenance";
import type { DeviceKind } from "../generated/enums";
import { labelMap, type LabelRow } from "../labels";
import type { PersonRemoval } from "./person-records";

// The person page's provenance and — for those who edit people — its forms' values and choices, with the evidence
// labels and the hand-over candidates. Decision 028 read them in a second statement (it had replaced up to twelve);
// decision 055 folded that into the page's own (personPageStatement), as 047 did for the account page: a second
// statement cost a second round trip, and it read the person again. This file turns the row's extra columns into
// what the page's editors take.

export interface PersonEditing {
  values: Record<string, string>;
  removal: PersonRemoval;
  devices: { id: string; version: number; kind: DeviceKind; label: string | null; holderId: string | null; skipOtpOnBrowser: boolean; source: Provenance["source"] }[];
  /** Someone else in the organisation to merge into this person (the merge form searches /api/people). */
  hasOthers: boolean;
}

export type HandoverCandidate = { id: string; name: string; email: string | null };

/** What the page asks of its statement beyond what it shows ($4, $5, $6 of personPageStatement). */
export interface PersonPageWant {
  /** The editors' facts: Owners and Admins, not in a portal. */
  editing: boolean;
  /** Who could take over a primary login on an open hand-over: those who may tick it. */
  handover: boolean;
  /** The names the findings' evidence mentions (the Japanese evidence lines). */
  labels: boolean;
}

/** The statement's columns beyond the page's; null where `want` did not ask. */
export interface RawPersonExtras {
  version: number;
  name: string;
  email: string | null;
  company: string | null;
  external: boolean;
  departedAt: Date | null;
  source: Provenance["source"];
  verifiedAt: Date | null;
  verifiedBy: string | null;
  verifiedByToken: ApiTokenActor | null;
  removal: PersonRemoval | null;
  heldDevices: PersonEditing["devices"] | null;
  hasOthers: boolean | null;
  candidates: HandoverCandidate[];
  labels: LabelRow[] | null;
}

export interface PersonPageExtras {
  provenance: Provenance;
  /** Null unless asked for. */
  editing: PersonEditing | null;
  candidates: HandoverCandidate[];
  labels: Map<string, string>;
}

/** The person page's provenance, forms, hand-over candidates and evidence labels, from its statement's row. */
export function personPageExtras(row: RawPersonExtras, want: PersonPageWant): PersonPageExtras {
  return {
    provenance: { source: row.source, meaning: "recorded", verifiedAt: row.verifiedAt, verifiedBy: row.verifiedBy, verifiedByToken: row.verifiedByToken },
    editing: want.editing && row.removal && row.heldDevices && row.hasOthers !== null
      ? {
          values: { version: String(row.version), name: row.name, email: row.email ?? "", company: row.company ?? "", external: row.external ? "yes" : "no", departedAt: dateToDay(row.departedAt) },
          removal: row.removal,
          devices: row.heldDevices,
          hasOthers: row.hasOthers,
        }
      : null,
    candidates: row.candidates,
    labels: labelMap(row.labels ?? []),
  };
}
