import "server-only";
import { dateToDay } from "@/lib/validation/record-fields";
import type { Provenance } from "./account-provenance";
import type { AccountRemoval } from "./account-records";
import { labelMap } from "../labels";
import type { AccountPageRow, AccountPageWant, RawSource } from "./read-accounts";

// Everything the account page edits or labels beyond what it shows: provenance with the verifiers' names, and —
// only for those who can edit or see reports — the forms' values and choices, the removal counts and the kept
// reports. Decision 028 read them in a second statement (it had replaced 14–18 small ones); decision 047 folded
// that into the page's own statement (ACCOUNT_PAGE_SQL): most of it was the same rows read twice (the logins,
// their 2SV methods, partners, apps and other access, each counted and listed again), and a second statement
// cost a second round trip and a second planning. The client select gets only the account's own client: the
// rest (~400 in the bench organisation, ~30 kB of flight) are fetched from /api/clients?all=1 when the user
// opens it (decision 034, stop 28).

export interface AccountReportRow {
  id: string;
  format: "PDF" | "XLSX" | "CSV";
  locale: string;
  createdAt: string;
  sha256: string;
}

export interface AccountPageExtras {
  provenance: { account: Provenance; logins: Map<string, Provenance>; children: Map<string, Provenance> };
  /** Null unless asked for (writers only). */
  editing: {
    /** The account's own client only (none, or one): the form fetches the others when its select is opened. */
    clients: { id: string; name: string }[];
    removal: AccountRemoval;
    loginValues: Map<string, Record<string, string>>;
    people: { id: string; name: string }[];
  } | null;
  /** Null unless asked for (Owners and Admins outside a portal). */
  reports: AccountReportRow[] | null;
  /** Display names of the people and devices the findings' evidence names. */
  labels: Map<string, string>;
}

const provenanceOf = (raw: Omit<RawSource, "verifiedAt"> & { verifiedAt: string | Date | null }, names: Map<string, string>, meaning: Provenance["meaning"] = "recorded"): Provenance => ({
  source: raw.source,
  meaning,
  verifiedAt: raw.verifiedAt === null ? null : new Date(raw.verifiedAt),
  verifiedBy: raw.verifiedById === null ? null : (names.get(raw.verifiedById) ?? null),
});
const day = (iso: string | null) => dateToDay(iso === null ? null : new Date(iso));
/** Code-point order: the C collation's, in which the second statement sorted these (ORDER BY name, id). */
function byCodePoint(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  return x.length - y.length;
}

/** The account page's provenance, forms and evidence labels, from its statement's row (decision 047). */
export function accountPageExtras(row: AccountPageRow, want: AccountPageWant): AccountPageExtras {
  const names = new Map(row.members.map((m) => [m.id, m.name]));
  const methods = row.logins.flatMap((l) => l.twoStepMethods);
  const children = [...methods, ...row.partners, ...row.apps, ...row.otherAccess];
  const people = new Map<string, { id: string; name: string; company: string | null }>();
  for (const l of row.logins) for (const p of [l.person, ...l.usedBy.map((u) => u.person)]) people.set(p.id, p);
  return {
    provenance: {
      account: provenanceOf({ source: row.source, verifiedAt: row.lastVerifiedAt, verifiedById: row.verifiedById }, names, "checked"),
      logins: new Map(row.logins.map((l) => [l.id, provenanceOf(l, names)])),
      children: new Map(children.map((c) => [c.id, provenanceOf(c, names)])),
    },
    editing: want.editing && row.findingCount !== null
      ? {
          // The account's own client (in a Manager's scope, as the account is).
          clients: row.client ? [row.client] : [],
          removal: {
            logins: row.logins.length,
            methods: methods.length,
            grants: row.logins.reduce((n, l) => n + l.permissions.length, 0),
            partners: row.partners.length,
            apps: row.apps.length,
            otherAccess: row.otherAccess.length,
            findings: row.findingCount,
          },
          loginValues: new Map(row.logins.map((l) => [l.id, {
            role: l.role, email: l.email ?? "", personId: l.personId, status: l.status, invitedAt: day(l.invitedAt), acceptedAt: day(l.acceptedAt),
            lastLoginAt: day(l.lastLoginAt), passwordChangedAt: day(l.passwordChangedAt), passwordReused: l.passwordReused ? "yes" : "no",
            sharedWith: l.usedBy.map((u) => u.person.id).filter((id) => id !== l.personId).sort(byCodePoint).join(","),
          }])),
          // Everyone who owns or uses a login of this account: the names the login forms show for the people already
          // chosen (their person fields search /api/people for anyone else).
          people: [...people.values()]
            .sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id))
            .map((p) => ({ id: p.id, name: p.company ? `${p.name} (${p.company})` : p.name })),
        }
      : null,
    reports: want.reports ? row.reports : null,
    labels: labelMap(row.labels ?? []),
  };
}
