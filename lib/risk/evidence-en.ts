import { en } from "@/lib/i18n/messages/en";
import type { Locale } from "@/lib/i18n/locales";
import { evidenceJa } from "./evidence-ja";
import { TOOL_CATALOGUE } from "./tools";
import type { EvidenceData } from "./types";

// English evidence in the reader's words. The engine's sentence is English already and stays stored as it is (the
// API and `gatehouse audit` print it), but it names tools, levels, 2SV kinds, consoles' roles and statuses by their
// codes ("USER_PERMISSIONS:VIEW_EDIT"). At display time those codes are rebuilt in words from the same finding's
// facts (evidenceData), as the Japanese sentence is (evidence-ja.ts); the rest of the sentence is kept, people and
// devices already named there by recompute's labels. A code the catalogue does not know is kept as it is.

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const catalogue = en as Record<string, string>;
const word = (prefix: string, code: string) => catalogue[`${prefix}.${code}`] ?? code;
const TOOL_EN = new Map<string, string>(TOOL_CATALOGUE.tools.map((tool) => [tool.id, tool.nameEn]));

/** The rules' grant list ("USER_PERMISSIONS:VIEW_EDIT, PAYMENTS@JP:VIEW") as "User Permissions: View & Edit, Payments (JP): View". */
export function grantsEn(grants: unknown): string {
  return str(grants).split(",").map((s) => s.trim()).filter(Boolean).map((entry) => {
    const match = /^([A-Z0-9_]+)(?:@([A-Z0-9_-]+))?:([A-Z_]+)$/.exec(entry);
    if (!match) return entry;
    const [, tool, marketplace, level] = match;
    return `${TOOL_EN.get(tool) ?? tool}${marketplace ? ` (${marketplace})` : ""}: ${word("level", level)}`;
  }).join(", ");
}

/** LEFTOVER_ACCESS's console list ("Amazon Ads (ADMIN), Brand Registry (VIEWER)") with each role in words ("Amazon Ads (Admin)"). */
export function consolesEn(consoles: unknown): string {
  return str(consoles).replace(/(Amazon Ads|Brand Registry) \(([A-Z_]+)\)/g, (_, name: string, role: string) => `${name} (${word("otherRole", role)})`);
}

/** `stored` with the last `code` in it read as `words` (the codes stand at the sentence's end; a name before them may hold the same letters). */
function swap(stored: string, code: string, words: string): string {
  const at = code ? stored.lastIndexOf(code) : -1;
  return at < 0 ? stored : stored.slice(0, at) + words + stored.slice(at + code.length);
}

const kinds = (codes: unknown) => str(codes).split(",").map((k) => k.trim()).filter(Boolean).map((k) => word("twoStepKind", k)).join(", ");

/** The stored English evidence of a finding of `rule`, its codes in words from `data`. */
export function evidenceEn(rule: string, data: EvidenceData, stored: string): string {
  switch (rule) {
    case "EXTERNAL_ADMIN":
    case "EXTERNAL_SENSITIVE_ACCESS":
      return swap(stored, str(data.grants), grantsEn(data.grants));
    case "SINGLE_2SV_METHOD":
      // Anchored on the rule's own words: the device's label follows the code and may hold "(SMS" itself (review 43).
      return swap(stored, `single 2SV method (${str(data.methodKind)}`, `single 2SV method (${kinds(data.methodKind)}`);
    case "SMS_ONLY":
      return swap(stored, `(${str(data.methodKinds)})`, `(${kinds(data.methodKinds)})`);
    case "LEFTOVER_ACCESS":
      return swap(stored, str(data.consoles), consolesEn(data.consoles));
    case "NO_ACTIVE_PRIMARY":
      // "… is DISABLED; … is INVITED": each primary login's status, at the end of its clause.
      return stored.replace(/ is (INVITED|ACTIVE|DISABLED|REMOVED)(?=;|$)/g, (_, status: string) => ` is ${word("loginStatus", status).toLowerCase()}`);
    case "SUSPENDED":
      return data.status ? swap(stored, ` is ${str(data.status)}`, ` is ${word("accountStatus", str(data.status)).toLowerCase()}`) : stored;
    default:
      return stored;
  }
}

/**
 * A finding's evidence as a person reads it, on pages, in reports and in the digest: Japanese rebuilt from its facts,
 * English the stored sentence with its codes in words. `name` turns an id into a person's or device's label.
 */
export function evidenceText(locale: Locale, finding: { ruleId: string; evidence: string; evidenceData: unknown }, name: (id: string) => string): string {
  const data = (finding.evidenceData ?? {}) as EvidenceData;
  return locale === "ja" ? (evidenceJa(finding.ruleId, data, name) ?? finding.evidence) : evidenceEn(finding.ruleId, data, finding.evidence);
}
