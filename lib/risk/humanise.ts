import { personLabel } from "../people/person-label";
import type { SellerAccount, Snapshot } from "../validation/snapshot";
import { IdIndex } from "./id-index";
import type { EvidenceData, Finding } from "./types";

/**
 * Evidence names things by id ("login l-1 (owner@x)"), which reads well for hand-written snapshot ids
 * but not for database ids. This rewrites "ID (details)" to "details" and a bare ID to its label.
 */
export function humaniseEvidence(text: string, ids: readonly string[], labels: ReadonlyMap<string, string>): string {
  let out = text;
  for (const id of ids) {
    const label = labels.get(id);
    if (label === undefined || !out.includes(id)) continue;
    out = replaceAll(out, id, (rest) => {
      if (!rest.startsWith(" (")) return { insert: label, skip: 0 };
      const close = matchingParen(rest, 1);
      return close < 0 ? { insert: label, skip: 0 } : { insert: rest.slice(2, close), skip: close + 1 };
    });
  }
  return out;
}

/** What separates the words of evidence, as mentionedIds splits them. */
const SEPARATOR = /[\s,;:()"']/;
const bounded = (text: string, at: number, end: number) => (at === 0 || SEPARATOR.test(text[at - 1])) && (end === text.length || SEPARATOR.test(text[end]));

/**
 * Each occurrence of `id` that stands as a word of its own: "p-1" is not replaced inside "p-10" or an e-mail
 * "p-1@sakura.example" (the app's ids are database ids, which never meet this; a snapshot's own short ids do).
 */
function replaceAll(text: string, id: string, replace: (rest: string) => { insert: string; skip: number }): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, Math.max(from, at + 1))) {
    if (at < from || !bounded(text, at, at + id.length)) continue;
    const { insert, skip } = replace(text.slice(at + id.length));
    out += text.slice(from, at) + insert;
    from = at + id.length + skip;
  }
  return out + text.slice(from);
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

const deviceLabel = (d: Snapshot["devices"][number]) => d.label ?? d.kind;
const loginLabel = (l: SellerAccount["logins"][number]) => l.email ?? l.role.toLowerCase();

/** Human labels of everything a finding can mention: login e-mails, people, devices, apps, partners. */
export function snapshotLabels(snapshot: Snapshot): Map<string, string> {
  const labels = new Map<string, string>();
  for (const p of snapshot.people) labels.set(p.id, personLabel(p.name, p.company));
  for (const d of snapshot.devices) labels.set(d.id, deviceLabel(d));
  for (const a of snapshot.accounts) {
    for (const l of a.logins) labels.set(l.id, loginLabel(l));
    for (const app of a.apps) labels.set(app.id, app.name);
    for (const p of a.partners) labels.set(p.id, p.company);
  }
  return labels;
}

/** The ids a text mentions that have a label: every word-like token of the text, looked up once. */
export function mentionedIds(text: string, labels: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const token of text.split(/[\s,;:()"']+/)) if (token && labels.has(token) && !found.includes(token)) found.push(token);
  // Longest first, so an id that contains another is replaced whole.
  return found.sort((a, b) => b.length - a.length);
}

const ONLY_DIGITS = /^[0-9]+$/;

/**
 * A finding's evidence with the people, logins and devices it names by id named as the app names them (recompute
 * does the same with the database's ids before it stores a finding), for what reads a snapshot's own ids: `gatehouse
 * audit` and POST /api/v1/audit (decision 094). A snapshot's ids are the author's: login ids repeat from account to
 * account ("l-1"), so a login is looked up in the finding's own account; only the ids the finding is about are
 * looked for (its subject, and the facts in which the rules name them: loginId, personId, deviceId, holderId,
 * adminPersonId and the lists otherUsers, admins, people, loginIds, primaryLogins); and an id of digits alone is left
 * as it stands, since "3" or "2" in the sentence may be a count ("3 people can administer the account (limit 2)").
 * One namer serves a whole report: its look-ups are built once, on first use, and nothing is allocated per finding
 * that names no one (a 50,000-account report has ~170,000 findings).
 */
export class EvidenceNamer {
  // IdIndex, not Map: ~100k people and devices in a large snapshot (lib/risk/id-index.ts says why).
  private people: IdIndex<Snapshot["people"][number]> | undefined;
  private devices: IdIndex<Snapshot["devices"][number]> | undefined;
  /** The ids of the finding being named and their labels, reused from finding to finding. */
  private readonly labels = new Map<string, string>();
  private readonly ids: string[] = [];

  constructor(private readonly snapshot: Snapshot) {}

  evidence(finding: Finding, account: SellerAccount | undefined): string {
    const text = finding.evidence;
    this.labels.clear();
    this.ids.length = 0;
    this.consider(finding.subject.id, text, account);
    // Read by name, not through a list of keys: a keyed read over every rule's facts is a megamorphic load (decision 092).
    const data = finding.evidenceData;
    this.considerOne(data.loginId, text, account);
    this.considerOne(data.personId, text, account);
    this.considerOne(data.deviceId, text, account);
    this.considerOne(data.holderId, text, account);
    this.considerOne(data.adminPersonId, text, account);
    this.considerList(data.otherUsers, text, account);
    this.considerList(data.admins, text, account);
    this.considerList(data.people, text, account);
    this.considerList(data.loginIds, text, account);
    this.considerList(data.primaryLogins, text, account);
    if (this.ids.length === 0) return text;
    // Longest first, so an id that contains another is replaced whole.
    if (this.ids.length > 1) this.ids.sort((a, b) => b.length - a.length);
    return humaniseEvidence(text, this.ids, this.labels);
  }

  private considerOne(value: EvidenceData[string] | undefined, text: string, account: SellerAccount | undefined): void {
    if (typeof value === "string") this.consider(value, text, account);
  }

  /** A list fact: ids joined by ", " (a primary login's "l-1:DISABLED" by ":"). */
  private considerList(value: EvidenceData[string] | undefined, text: string, account: SellerAccount | undefined): void {
    if (typeof value === "string") for (const part of value.split(/[,:]/)) this.consider(part.trim(), text, account);
  }

  private consider(id: string, text: string, account: SellerAccount | undefined): void {
    if (id === "" || this.labels.has(id) || ONLY_DIGITS.test(id) || !text.includes(id)) return;
    const label = this.label(id, account);
    if (label === undefined) return;
    this.labels.set(id, label);
    this.ids.push(id);
  }

  /** A login of the finding's account, else a person, else a device: the kinds the rules name by id. */
  private label(id: string, account: SellerAccount | undefined): string | undefined {
    if (account !== undefined) for (const login of account.logins) if (login.id === id) return loginLabel(login);
    this.people ??= indexOf(this.snapshot.people);
    const person = this.people.get(id);
    if (person !== undefined) return personLabel(person.name, person.company);
    this.devices ??= indexOf(this.snapshot.devices);
    const device = this.devices.get(id);
    return device === undefined ? undefined : deviceLabel(device);
  }
}

function indexOf<T extends { id: string }>(records: readonly T[]): IdIndex<T> {
  const index = new IdIndex(records);
  for (let i = 0; i < records.length; i++) index.add(i);
  return index;
}
