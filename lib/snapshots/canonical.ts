import type { AppAuthorization, AuthorizedPartner, Device, Login, OtherAccess, Person, SellerAccount } from "@/lib/validation/snapshot";

// The comparable form of snapshot records, so an upsert can tell "unchanged" from "updated" whatever
// order the file lists things in and however a date was written. A record read back from the database
// and the same record read from a file give the same key; any difference that the database would keep
// gives a different one.

/**
 * A snapshot date as the database keeps it: the instant (a bare date is midnight UTC), written back as
 * `YYYY-MM-DD` when it is midnight UTC and as a full ISO timestamp otherwise.
 */
export function canonicalDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return dateText(date);
}

/** The snapshot form of a stored timestamp (see canonicalDate). */
export function dateText(date: Date | null): string | null {
  if (!date) return null;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

const sorted = (values: string[]) => [...values].sort();
const json = (value: unknown) => JSON.stringify(value);

export function personKey(p: Person): string {
  return json([p.name, p.external, p.company, canonicalDate(p.departedAt)]);
}

export function deviceKey(d: Device): string {
  return json([d.kind, d.label, d.holderId, d.skipOtpOnBrowser]);
}

/** A login with its users, 2SV methods and permissions; the lists compare as sets (the database keeps no order). */
export function loginKey(l: Login): string {
  return json([
    l.role, l.email, l.personId, sorted([...new Set(l.usedBy.length ? l.usedBy : [l.personId])]), l.status,
    canonicalDate(l.invitedAt), canonicalDate(l.acceptedAt), canonicalDate(l.lastLoginAt), canonicalDate(l.passwordChangedAt), l.passwordReused,
    sorted(l.twoStep.map((m) => json([m.kind, m.role, m.deviceId, m.phoneLast4]))),
    sorted(l.permissions.map((g) => json([g.tool, g.level, g.marketplace]))),
  ]);
}

export function partnerKey(p: AuthorizedPartner): string {
  return json([p.company, canonicalDate(p.linkSentAt), canonicalDate(p.acceptedAt)]);
}

export function appKey(a: AppAuthorization): string {
  return json([a.name, a.developer, canonicalDate(a.authorizedAt), canonicalDate(a.expiresAt)]);
}

/** Other access has no id of its own: the account's entries compare as one multiset. */
export function otherAccessKey(entries: OtherAccess[]): string {
  return json(sorted(entries.map((o) => json([o.personId, o.console, o.role]))));
}

/** The account's own fields (its children are compared one by one). */
export function accountFieldsKey(a: SellerAccount): string {
  return json([a.storeName, a.sellerId, a.region, a.marketplaces, a.plan, a.status, canonicalDate(a.lastVerifiedAt)]);
}
