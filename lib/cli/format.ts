import type { AccountResult, EvaluationResult, Finding, Severity } from "../risk";
import { aggregateScore, SCORE_FORMULA, SEVERITIES } from "../risk";
import { EvidenceNamer } from "../risk/humanise";
import { containsPhoneNumber, maskPhoneNumbers, PHONE_MIN_DIGITS } from "../validation/phone-number";
import type { SellerAccount, Snapshot } from "../validation/snapshot";

/**
 * The snapshot's device labels with a full phone number masked as the app masks stored ones (decision 086: every digit
 * but the last four as "•"), in place. The audit stores nothing, but it repeats a device's label in its evidence ("SMS
 * +81 90 1234 5678" → "SMS +•• •• •••• 5678"), and its output should hold no number the app would never keep (decision
 * 094). The label is the only text of a snapshot that names a phone; the rules never read it.
 */
export function maskLabelPhoneNumbers(snapshot: Snapshot): Snapshot {
  for (const device of snapshot.devices) {
    const label = device.label;
    if (label !== null && mayHoldPhoneNumber(label) && containsPhoneNumber(label)) device.label = maskPhoneNumbers(label);
  }
  return snapshot;
}

/**
 * False only for a label that cannot hold a phone number: plain ASCII with fewer digits than the shortest one. The
 * detector's NFKC and expressions are then skipped (most labels: "iPhone 15", "Authenticator"); any other character
 * might become a digit under NFKC ("９", "①"), so such a label is read in full.
 */
function mayHoldPhoneNumber(label: string): boolean {
  let digits = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c > 0x7e) return true;
    if (c >= 0x30 && c <= 0x39 && ++digits >= PHONE_MIN_DIGITS) return true;
  }
  return false;
}

/**
 * The documented `--json` shape: findings carry exactly these keys, nothing engine-internal. The evidence names
 * people, logins and devices as the app does (decision 094); subject ids stay the snapshot's ids, as documented.
 */
export function toAuditJson(result: EvaluationResult, snapshot: Snapshot): string {
  const namer = new EvidenceNamer(snapshot);
  const sources = new SourceAccounts(snapshot);
  const output = {
    asOf: result.asOf,
    accounts: result.accounts.map((account, position) => ({
      id: account.id,
      score: account.score,
      findings: account.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        subject: { type: f.subject.type, id: f.subject.id },
        evidence: namer.evidence(f, sources.of(account.id, position)),
        remediation: { ja: f.remediation.ja, en: f.remediation.en },
      })),
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

/**
 * "1 high, 2 low": an account's findings counted by severity, most severe first, severities without any left
 * out. Four counters, not a Map and three arrays per account (50,000 accounts a report; decision 043).
 */
function countBySeverity(findings: readonly Finding[]): string {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < findings.length; i++) counts[SEVERITY_INDEX[findings[i].severity]]++;
  let text = "";
  for (let s = 0; s < SEVERITIES.length; s++) {
    if (counts[s] === 0) continue;
    text = text === "" ? `${counts[s]} ${SEVERITIES[s]}` : `${text}, ${counts[s]} ${SEVERITIES[s]}`;
  }
  return text;
}
const SEVERITY_INDEX = Object.fromEntries(SEVERITIES.map((severity, i) => [severity, i])) as Record<Severity, number>;

const HEADER = ["SEVERITY", "RULE", "SUBJECT", "EVIDENCE"] as const;

/**
 * An account's findings as aligned rows under HEADER, each line indented by two spaces: columns padded to
 * their widest cell, the last (evidence) not padded, so lines carry no trailing spaces. Written out with a
 * loop over the findings: the row arrays and `Math.max(...spread)` per column that it replaces were ~40 %
 * of formatting a 50,000-account report (decision 030, stop 27).
 */
function findingLines(findings: readonly Finding[], lines: string[], evidence: (finding: Finding) => string): void {
  let severityWidth = HEADER[0].length;
  let ruleWidth = HEADER[1].length;
  let subjectWidth = HEADER[2].length;
  // One list of subjects reused for every account: an array per account was garbage 50,000 times a report.
  const subjects = subjectScratch;
  subjects.length = findings.length;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const subject = `${f.subject.type} ${f.subject.id}`;
    subjects[i] = subject;
    if (f.severity.length > severityWidth) severityWidth = f.severity.length;
    if (f.rule.length > ruleWidth) ruleWidth = f.rule.length;
    if (subject.length > subjectWidth) subjectWidth = subject.length;
  }
  lines.push(`  ${HEADER[0].padEnd(severityWidth)}  ${HEADER[1].padEnd(ruleWidth)}  ${HEADER[2].padEnd(subjectWidth)}  ${HEADER[3]}`);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    lines.push(`  ${f.severity.padEnd(severityWidth)}  ${f.rule.padEnd(ruleWidth)}  ${subjects[i].padEnd(subjectWidth)}  ${evidence(f)}`);
  }
}
const subjectScratch: string[] = [];

/** Accounts per piece of the report handed to `write`: ~700 kB of text. */
const ACCOUNTS_PER_PIECE = 1000;

/** Human-readable report: one block per account, findings in the engine's order. */
export function toAuditTable(result: EvaluationResult, snapshot: Snapshot): string {
  const pieces: string[] = [];
  writeAuditTable(result, snapshot, (text) => void pieces.push(text));
  return pieces.join("");
}

/**
 * toAuditTable in consecutive pieces, each ending with a newline: the report of 50,000 accounts is 33 MB,
 * and joining it into one string took ~250 ms and its conversion to UTF-8 for stdout another ~120 (decision
 * 030, stop 27).
 */
export function writeAuditTable(result: EvaluationResult, snapshot: Snapshot, write: (text: string) => void): void {
  const table = new AuditTableWriter(snapshot);
  for (let i = 0; i < result.accounts.length; i++) table.add(result.accounts[i], i);
  table.finish(result.asOf, write);
}

/**
 * The table built an account at a time, as the engine hands them over (evaluateEachAccount), so no
 * account's findings need outlive its turn: its lines are kept, joined into a piece every 1,000 accounts.
 * The header (which needs every score) and the pieces go to `write` at the end: the same bytes as
 * toAuditTable.
 */
export class AuditTableWriter {
  private readonly sources: SourceAccounts;
  private readonly namer: EvidenceNamer;
  private lines: string[] = [];
  private readonly pieces: string[] = [];
  private readonly scores: number[] = [];

  constructor(snapshot: Snapshot) {
    this.sources = new SourceAccounts(snapshot);
    this.namer = new EvidenceNamer(snapshot);
  }

  /** The next account of the report; `position` is its place in snapshot.accounts when it came from there. */
  add(account: AccountResult, position: number): void {
    const { lines } = this;
    this.scores.push(account.score);
    const source = this.sources.of(account.id, position);
    lines.push("", `${account.id}  ${source === undefined ? "" : `${source.storeName} (${source.region})`}  score ${account.score}  ${account.findings.length === 0 ? "no findings" : countBySeverity(account.findings)}`);
    if (account.findings.length > 0) findingLines(account.findings, lines, (f) => this.namer.evidence(f, source));
    if (this.scores.length % ACCOUNTS_PER_PIECE === 0) this.flush();
  }

  /** Writes the header and every account added, in pieces each ending with a newline. */
  finish(asOf: string, write: (text: string) => void): void {
    if (this.lines.length > 0) this.flush();
    const portfolio = aggregateScore(this.scores);
    write(`Gatehouse audit as of ${asOf}: ${this.scores.length} account(s), portfolio score ${portfolio ?? "n/a"}\n${SCORE_FORMULA.en}\n`);
    for (const piece of this.pieces) write(piece);
  }

  // Each piece's closing newline joined in, not appended: `join() + "\n"` is a two-part rope, and printable's
  // scan of a rope character by character was ~5x slower than of a flat string.
  private flush(): void {
    this.lines.push("");
    this.pieces.push(this.lines.join("\n"));
    this.lines = [];
  }
}

/**
 * The snapshot's account a result is about. The result lists the snapshot's accounts in its order (their ids are
 * unique): each is at the same position. A map by id is built only if that ever does not hold.
 */
class SourceAccounts {
  private byId: Map<string, SellerAccount> | undefined;

  constructor(private readonly snapshot: Snapshot) {}

  of(id: string, position: number): SellerAccount | undefined {
    const source = this.snapshot.accounts[position];
    if (source !== undefined && source.id === id) return source;
    this.byId ??= new Map(this.snapshot.accounts.map((a) => [a.id, a]));
    return this.byId.get(id);
  }
}
