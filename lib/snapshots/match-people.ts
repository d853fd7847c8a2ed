import type { Snapshot } from "@/lib/validation/snapshot";

// One person, one record: an incoming person is the existing person with the same external id, or
// else the existing person who already holds a login with one of the e-mail addresses of the incoming
// person's logins. Two overlapping files (or a file and what was typed in by hand) then name one
// person once. Every e-mail match is shown to the user before anything is written, and the user can
// keep any of them apart (a new person is made instead).

export interface ExistingPersonRef {
  /** Database id. */
  id: string;
  externalId: string;
  name: string;
}

export type PersonMatch =
  | { incomingId: string; name: string; by: "externalId"; existing: ExistingPersonRef }
  | { incomingId: string; name: string; by: "email"; email: string; existing: ExistingPersonRef }
  /** A new person; `apartFrom` is the e-mail match the user chose to keep apart (shown so it can be undone). */
  | { incomingId: string; name: string; by: null; existing: null; apartFrom: { email: string; existing: ExistingPersonRef } | null };

export interface MatchPeopleInput {
  snapshot: Pick<Snapshot, "people" | "accounts">;
  /** Existing people whose external id is one of the incoming people's ids. */
  byExternalId: Map<string, ExistingPersonRef>;
  /** Lower-cased e-mail address → the existing people holding a login (or recorded) with it, in a stable order. */
  byEmail: Map<string, ExistingPersonRef[]>;
  /** Incoming person ids the user chose to keep apart from their e-mail match. */
  keepApart?: ReadonlySet<string>;
}

/** The lower-cased e-mail addresses of each incoming person's own logins, in file order. */
export function incomingEmails(snapshot: Pick<Snapshot, "accounts">): Map<string, string[]> {
  const emails = new Map<string, string[]>();
  for (const account of snapshot.accounts)
    for (const login of account.logins) {
      if (!login.email) continue;
      const list = emails.get(login.personId) ?? [];
      const email = login.email.toLowerCase();
      if (!list.includes(email)) list.push(email);
      emails.set(login.personId, list);
    }
  return emails;
}

/**
 * Matches every incoming person, in file order. An existing person is claimed by at most one incoming
 * person: by external id first (over the whole file), then by e-mail, so two incoming people are never
 * merged into one record behind the user's back.
 */
export function matchPeople({ snapshot, byExternalId, byEmail, keepApart = new Set() }: MatchPeopleInput): PersonMatch[] {
  const claimed = new Set<string>();
  for (const person of snapshot.people) {
    const existing = byExternalId.get(person.id);
    if (existing) claimed.add(existing.id);
  }
  const emails = incomingEmails(snapshot);
  return snapshot.people.map((person): PersonMatch => {
    const existing = byExternalId.get(person.id);
    if (existing) return { incomingId: person.id, name: person.name, by: "externalId", existing };
    let candidate: { email: string; existing: ExistingPersonRef } | null = null;
    for (const email of emails.get(person.id) ?? []) {
      const found = (byEmail.get(email) ?? []).find((p) => !claimed.has(p.id));
      if (found) {
        candidate = { email, existing: found };
        break;
      }
    }
    if (candidate && !keepApart.has(person.id)) {
      claimed.add(candidate.existing.id);
      return { incomingId: person.id, name: person.name, by: "email", email: candidate.email, existing: candidate.existing };
    }
    return { incomingId: person.id, name: person.name, by: null, existing: null, apartFrom: candidate };
  });
}

/** The external id each incoming person ends up with: the matched record's own, or the file's. */
export function resolvedPersonIds(matches: PersonMatch[]): Map<string, string> {
  return new Map(matches.map((m) => [m.incomingId, m.existing ? m.existing.externalId : m.incomingId]));
}

/** The snapshot with every reference to a person rewritten to the person's resolved external id. */
export function withResolvedPeople(snapshot: Snapshot, ids: Map<string, string>): Snapshot {
  const to = (id: string) => ids.get(id) ?? id;
  return {
    ...snapshot,
    people: snapshot.people.map((p) => ({ ...p, id: to(p.id) })),
    devices: snapshot.devices.map((d) => ({ ...d, holderId: d.holderId === null ? null : to(d.holderId) })),
    accounts: snapshot.accounts.map((a) => ({
      ...a,
      logins: a.logins.map((l) => ({ ...l, personId: to(l.personId), usedBy: l.usedBy.map(to) })),
      otherAccess: a.otherAccess.map((o) => ({ ...o, personId: to(o.personId) })),
    })),
  };
}
