import { createHash } from "node:crypto";
import type { PersonMatch } from "./match-people";
import { summarisePlan, type AccountPlan, type ChildChanges, type PlanSummary, type UpsertPlan } from "./plan";

// The dry run's answer: plain data (it crosses from a server action to the page) saying, account by
// account, what an upsert will create, update, remove and leave alone, and which incoming people it
// takes for people already on record.

export interface ChildPreview {
  created: string[];
  updated: string[];
  removed: string[];
}

export interface AccountPreview {
  /** Position in the file. */
  index: number;
  id: string;
  storeName: string;
  status: AccountPlan["status"];
  matchedBy: AccountPlan["matchedBy"];
  /**
   * The existing account this one overwrites, as it is now: its name (the file may rename it), its id and
   * seller ID, and the logins it loses (by e-mail, else id), so nobody overwrites a real account unawares.
   */
  existing: { storeName: string; id: string; sellerId: string | null; loginsLost: string[] } | null;
  fieldsChanged: boolean;
  clientChanged: boolean;
  otherAccessChanged: boolean;
  logins: ChildPreview;
  partners: ChildPreview;
  apps: ChildPreview;
}

export interface UpsertPreview {
  summary: PlanSummary;
  client: { name: string; created: boolean } | null;
  accounts: AccountPreview[];
  /** Every incoming person matched by e-mail, or kept apart from such a match, for the user to confirm. */
  emailMatches: { incomingId: string; name: string; email: string; existingId: string; existingName: string; keptApart: boolean }[];
}

const ids = <T extends { id: string }>(c: ChildChanges<T>): ChildPreview => ({
  created: c.created.map((r) => r.id),
  updated: c.updated.map((u) => u.record.id),
  removed: c.removed.map((r) => r.externalId),
});

function existingOf(a: AccountPlan): AccountPreview["existing"] {
  if (!a.stored) return null;
  const byId = new Map(a.stored.logins.map((l) => [l.id, l.email ?? l.id]));
  return { storeName: a.stored.storeName, id: a.stored.id, sellerId: a.stored.sellerId, loginsLost: a.logins.removed.map((r) => byId.get(r.externalId) ?? r.externalId) };
}

export function previewOf(plan: UpsertPlan, matches: PersonMatch[], client: { name: string; created: boolean } | null): UpsertPreview {
  const emailMatches: UpsertPreview["emailMatches"] = [];
  for (const m of matches) {
    if (m.by === "email") emailMatches.push({ incomingId: m.incomingId, name: m.name, email: m.email, existingId: m.existing.externalId, existingName: m.existing.name, keptApart: false });
    else if (m.by === null && m.apartFrom)
      emailMatches.push({ incomingId: m.incomingId, name: m.name, email: m.apartFrom.email, existingId: m.apartFrom.existing.externalId, existingName: m.apartFrom.existing.name, keptApart: true });
  }
  return {
    summary: summarisePlan(plan),
    client,
    accounts: plan.accounts.map((a) => ({
      index: a.index, id: a.externalId, storeName: a.storeName, status: a.status, matchedBy: a.matchedBy, existing: existingOf(a),
      fieldsChanged: a.fieldsChanged, clientChanged: a.clientChanged, otherAccessChanged: a.otherAccessChanged,
      logins: ids(a.logins), partners: ids(a.partners), apps: ids(a.apps),
    })),
    emailMatches,
  };
}

/** Names one preview: the confirmation applies only if the write would do exactly what was shown. */
export function previewFingerprint(preview: UpsertPreview): string {
  return createHash("sha256").update(JSON.stringify(preview)).digest("hex");
}
