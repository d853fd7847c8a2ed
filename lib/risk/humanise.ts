import { personLabel } from "../people/person-label";
import type { Snapshot } from "../validation/snapshot";

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

function replaceAll(text: string, id: string, replace: (rest: string) => { insert: string; skip: number }): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, from)) {
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

/** Human labels of everything a finding can mention: login e-mails, people, devices, apps, partners. */
export function snapshotLabels(snapshot: Snapshot): Map<string, string> {
  const labels = new Map<string, string>();
  // "Name (Company)", not "Name, Company": evidence lists people with commas, and a comma inside a name read as two people.
  for (const p of snapshot.people) labels.set(p.id, personLabel(p.name, p.company));
  for (const d of snapshot.devices) labels.set(d.id, d.label ?? d.kind);
  for (const a of snapshot.accounts) {
    for (const l of a.logins) labels.set(l.id, l.email ?? l.role.toLowerCase());
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
